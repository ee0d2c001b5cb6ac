"""The one spelling of a login name that accounts, registration and login throttling agree on, and the refusal of
addresses that only look like another one (OWASP ASVS 1.1.1, the pattern of CVE-2019-19844)."""

from __future__ import annotations

import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Characters nobody sees: format characters (zero-width space and joiners, bidi controls, soft hyphen), controls,
# separators other than the plain space, private use and unassigned code points.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})

INVISIBLE = _("Die E-Mail-Adresse enthält unsichtbare Zeichen (z. B. ein Leerzeichen ohne Breite). Bitte tippen Sie "
              "sie neu ein, statt sie einzufügen.")
MIXED_SCRIPTS = _("Die E-Mail-Adresse mischt Buchstaben verschiedener Schriften, die gleich aussehen (z. B. ein "
                  "kyrillisches „а“ in einer lateinischen Adresse). Bitte tippen Sie sie neu ein.")


def normalise_email(value: str) -> str:
    """One address, one account: NFKC (as Django's login form applies) and case-folded, so look-alike spellings
    such as the full-width ``ｎiemand@…`` collide."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def refuse_lookalikes(value: str) -> None:
    """Refuse an address with invisible characters or with letters of several scripts that can be confused (UTS #39,
    via confusable_homoglyphs), also where a domain label is written in Punycode (``xn--…``)."""
    if any(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in value.strip()):
        raise ValidationError(INVISIBLE, code="invisible_characters")
    if any(confusables.is_dangerous(form) for form in (value, _decoded_domain(value))):
        raise ValidationError(MIXED_SCRIPTS, code="mixed_scripts")


def _decoded_domain(value: str) -> str:
    local, _at, domain = value.rpartition("@")
    labels = []
    for label in domain.split("."):
        try:
            labels.append(label.encode("ascii").decode("idna") if label.lower().startswith("xn--") else label)
        except UnicodeError:
            labels.append(label)
    return f"{local}@{'.'.join(labels)}"
