"""State changes of accounts: through here, with an audit entry in the same transaction."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

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
def confirm_totp_device(user: User, device: TOTPDevice) -> None:
    """The staff member proved with a valid code that the new authenticator works: it becomes their second
    factor (recorded, as the account's security changes)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(AccountEvent.MFA_ENROLLED, actor=user, tenant=user.tenant, subject=user,
           after={"device": device.name, "device_id": device.pk})
