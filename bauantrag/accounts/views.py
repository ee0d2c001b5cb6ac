"""Login, logout and the TOTP second factor for staff."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.actions import confirm_totp_device
from bauantrag.accounts.forms import TotpForm
from bauantrag.accounts.login import ThrottledLoginForm
from bauantrag.accounts.models import Role, User
from bauantrag.accounts.security_events import record_mfa_failure
from bauantrag.accounts.totp import base32_secret, provisioning_svg


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True


def safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def mfa(request: HttpRequest) -> HttpResponse:
    """Verify the TOTP code; staff without a confirmed device set one up here first."""
    user = request.user
    assert isinstance(user, User)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setup = device is None
    if setup:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator", confirmed=False
        )
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if setup:
                confirm_totp_device(user, device)
            otp_login(request, device)
            request.session.cycle_key()  # a new session id at the second factor too (session fixation)
            return redirect(safe_next(request))
        record_mfa_failure(request, user)
        form.add_error("token", _("Der Code ist falsch oder abgelaufen."))
    context = {"form": form, "setup": setup, "next": safe_next(request)}
    if setup:
        context["qr_svg"] = provisioning_svg(device)
        context["secret"] = base32_secret(device)
    return render(request, "accounts/mfa.html", context)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.role in (Role.APPLICANT, Role.DESIGNER):
        return redirect("portal:list")
    if user.does_casework:
        return redirect("workspace:queue")
    if user.role == Role.AGENCY:
        return redirect("beteiligung:inbox")
    return render(request, "accounts/no_workspace.html")
