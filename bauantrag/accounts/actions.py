"""State changes of accounts: through here, with an audit entry in the same transaction."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts import throttle
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.forms import RegistrationForm
from bauantrag.accounts.mail import queue_mail
from bauantrag.accounts.models import User
from bauantrag.accounts.verification import MAX_AGE_DAYS, make_token
from bauantrag.audit.service import record


@transaction.atomic
def register_account(form: RegistrationForm) -> User | None:
    """Create an applicant's or designer's account from a valid registration form, unconfirmed, and mail the link
    that confirms the address. If the address already has an account, nothing is created and its owner gets a mail
    instead: the answer to the form is the same, so it does not tell whether an address has an account."""
    email = form.cleaned_data["email"]
    existing = User.objects.filter(Q(username=email) | Q(email__iexact=email)).select_related("tenant").first()
    if existing is not None:
        make_password(form.cleaned_data["password1"])  # as long as creating an account takes (Argon2)
        record(AccountEvent.REGISTRATION_REPEATED, actor=None, tenant=existing.tenant, subject=existing,
               after={"username": existing.username})
        if existing.is_applicant_side and not existing.email_verified:
            send_verification(existing)  # most likely the owner, who lost the first link: a new one
        else:
            queue_mail(existing.email, "registration_existing", {"user": existing})
        return None
    user = form.save()
    record(
        AccountEvent.ACCOUNT_REGISTERED, actor=user, tenant=user.tenant, subject=user,
        after={"username": user.username, "role": user.role, "chamber_number": user.chamber_number},
    )
    send_verification(user)
    return user


def send_verification(user: User) -> None:
    queue_mail(user.email, "verify_email", {"user": user, "token": make_token(user), "valid_days": MAX_AGE_DAYS})


@transaction.atomic
def verify_email(user: User) -> bool:
    """The owner followed the link sent to the address: the account may submit from now on. False if it was
    confirmed before (a link followed twice changes nothing)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email_verified_at is not None:
        return False
    user.email_verified_at = timezone.now()
    user.save(update_fields=["email_verified_at"])
    record(AccountEvent.EMAIL_VERIFIED, actor=user, tenant=user.tenant, subject=user, after={"email": user.email})
    return True


@transaction.atomic
def set_password(user: User, password: str, *, event: AccountEvent) -> User:
    """A new password, by the person themselves (changed while logged in, or reset through the e-mailed link).
    Every other session of the account ends with it (Django binds a session to the password hash)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record(event, actor=user, tenant=user.tenant, subject=user, after={"username": user.username})
    if event == AccountEvent.PASSWORD_RESET:
        verify_email(user)  # the reset link reached the address: that confirms it as well
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
