"""State changes of accounts: through here, with an audit entry in the same transaction."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts import throttle
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.forms import RegistrationForm
from bauantrag.accounts.models import User
from bauantrag.audit.service import record


@transaction.atomic
def register_account(form: RegistrationForm) -> User:
    """Create an applicant's or designer's account from a valid registration form."""
    user = form.save()
    record(
        AccountEvent.ACCOUNT_REGISTERED, actor=user, tenant=user.tenant, subject=user,
        after={"username": user.username, "role": user.role, "chamber_number": user.chamber_number},
    )
    return user


@transaction.atomic
def set_password(user: User, password: str, *, event: AccountEvent) -> User:
    """A new password, by the person themselves (changed while logged in, or reset through the e-mailed link).
    Every other session of the account ends with it (Django binds a session to the password hash)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record(event, actor=user, tenant=user.tenant, subject=user, after={"username": user.username})
    return user


@transaction.atomic
def confirm_totp_device(user: User, device: TOTPDevice) -> None:
    """The staff member proved with a valid code that the new authenticator works: it becomes their second
    factor (recorded, as the account's security changes)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(AccountEvent.MFA_ENROLLED, actor=user, tenant=user.tenant, subject=user,
           after={"device": device.name, "device_id": device.pk})


@transaction.atomic
def record_login_failure(login: throttle.LoginAttempt, failure: throttle.Failure) -> None:
    """A failed login into the trail: the account's Kommune's chain if the name is an account, else the platform's
    (then only a hash of the typed name is kept, as it may be a password typed into the wrong field); a cool-down
    or an address block it started as its own event."""
    user = User.objects.filter(username__iexact=login.name).select_related("tenant").first()
    subject: User | throttle.LoginAttempt = user if user is not None else login
    tenant = user.tenant if user is not None else None
    who = {"account": user.username if user is not None else None, "name_hash": login.account_id,
           "address": login.address}
    record(AccountEvent.LOGIN_FAILED, actor=None, tenant=tenant, subject=subject,
           after={**who, "failures": failure.failures})
    if failure.locked_for:
        record(AccountEvent.LOGIN_LOCKED, actor=None, tenant=tenant, subject=subject,
               after={**who, "seconds": failure.locked_for})
    if failure.address_blocked:
        record(AccountEvent.ADDRESS_BLOCKED, actor=None, tenant=None, subject=throttle.ClientAddress(login.address),
               after={"address": login.address, "seconds": throttle.ADDRESS_WINDOW})
