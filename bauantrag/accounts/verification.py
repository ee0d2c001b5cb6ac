"""The signed, expiring link that confirms a registered e-mail address. It names the account and (as a hash) the
address it was sent to, so a link for an address the account no longer has is void; nothing is stored for it."""

from __future__ import annotations

import hashlib

from django.core import signing

from bauantrag.accounts.models import User

SALT = "bauantrag.accounts.verify-email"
MAX_AGE_DAYS = 3


def make_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": _digest(user.email)}, salt=SALT, compress=True)


def user_for_token(token: str) -> User | None:
    """The account the link confirms, or None when it is forged, expired or meant for another address."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_DAYS * 24 * 60 * 60)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        return None
    user = User.objects.filter(pk=data["user"], is_active=True).select_related("tenant").first()
    if user is None or _digest(user.email) != data.get("email"):
        return None
    return user


def _digest(email: str) -> str:
    """The address in the link only as a hash: links end up in logs and browser histories."""
    return hashlib.sha256(email.encode("utf-8")).hexdigest()[:24]
