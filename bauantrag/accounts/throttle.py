"""Login throttling per account and per client address, in the configured cache (Redis in production).

Per account (on the normalised name, so full-width or upper-case spellings share one counter): after
ACCOUNT_LIMIT failures the account cools down for a short time that doubles with every further lock
(1, 2, 4, 8, then at most 15 minutes), never a permanent lock. Per client address: after ADDRESS_LIMIT
failures within a day the address may not try again for a day; this is what stops guessing
and what keeps one stranger from locking a real user out for long (BSI APP.3.1.A1, OWASP ASVS 6.3.1).

Counters use the cache's ``add`` and ``incr``, which Redis performs atomically, so several web workers count
together. The same counters limit other forms a stranger could use to send mail or create accounts (password reset,
registration): ``exceeded`` with a ``Limit``.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest

from bauantrag.accounts.client_address import client_address
from bauantrag.accounts.names import normalise_email

ACCOUNT_LIMIT = 10
ADDRESS_LIMIT = 100
ADDRESS_WINDOW = 24 * 60 * 60
FIRST_COOL_DOWN = 60
MAX_COOL_DOWN = 15 * 60
ACCOUNT_WINDOW = 15 * 60  # failures older than this (without a lock) are forgotten
STRIKE_MEMORY = 24 * 60 * 60  # how long earlier locks make the next one longer


@dataclass(frozen=True)
class LoginAttempt:
    name: str  # normalised
    address: str

    @property
    def account_id(self) -> str:
        """A fixed-length key for the name (the typed text is never stored: it might be a password)."""
        return hashlib.sha256(self.name.encode("utf-8")).hexdigest()[:32]

    @property
    def pk(self) -> str:  # the audit trail's subject id when the name is no account
        return self.account_id


@dataclass(frozen=True)
class ClientAddress:
    pk: str  # the address, the audit trail's subject id of an address block


@dataclass(frozen=True)
class Refusal:
    reason: str  # "account" or "address"
    seconds: int


@dataclass(frozen=True)
class Failure:
    failures: int
    locked_for: int  # seconds of the cool-down this failure started, 0 if none
    address_blocked: bool  # this failure reached the address limit


def attempt(request: HttpRequest | None, raw_name: object) -> LoginAttempt:
    address = client_address(request) if request is not None else "unknown"
    return LoginAttempt(normalise_email(str(raw_name or "")), address)


def refusal(login: LoginAttempt) -> Refusal | None:
    """Why this attempt may not even be checked, or None."""
    for reason, key in (("address", _blocked_key(login)), ("account", _lock_key(login))):
        until = cache.get(key)
        if until is not None:
            return Refusal(reason, max(int(float(until) - time.time()), 1))
    return None


def failed(login: LoginAttempt) -> Failure:
    """Count a failed attempt for the account and the address; start a cool-down at the account limit."""
    address_failures = _increment(_address_key(login), ADDRESS_WINDOW)
    failures = _increment(_failures_key(login), ACCOUNT_WINDOW)
    locked_for = 0
    if failures >= ACCOUNT_LIMIT:
        strikes = _increment(_strikes_key(login), STRIKE_MEMORY)
        locked_for = cool_down(strikes)
        cache.set(_lock_key(login), time.time() + locked_for, locked_for)
        cache.delete(_failures_key(login))
    blocked = address_failures >= ADDRESS_LIMIT and cache.add(
        _blocked_key(login), time.time() + ADDRESS_WINDOW, ADDRESS_WINDOW
    )
    return Failure(failures, locked_for, bool(blocked))


def succeeded(login: LoginAttempt) -> None:
    """The right password: the account's count starts again (the address's does not)."""
    cache.delete_many([_failures_key(login), _strikes_key(login)])


def cool_down(strikes: int) -> int:
    """Seconds of the n-th lock within STRIKE_MEMORY: 60, 120, 240, 480, then 900."""
    return min(FIRST_COOL_DOWN << min(max(strikes - 1, 0), 16), MAX_COOL_DOWN)


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` requests of one kind (``scope``) per key within ``window`` seconds (a fixed window that
    starts with the first request)."""

    scope: str
    limit: int
    window: int


def exceeded(limit: Limit, key: str) -> bool:
    """Count one request for ``key`` (an address, a client address; only its hash is kept); True once it is over
    the limit."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return _increment(f"limit:{limit.scope}:{digest}", limit.window) > limit.limit


def _increment(key: str, timeout: int) -> int:
    """Atomic on Redis: ``add`` creates the counter with its expiry only if it is missing, ``incr`` counts."""
    cache.add(key, 0, timeout)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
        return 1


def _address_key(login: LoginAttempt) -> str:
    return "login:address:" + hashlib.sha256(login.address.encode()).hexdigest()[:32]


def _blocked_key(login: LoginAttempt) -> str:
    return "login:address-blocked:" + hashlib.sha256(login.address.encode()).hexdigest()[:32]


def _failures_key(login: LoginAttempt) -> str:
    return "login:failures:" + login.account_id


def _strikes_key(login: LoginAttempt) -> str:
    return "login:strikes:" + login.account_id


def _lock_key(login: LoginAttempt) -> str:
    return "login:locked:" + login.account_id
