"""The Kommune admin's page „Mitarbeitende“ at /kommune/mitarbeitende/: list and invite staff, change a role,
deactivate and reactivate, request and approve the reset of a lost second factor (bauantrag.accounts.staff), and
the invited person's page that sets the first password.

Only a Kommune's administrator sees these pages, and only for their own Kommune: a staff member of another Kommune
(or an unknown id) answers 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts import staff
from bauantrag.accounts.invitation import user_for_token
from bauantrag.accounts.models import User
from bauantrag.accounts.staff_forms import InviteForm, MfaResetForm, RoleForm


def _admin(request: HttpRequest) -> User:
    if not staff.is_kommune_admin(request.user):
        raise PermissionDenied(_("Nur die Administration der Kommune kann Mitarbeitende verwalten."))
    assert isinstance(request.user, User)
    return request.user


def _member(request: HttpRequest, staff_id: int) -> tuple[User, User]:
    """The admin and a staff member of their Kommune; 404 for anyone else (the same as an unknown id)."""
    if not staff.is_kommune_admin(request.user):
        raise Http404
    assert isinstance(request.user, User)
    member = User.objects.filter(pk=staff_id, tenant=request.user.tenant,
                                 role__in=staff.KOMMUNE_STAFF_ROLES).first()
    if member is None:
        raise Http404
    return request.user, member


def _errors(exc: ValidationError) -> str:
    return " ".join(str(message) for message in exc.messages)


@never_cache
@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    admin = _admin(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invited = staff.invite(admin, email=data["email"], first_name=data["first_name"],
                               last_name=data["last_name"], role=data["role"])
        messages.success(request, _("%(name)s ist eingeladen: Der Link zum Festlegen des Passworts ist an "
                                    "%(email)s unterwegs.") % {"name": invited.display_name(), "email": invited.email})
        return redirect("staff_list")
    members = staff.staff_of(admin)
    with_factor = set(TOTPDevice.objects.filter(user__in=members, confirmed=True).values_list("user_id", flat=True))
    rows = [{"member": m, "has_factor": m.pk in with_factor, "invited": not m.has_usable_password(),
             "open_reset": staff.open_reset(m)} for m in members]
    return render(request, "accounts/staff_list.html", {"rows": rows, "form": form, "tenant": admin.tenant},
                  status=400 if request.method == "POST" else 200)


@never_cache
@login_required
def staff_detail(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    return _detail(request, admin, member)


def _detail(request: HttpRequest, admin: User, member: User, status: int = 200, **forms: Any) -> HttpResponse:
    context = {
        "member": member, "is_self": member.pk == admin.pk,
        "invited": not member.has_usable_password(), "open_reset": staff.open_reset(member),
        "has_factor": TOTPDevice.objects.filter(user=member, confirmed=True).exists(),
        "role_form": forms.get("role_form") or RoleForm(initial={"role": member.role}),
        "reset_form": forms.get("reset_form") or MfaResetForm(),
    }
    return render(request, "accounts/staff_detail.html", context, status=status)


@require_POST
@login_required
def staff_role(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            staff.change_role(admin, member, form.cleaned_data["role"])
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Die Rolle ist geändert."))
            return redirect("staff_detail", staff_id=member.pk)
    return _detail(request, admin, member, status=400, role_form=form)


@require_POST
@login_required
def staff_active(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    active = request.POST.get("active") == "1"
    try:
        staff.set_active(admin, member, active)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return _detail(request, admin, member, status=400)
    messages.success(request, _("Das Konto ist wieder aktiv.") if active else
                     _("Das Konto ist deaktiviert; laufende Sitzungen sind beendet."))
    return redirect("staff_detail", staff_id=member.pk)


@require_POST
@login_required
def staff_invitation(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    try:
        staff.resend_invitation(admin, member)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return _detail(request, admin, member, status=400)
    messages.success(request, _("Eine neue Einladung ist an %(email)s unterwegs.") % {"email": member.email})
    return redirect("staff_detail", staff_id=member.pk)


@require_POST
@login_required
def staff_mfa_reset(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    form = MfaResetForm(request.POST)
    if form.is_valid():
        try:
            staff.request_mfa_reset(admin, member, form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Das Zurücksetzen ist beantragt. Eine zweite Administratorin oder ein "
                                        "zweiter Administrator muss es bestätigen."))
            return redirect("staff_detail", staff_id=member.pk)
    return _detail(request, admin, member, status=400, reset_form=form)


@require_POST
@login_required
def staff_mfa_reset_approve(request: HttpRequest, staff_id: int) -> HttpResponse:
    admin, member = _member(request, staff_id)
    try:
        staff.approve_mfa_reset(admin, member)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return _detail(request, admin, member, status=400)
    messages.success(request, _("Der zweite Faktor ist zurückgesetzt. %(name)s richtet bei der nächsten Anmeldung "
                                "einen neuen ein.") % {"name": member.display_name()})
    return redirect("staff_detail", staff_id=member.pk)


@never_cache
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation: set the first password (under the password policy). Logs nobody in; the
    first login then leads to setting up the second factor."""
    user = user_for_token(token)
    if user is None:
        return render(request, "accounts/invitation_failed.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        staff.accept_invitation(user, form.cleaned_data["new_password1"])
        messages.success(request, _("Ihr Passwort ist gespeichert. Melden Sie sich jetzt an; danach richten Sie den "
                                    "zweiten Faktor (Authenticator-App) ein."))
        return redirect("accounts:login")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invited": user},
                  status=400 if request.method == "POST" else 200)
