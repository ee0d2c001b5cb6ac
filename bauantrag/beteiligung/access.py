"""The only way to fetch Beteiligungen, Fachstellen and the Bauvorlagen shared with a Fachstelle.

* Members of a Fachstelle (role ``agency``) see only the Beteiligungen addressed to their Fachstelle, and of the
  case only the Bauvorlagen chosen for that Beteiligung — never the case itself (``cases.access`` stays closed to
  them).
* The Sachbearbeitung (clerks and administrators of the Kommune) sees all Beteiligungen of the cases it sees.
* Everyone else sees nothing. "Not found" and "not allowed" both answer 404.
"""

from __future__ import annotations

import uuid
from typing import TypeGuard

from django.db.models import QuerySet
from django.http import Http404

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.permissions import Visitor, casework_kommune
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Fachstelle
from bauantrag.cases.access import cases_visible_to
from bauantrag.documents.models import Document


def _user(user: Visitor) -> User | None:
    if not isinstance(user, User) or not user.is_authenticated or user.tenant_id is None:
        return None
    return user


def _uuid_or_404(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def is_agency(user: Visitor) -> TypeGuard[User]:
    account = _user(user)
    return account is not None and account.role == Role.AGENCY


def is_member(user: Visitor, beteiligung: Beteiligung) -> bool:
    """The user is a member of the Fachstelle that was asked (and of the same Kommune)."""
    return (
        is_agency(user)
        and user.tenant_id == beteiligung.tenant_id
        and beteiligung.fachstelle.members.contains(user)
    )


def beteiligungen_visible_to(user: Visitor) -> QuerySet[Beteiligung]:
    account = _user(user)
    if account is None:
        return Beteiligung.objects.none()
    tenant_id = account.tenant_id
    assert tenant_id is not None
    own = Beteiligung.objects.filter(tenant_id=tenant_id)
    if account.role == Role.AGENCY:
        return own.filter(fachstelle__members=account, fachstelle__tenant_id=tenant_id)
    if account.does_casework:
        return own.filter(case__in=cases_visible_to(account))
    return Beteiligung.objects.none()


def access_beteiligung(user: Visitor, beteiligung_id: object, *, for_update: bool = False) -> Beteiligung:
    beteiligungen = beteiligungen_visible_to(user).select_related("case", "case__vorhaben", "fachstelle", "tenant")
    if for_update:
        beteiligungen = beteiligungen.select_for_update(of=("self",))
    try:
        return beteiligungen.get(pk=_uuid_or_404(beteiligung_id))
    except Beteiligung.DoesNotExist:
        raise Http404 from None


def shared_documents(user: Visitor, beteiligung: Beteiligung) -> QuerySet[Document]:
    """The Bauvorlagen of the Beteiligung the user may open: none for a Fachstelle once it is withdrawn."""
    if is_agency(user) and beteiligung.status == BeteiligungStatus.WITHDRAWN:
        return Document.objects.none()
    return beteiligung.documents.filter(case_id=beteiligung.case_id, tenant_id=beteiligung.tenant_id)


def access_shared_document(user: Visitor, beteiligung_id: object, document_id: object) -> tuple[Beteiligung, Document]:
    """A Bauvorlage through a Beteiligung: 404 unless the Beteiligung is visible and the document is shared in it."""
    beteiligung = access_beteiligung(user, beteiligung_id)
    try:
        document = shared_documents(user, beteiligung).get(pk=_uuid_or_404(document_id))
    except Document.DoesNotExist:
        raise Http404 from None
    return beteiligung, document


def may_view_fachstellen(user: Visitor) -> bool:
    account = _user(user)
    return account is not None and account.does_casework


def may_manage_fachstellen(user: Visitor) -> bool:
    account = _user(user)
    return account is not None and account.role == Role.TENANT_ADMIN


def fachstellen_visible_to(user: Visitor) -> QuerySet[Fachstelle]:
    kommune = casework_kommune(user)
    if kommune is None:
        return Fachstelle.objects.none()
    return Fachstelle.objects.filter(tenant_id=kommune)


def access_fachstelle(user: Visitor, fachstelle_id: object) -> Fachstelle:
    try:
        return fachstellen_visible_to(user).get(pk=_uuid_or_404(fachstelle_id))
    except Fachstelle.DoesNotExist:
        raise Http404 from None
