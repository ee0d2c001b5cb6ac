"""Password change (logged in) and reset by e-mail: Django's own views and forms, in German, rate-limited, with
an audit entry for every new password.

The reset page answers the same whether or not an address has an account, and sends in the background. A reset
never logs in (``post_reset_login`` stays off): staff then log in with the new password *and* their second factor.
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bauantrag.accounts import throttle
from bauantrag.accounts.actions import set_password
from bauantrag.accounts.client_address import client_address
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.mail import queue_mail
from bauantrag.accounts.models import User
from bauantrag.accounts.names import normalise_email

logger = logging.getLogger("bauantrag.accounts")

RESET_PER_ADDRESS = throttle.Limit("password-reset-address", 3, 60 * 60)  # mails to one address per hour
RESET_PER_CLIENT = throttle.Limit("password-reset-client", 10, 60 * 60)  # requests from one client per hour
TOO_MANY_REQUESTS = _("Zu viele Anfragen von Ihrer Internetadresse aus. Bitte versuchen Sie es in einer Stunde "
                      "erneut.")


class AuditedNewPassword:
    """Saves the new password through the action (audited) instead of Django's plain ``user.save()``."""

    event: AccountEvent
    cleaned_data: dict[str, Any]

    def set_password_and_save(self, user: User, password_field_name: str = "new_password1",  # noqa: S107
                              commit: bool = True) -> User:
        return set_password(user, self.cleaned_data[password_field_name], event=self.event)


class PasswordChangeForm(AuditedNewPassword, auth_forms.PasswordChangeForm):
    event = AccountEvent.PASSWORD_CHANGED


class ResetSetPasswordForm(AuditedNewPassword, auth_forms.SetPasswordForm):  # type: ignore[type-arg]
    event = AccountEvent.PASSWORD_RESET


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse Ihres Kontos"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:
        """Queued, so that the answer takes as long for an address without an account; sent only to the address
        stored with the account (Django compares it, CVE-2019-19844)."""
        queue_mail(to_email, "password_reset", {
            "user": context["user"], "uid": context["uid"], "token": context["token"],
            "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        })


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)  # saves and gives the session a new id (update_session_auth_hash)
        messages.success(self.request, gettext("Ihr Passwort ist geändert."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        if throttle.exceeded(RESET_PER_CLIENT, client_address(self.request)):
            logger.warning("Password reset refused: too many requests from %s", client_address(self.request))
            form.add_error(None, TOO_MANY_REQUESTS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if throttle.exceeded(RESET_PER_ADDRESS, form.cleaned_data["email"]):
            # The same answer as a sent mail: this page never tells whether an address has an account.
            logger.warning("Password reset mail not sent: limit per address reached")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
                "per_hour": RESET_PER_ADDRESS.limit}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = ResetSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = False  # never: a reset link is no second factor


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
