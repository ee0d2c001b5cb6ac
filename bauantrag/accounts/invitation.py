"""The signed, expiring, single-use link with which an invited staff member sets their first password. Like the
address confirmation (verification.py) nothing is stored for it: it names the account, the address (as a hash) and
the account's current password hash (as a hash), so it is void once a password is set or the address changed."""

from __future__ import annotations

import hashlib

from django.core import signing

from bauantrag.accounts.models import STAFF_ROLES, User

SALT = "bauantrag.accounts.staff-invitation"
MAX_AGE_DAYS = 7


def make_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": _digest(user.email), "pw": _digest(user.password)},
                         salt=SALT, compress=True)


def user_for_token(token: str) -> User | None:
    """The invited account, or None when the link is forged, expired, used already or meant for another address."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_DAYS * 24 * 60 * 60)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        return None
    user = User.objects.filter(pk=data["user"], is_active=True).select_related("tenant").first()
    if user is None or user.role not in STAFF_ROLES or user.has_usable_password():
        return None
    if _digest(user.email) != data.get("email") or _digest(user.password) != data.get("pw"):
        return None
    return user


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:24]
