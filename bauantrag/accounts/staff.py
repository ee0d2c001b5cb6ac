"""The staff lifecycle run by a Kommune's administrator: invite, change role, deactivate and reactivate, and the
four-eyes reset of a lost second factor. Every change is audited in the same transaction; every function takes
the acting administrator and refuses a staff member of another Kommune (the views answer 404 before that).

The Kommune never loses its last active administrator: demoting or deactivating one is refused when no other
active administrator would remain (counted under a row lock, so two admins cannot demote each other at once)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.invitation import MAX_AGE_DAYS, make_token
from bauantrag.accounts.mail import queue_mail
from bauantrag.accounts.models import MfaResetRequest, Role, User
from bauantrag.audit.service import record

#: The roles a Kommune's administrator gives (the operator's role is not theirs to give).
KOMMUNE_STAFF_ROLES = (Role.CLERK, Role.AGENCY, Role.TENANT_ADMIN)


def is_kommune_admin(user: object) -> bool:
    return (isinstance(user, User) and user.is_authenticated and user.is_active and user.role == Role.TENANT_ADMIN
            and user.tenant_id is not None)


def staff_of(admin: User) -> list[User]:
    return list(User.objects.filter(tenant=admin.tenant, role__in=KOMMUNE_STAFF_ROLES)
                .order_by("last_name", "first_name", "username"))


def _require_same_kommune(admin: User, member: User) -> None:
    if not is_kommune_admin(admin) or member.tenant_id != admin.tenant_id or member.role not in KOMMUNE_STAFF_ROLES:
        raise PermissionDenied(_("Nur die Administration der eigenen Kommune kann das."))


@transaction.atomic
def invite(admin: User, *, email: str, first_name: str, last_name: str, role: str) -> User:
    """A new staff account without a password; the mailed link lets the person set one (invitation.py)."""
    if not is_kommune_admin(admin):
        raise PermissionDenied(_("Nur die Administration der Kommune kann Mitarbeitende einladen."))
    if role not in KOMMUNE_STAFF_ROLES:
        raise ValidationError({"role": _("Bitte eine Rolle der Bauaufsicht wählen.")})
    user = User(username=email, email=email, first_name=first_name, last_name=last_name, role=role,
                tenant_id=admin.tenant_id, email_verified_at=None)
    user.set_unusable_password()
    user.save()
    record(AccountEvent.STAFF_INVITED, actor=admin, tenant=admin.tenant, subject=user,
           after={"username": user.username, "role": role})
    _send_invitation(admin, user)
    return user


@transaction.atomic
def resend_invitation(admin: User, member: User) -> None:
    """A new link for someone who has not set a password yet (the first expired or got lost). Django's password
    reset does not serve an account without a usable password, so this is the way."""
    _require_same_kommune(admin, member)
    if member.has_usable_password() or not member.is_active:
        raise ValidationError(_("Diese Person hat ihr Passwort schon festgelegt oder ist deaktiviert."),
                              code="accepted")
    record(AccountEvent.STAFF_INVITED, actor=admin, tenant=admin.tenant, subject=member,
           after={"username": member.username, "role": member.role, "again": True})
    _send_invitation(admin, member)


def _send_invitation(admin: User, user: User) -> None:
    queue_mail(user.email, "staff_invitation", {"user": user, "admin": admin, "tenant": admin.tenant,
                                                "token": make_token(user), "valid_days": MAX_AGE_DAYS})


@transaction.atomic
def accept_invitation(user: User, password: str) -> User:
    """The invited person set their first password through the mailed link: that confirms the address too. The
    second factor is set up at the first login (the TOTP step requires it of every staff account)."""
    user.set_password(password)
    user.email_verified_at = timezone.now()
    user.save(update_fields=["password", "email_verified_at"])
    record(AccountEvent.STAFF_INVITATION_ACCEPTED, actor=user, tenant=user.tenant, subject=user,
           after={"username": user.username})
    return user


def _keeps_an_admin(member: User) -> None:
    """Refuse when ``member`` is the Kommune's last active administrator."""
    admins = list(User.objects.select_for_update().filter(
        tenant=member.tenant, role=Role.TENANT_ADMIN, is_active=True).values_list("pk", flat=True))
    if member.pk in admins and len(admins) <= 1:
        raise ValidationError(_("Die Kommune braucht mindestens eine aktive Administratorin oder einen aktiven "
                                "Administrator. Ernennen Sie zuerst eine weitere Person zur Administration."),
                              code="last_admin")


