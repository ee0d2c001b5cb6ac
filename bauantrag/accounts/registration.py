"""Self-registration of applicants and designers: no answer tells whether an address has an account, a limit per
client address, and a signed, expiring link that confirms the address before the account may submit."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from bauantrag.accounts import throttle
from bauantrag.accounts.actions import register_account, send_verification, verify_email
from bauantrag.accounts.client_address import client_address
from bauantrag.accounts.forms import RegistrationForm
from bauantrag.accounts.models import User
from bauantrag.accounts.verification import MAX_AGE_DAYS, user_for_token
from bauantrag.accounts.views import safe_next

logger = logging.getLogger("bauantrag.accounts")

REGISTRATIONS_PER_CLIENT = throttle.Limit("registration-client", 5, 60 * 60)
RESENDS_PER_ACCOUNT = throttle.Limit("verification-resend", 3, 60 * 60)
TOO_MANY_REGISTRATIONS = _lazy("Von Ihrer Internetadresse aus wurden in der letzten Stunde schon mehrere Konten "
                               "angelegt. Bitte versuchen Sie es später erneut.")


def register(request: HttpRequest) -> HttpResponse:
    """Self-registration for applicants and designers; staff accounts are created by administrators. The answer is
    the same whether or not the address has an account (its owner gets a mail instead), limited per client."""
    if request.user.is_authenticated:
        return redirect("home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttle.exceeded(REGISTRATIONS_PER_CLIENT, client_address(request)):
            logger.warning("Registration refused: too many from %s", client_address(request))
            form.add_error(None, TOO_MANY_REGISTRATIONS)
            return render(request, "accounts/register.html", {"form": form}, status=429)
        register_account(form)
        return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/register_done.html", {"valid_days": MAX_AGE_DAYS})


def verify(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the registration mail. Opening it (GET) shows a button; only pressing it (POST) confirms the
    address the link was sent to, so that a mail filter that opens every link confirms nothing. Logs nobody in."""
    user = user_for_token(token)
    if user is None:
        return render(request, "accounts/verify_failed.html", status=400)
    if request.method != "POST":
        return render(request, "accounts/verify_confirm.html", {"already": user.email_verified})
    verify_email(user)
    if request.user.is_authenticated and request.user.pk == user.pk:
        messages.success(request, _("Ihre E-Mail-Adresse ist bestätigt. Sie können Anträge jetzt einreichen."))
        return redirect("home")
    return render(request, "accounts/verify_done.html")


@login_required
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.email_verified:
        messages.success(request, _("Ihre E-Mail-Adresse ist bereits bestätigt."))
    elif throttle.exceeded(RESENDS_PER_ACCOUNT, str(user.pk)):
        messages.error(request, _("Wir haben Ihnen in der letzten Stunde schon mehrere E-Mails geschickt. Bitte sehen "
                                  "Sie auch im Spam-Ordner nach oder versuchen Sie es später erneut."))
    else:
        with transaction.atomic():
            send_verification(user)
        messages.success(request, _("Wir haben Ihnen den Link zur Bestätigung erneut geschickt."))
    return redirect(safe_next(request) if request.POST.get("next") else "home")
