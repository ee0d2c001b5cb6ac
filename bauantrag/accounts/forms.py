from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

MAX_FAILED_LOGINS = 10
LOCK_SECONDS = 15 * 60


def _failure_key(username: str) -> str:
    return "login-failures:" + username.strip().casefold()


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, locked for 15 minutes after 10 failed attempts for one account."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Benutzername oder Passwort ist falsch."),
        "locked": _("Zu viele Fehlversuche. Das Konto ist für 15 Minuten gesperrt."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        key = _failure_key(str(username))
        if cache.get(key, 0) >= MAX_FAILED_LOGINS:
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            return super().clean()
        except forms.ValidationError:
            cache.set(key, cache.get(key, 0) + 1, LOCK_SECONDS)
            raise


class TotpForm(forms.Form):
    token = forms.CharField(
        label=_("Einmalcode aus der Authenticator-App"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