@transaction.atomic
def change_role(admin: User, member: User, role: str) -> User:
    _require_same_kommune(admin, member)
    if role not in KOMMUNE_STAFF_ROLES:
        raise ValidationError(_("Bitte eine Rolle der Bauaufsicht wählen."), code="role")
    member = User.objects.select_for_update().get(pk=member.pk)
    if role == member.role:
        return member
    if member.role == Role.TENANT_ADMIN:
        _keeps_an_admin(member)
    before = member.role
    member.role = role
    member.save(update_fields=["role"])
    record(AccountEvent.STAFF_ROLE_CHANGED, actor=admin, tenant=admin.tenant, subject=member,
           before={"role": before}, after={"role": role})
    return member


@transaction.atomic
def set_active(admin: User, member: User, active: bool) -> User:
    """Deactivate (the person's sessions end: Django logs an inactive account out at its next request; the
    Kommune's API tokens belong to systems and go on working) or reactivate."""
    _require_same_kommune(admin, member)
    member = User.objects.select_for_update().get(pk=member.pk)
    if member.is_active == active:
        return member
    if not active:
        _keeps_an_admin(member)
    member.is_active = active
    member.save(update_fields=["is_active"])
    record(AccountEvent.STAFF_REACTIVATED if active else AccountEvent.STAFF_DEACTIVATED, actor=admin,
           tenant=admin.tenant, subject=member, before={"is_active": not active}, after={"is_active": active})
    return member


def open_reset(member: User) -> MfaResetRequest | None:
    return MfaResetRequest.objects.filter(subject=member, approved_at__isnull=True).select_related(
        "requested_by").first()


@transaction.atomic
def request_mfa_reset(admin: User, member: User, reason: str) -> MfaResetRequest:
    _require_same_kommune(admin, member)
    if member.pk == admin.pk:
        raise ValidationError(_("Den eigenen zweiten Faktor setzt eine andere Administratorin oder ein anderer "
                                "Administrator zurück."), code="own_factor")
    if not reason.strip():
        raise ValidationError(_("Bitte eine Begründung angeben."), code="reason")
    User.objects.select_for_update().get(pk=member.pk)  # one open request per account, also when racing
    if open_reset(member) is not None:
        raise ValidationError(_("Für dieses Konto ist das Zurücksetzen bereits beantragt."), code="open")
    assert admin.tenant is not None  # a Kommune admin (checked above)
    reset = MfaResetRequest.objects.create(tenant=admin.tenant, subject=member, requested_by=admin,
                                           reason=reason.strip())
    record(AccountEvent.MFA_RESET_REQUESTED, actor=admin, tenant=admin.tenant, subject=member,
           after={"request": str(reset.pk), "reason": reset.reason})
    return reset


@transaction.atomic
def approve_mfa_reset(admin: User, member: User) -> MfaResetRequest:
    """The second administrator confirms: the person's TOTP devices are deleted and they set up a new one at their
    next login."""
    _require_same_kommune(admin, member)
    User.objects.select_for_update().get(pk=member.pk)
    reset = open_reset(member)
    if reset is None:
        raise ValidationError(_("Für dieses Konto ist kein Zurücksetzen beantragt."), code="none_open")
    if reset.requested_by_id == admin.pk or member.pk == admin.pk:
        raise PermissionDenied(_("Eine zweite Administratorin oder ein zweiter Administrator muss das Zurücksetzen "
                                 "bestätigen, nicht die Person, die es beantragt hat oder die es betrifft."))
    reset.approved_by, reset.approved_at = admin, timezone.now()
    reset.save(update_fields=["approved_by", "approved_at"])
    deleted, _by_model = TOTPDevice.objects.filter(user=member).delete()
    record(AccountEvent.MFA_RESET_APPROVED, actor=admin, tenant=admin.tenant, subject=member,
           after={"request": str(reset.pk), "requested_by": reset.requested_by.username, "devices_deleted": deleted})
    return reset
