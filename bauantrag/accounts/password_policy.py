"""The strength check of new passwords: zxcvbn's offline estimate of how early an attacker guesses a password
(django-zxcvbn-password-validator), with the project's German wording. It refuses what length and Django's list of
common passwords let through: repeats („aaaaaaaaaaaa“), a common word with digits („Passwort12345“), keyboard rows,
dates, the person's own name or address, and the words of this site (settings.PASSWORD_EXTRA_DICTIONARY). No
request leaves the server (BSI APP.3.1.A14, OWASP ASVS 6.2.4)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_zxcvbn_password_validator.translate_zxcvbn_text import translate_zxcvbn_text
from django_zxcvbn_password_validator.zxcvbn_password_validator import ZxcvbnPasswordValidator


class GuessablePasswordValidator(ZxcvbnPasswordValidator):  # type: ignore[misc]  # the library is untyped
    def validate(self, password: str, user: Any = None) -> None:
        result = self._run_zxcvbn(password, user)
        if result["score"] >= self.password_minimal_strength:
            return
        parts = [_("Dieses Passwort ist zu leicht zu erraten.")]
        warning = result["feedback"]["warning"]
        if warning:  # the library's German for zxcvbn's finding, e.g. „Wiederholungen wie "aaa" sind leicht …“
            # (its catalogue is keyed without the full stop that zxcvbn 4.5 appends)
            parts.append(str(translate_zxcvbn_text(warning.rstrip("."))) + ".")
        parts.append(_("Besser sind mehrere Wörter, die nicht zusammengehören, z. B. mit Bindestrichen dazwischen."))
        raise ValidationError(" ".join(parts), code="password_too_guessable")

    def get_help_text(self) -> str:
        return _("Es darf nicht leicht zu erraten sein: keine Wiederholungen wie „aaaa“, keine Tastaturfolgen, kein "
                 "häufiges Wort mit angehängten Ziffern wie „Passwort12345“.")
