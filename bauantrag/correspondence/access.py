"""Fetching letters and messages: Kommune and role are checked, "not found" and "not allowed" both give 404.

Applicant side: the messages of their cases, and the SENT letters addressed to them (drafts never).
Casework: everything of the Kommune's (non-draft) cases. Agencies: no mailbox; letters only through the
Beteiligung's access check (registered by the beteiligung app with ``register_agency_letter_check``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.permissions import Visitor
from bauantrag.cases.access import cases_visible_to
from bauantrag.correspondence.models import Letter, LetterKind, LetterState, Message, Recipient
from bauantrag.registry import Registry

AgencyLetterCheck = Callable[[User, Letter], bool]
AGENCY_LETTER_CHECKS: Registry[AgencyLetterCheck] = Registry("who of an agency may read a letter")


def register_agency_letter_check(key: str, fn: AgencyLetterCheck) -> None:
    """fn(user, letter) -> True if the agency user may read this (Beteiligungs-)letter. Default: none may."""
    AGENCY_LETTER_CHECKS.register(key, fn)


def _uuid_or_404(value: object) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise Http404 from None


def letters_visible_to(user: Visitor) -> QuerySet[Letter]:
    if not isinstance(user, User) or not user.is_authenticated or user.tenant_id is None:
        return Letter.objects.none()
    letters = Letter.objects.filter(tenant_id=user.tenant_id, case__in=cases_visible_to(user))
    if user.is_applicant_side:
        return letters.filter(state=LetterState.SENT, recipient=Recipient.APPLICANT)
    if user.does_casework:
        return letters
    return Letter.objects.none()


def messages_visible_to(user: Visitor) -> QuerySet[Message]:
    if not isinstance(user, User) or not user.is_authenticated or user.tenant_id is None:
        return Message.objects.none()
    if not (user.is_applicant_side or user.does_casework):
        return Message.objects.none()
    return Message.objects.filter(tenant_id=user.tenant_id, case__in=cases_visible_to(user))


def access_letter(user: Visitor, letter_id: object) -> Letter:
    pk = _uuid_or_404(letter_id)
    try:
        return letters_visible_to(user).select_related("case", "tenant").get(pk=pk)
    except Letter.DoesNotExist:
        pass
    if isinstance(user, User) and user.is_authenticated and user.role == Role.AGENCY and user.tenant_id:
        letter = (
            Letter.objects.select_related("case", "tenant")
            .filter(pk=pk, tenant_id=user.tenant_id, kind=LetterKind.BETEILIGUNG, recipient=Recipient.AGENCY,
                    state=LetterState.SENT)
            .first()
        )
        if letter is not None and any(check(user, letter) for check in AGENCY_LETTER_CHECKS.values()):
            return letter
    raise Http404


def access_message(user: Visitor, message_id: object) -> Message:
    try:
        return messages_visible_to(user).select_related("case", "tenant", "letter").get(pk=_uuid_or_404(message_id))
    except Message.DoesNotExist:
        raise Http404 from None
