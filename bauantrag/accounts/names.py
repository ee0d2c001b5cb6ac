"""The one spelling of a login name that accounts, registration and login throttling agree on."""

from __future__ import annotations

import unicodedata


def normalise_email(value: str) -> str:
    """One address, one account: NFKC (as Django's login form applies) and case-folded, so look-alike spellings
    such as the full-width ``ｎiemand@…`` collide."""
    return unicodedata.normalize("NFKC", value).strip().casefold()
