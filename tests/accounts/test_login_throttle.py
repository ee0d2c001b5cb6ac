"""Login throttling (BSI APP.3.1.A1, OWASP ASVS 6.3.1): per account on the normalised name, per client address,
on the site's login and the admin's, with a growing cool-down instead of a permanent lock; failures and locks in
the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory

from bauantrag.accounts import throttle
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SITE = "/konto/anmelden/"
ADMIN = "/verwaltung/login/"


def post(path: str, name: str, password: str, address: str = "198.51.100.7") -> str:
    response = Client(REMOTE_ADDR=address).post(path, {"username": name, "password": password})
    return str(response.status_code) + " " + response.content.decode()


def test_the_eleventh_attempt_is_refused_even_with_the_right_password() -> None:
    user = UserFactory()
    client = Client()
    for _ in range(throttle.ACCOUNT_LIMIT):
        response = client.post(SITE, {"username": user.username, "password": "falsch"})
        assert "Benutzername oder Passwort ist falsch." in response.content.decode()
    response = client.post(SITE, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "Zu viele Fehlversuche für dieses Konto. Bitte versuchen Sie es in 1 Minute erneut." in (
        response.content.decode())
    assert "_auth_user_id" not in client.session


def test_a_few_typos_do_not_lock_the_account() -> None:
    user = UserFactory()
    client = Client()
    for _ in range(3):
        client.post(SITE, {"username": user.username, "password": "falsch"})
    response = client.post(SITE, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def test_full_width_and_upper_case_spellings_share_the_accounts_counter() -> None:
    """Django logs the NFKC form in, so `ｎiemand@…` is the same account: it must not get fresh tries."""
    user = UserFactory(username="niemand@example.org")
    spellings = ["ｎiemand@example.org", "NIEMAND@example.org", "ｎｉｅｍａｎｄ@example.org", " niemand@example.org"]
    for index in range(throttle.ACCOUNT_LIMIT):
        assert "falsch" in post(SITE, spellings[index % len(spellings)], "falsch", address=f"203.0.113.{index}")
    assert "Zu viele Fehlversuche für dieses Konto" in post(SITE, user.username, PASSWORD, address="192.0.2.99")


def test_the_admin_login_is_throttled_with_the_same_counter() -> None:
    staff = UserFactory(role=Role.TENANT_ADMIN, is_staff=True)
    for _ in range(throttle.ACCOUNT_LIMIT - 1):
        assert "Benutzername oder Passwort ist falsch." in post(ADMIN, staff.username, "falsch")
    post(SITE, staff.username, "falsch")
    assert "Zu viele Fehlversuche für dieses Konto" in post(ADMIN, staff.username, PASSWORD)


def test_the_cool_down_ends_and_grows_with_every_further_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    user = UserFactory()
    clock = [1_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: clock[0])
    for expected in ("1 Minute", "2 Minuten", "4 Minuten"):
        for _ in range(throttle.ACCOUNT_LIMIT):
            post(SITE, user.username, "falsch")
        assert f"Bitte versuchen Sie es in {expected} erneut." in post(SITE, user.username, PASSWORD)
        throttle.cache.delete(throttle._lock_key(throttle.LoginAttempt(user.username, "")))  # the cache expires it
        clock[0] += 3600
    assert post(SITE, user.username, PASSWORD).startswith("302")
    assert [throttle.cool_down(n) for n in (1, 2, 3, 4, 5, 6, 50)] == [60, 120, 240, 480, 900, 900, 900]


def test_one_address_guessing_across_many_accounts_is_stopped() -> None:
    victim = UserFactory()
    for index in range(throttle.ADDRESS_LIMIT):
        post(SITE, f"stranger{index}@example.org", "falsch", address="203.0.113.66")
    refused = post(SITE, victim.username, PASSWORD, address="203.0.113.66")
    assert "Zu viele Fehlversuche von Ihrer Internetadresse aus" in refused
    assert post(SITE, victim.username, PASSWORD, address="192.0.2.1").startswith("302"), "the user elsewhere"
    assert AuditEvent.objects.filter(event=AccountEvent.ADDRESS_BLOCKED, tenant=None).count() == 1


def test_failures_and_the_lock_are_in_the_accounts_audit_trail() -> None:
    user = UserFactory()
    for _ in range(throttle.ACCOUNT_LIMIT):
        post(SITE, user.username.upper(), "falsch")
    post(SITE, "unbekannt@example.org", "Sommer2024!")
    failed = AuditEvent.objects.filter(event=AccountEvent.LOGIN_FAILED, tenant=user.tenant)
    assert failed.count() == throttle.ACCOUNT_LIMIT
    assert failed.first().subject_id == str(user.pk)  # type: ignore[union-attr]
    locked = AuditEvent.objects.get(event=AccountEvent.LOGIN_LOCKED, tenant=user.tenant)
    assert locked.after["seconds"] == throttle.FIRST_COOL_DOWN
    assert locked.after["address"] == "198.51.100.7"
    stranger = AuditEvent.objects.get(event=AccountEvent.LOGIN_FAILED, tenant=None)
    assert stranger.after["account"] is None
    assert "Sommer2024" not in str(stranger.after) and "unbekannt" not in str(stranger.after)


@pytest.mark.parametrize(("remote", "forwarded", "expected"), [
    ("198.51.100.7", "", "198.51.100.7"),
    ("198.51.100.7", "203.0.113.5", "198.51.100.7"),  # no trusted proxy: the header is the client's invention
    ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
    ("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.0.0.3", "203.0.113.5"),  # left of the client's hop is forgeable
    ("127.0.0.1", "kaputt", "127.0.0.1"),
    ("127.0.0.1", "", "127.0.0.1"),
])
def test_the_client_address_behind_a_trusted_proxy(settings: Any, remote: str, forwarded: str, expected: str) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    request = RequestFactory().post(SITE, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert throttle.attempt(request, "x@example.org").address == expected


def test_behind_the_proxy_one_client_is_blocked_and_the_others_are_not(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    victim = UserFactory()
    for index in range(throttle.ADDRESS_LIMIT):
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66").post(
            SITE, {"username": f"stranger{index}@example.org", "password": "falsch"})
    stranger = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    refused = stranger.post(SITE, {"username": victim.username, "password": PASSWORD}).content.decode()
    assert "Zu viele Fehlversuche von Ihrer Internetadresse aus" in refused
    through_proxy = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert through_proxy.post(SITE, {"username": victim.username, "password": PASSWORD}).status_code == 302
