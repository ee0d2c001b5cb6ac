"""The login forms of the site and of the admin (/verwaltung/), both throttled (accounts.throttle) and audited."""

from __future__ import annotations

import logging
import math
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bauantrag.accounts import throttle
from bauantrag.accounts.actions import record_login_failure

logger = logging.getLogger("bauantrag.accounts")

INVALID_LOGIN = _("Benutzername oder Passwort ist falsch.")
ADDRESS_BLOCKED = _("Zu viele Fehlversuche von Ihrer Internetadresse aus. Anmeldungen von dort sind für "
                    "24 Stunden gesperrt. Bitte wenden Sie sich an die Bauaufsicht, wenn Sie Hilfe brauchen.")


def account_locked_message(seconds: int) -> str:
    minutes = max(math.ceil(seconds / 60), 1)
    return ngettext(
        "Zu viele Fehlversuche für dieses Konto. Bitte versuchen Sie es in %(minutes)d Minute erneut.",
        "Zu viele Fehlversuche für dieses Konto. Bitte versuchen Sie es in %(minutes)d Minuten erneut.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledMixin(AuthenticationForm):
    """Refuses before the password is checked while the account cools down or the address is blocked; counts,
    audits and logs every failure."""

    def clean(self) -> dict[str, Any]:
        login = throttle.attempt(self.request, self.data.get("username", ""))
        refused = throttle.refusal(login)
        if refused is not None:
            logger.warning("Login refused (%s throttled) for name %s from %s", refused.reason, login.account_id,
                           login.address)
            message = ADDRESS_BLOCKED if refused.reason == "address" else account_locked_message(refused.seconds)
            raise forms.ValidationError(message, code="throttled")
        try:
            data = super().clean()
        except forms.ValidationError:
            failure = throttle.failed(login)
            record_login_failure(login, failure)
            if failure.locked_for or failure.address_blocked:
                logger.warning("Login throttled after failures: name %s from %s (cool-down %s s, address blocked %s)",
                               login.account_id, login.address, failure.locked_for, failure.address_blocked)
            raise
        if self.get_user() is not None:
            throttle.succeeded(login)
        return data


class ThrottledLoginForm(ThrottledMixin):
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": INVALID_LOGIN}


class ThrottledAdminLoginForm(ThrottledMixin, AdminAuthenticationForm):
    error_messages = {**AdminAuthenticationForm.error_messages, "invalid_login": INVALID_LOGIN}
