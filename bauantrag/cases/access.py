"""The only way to fetch cases and what hangs on them: checks Kommune and role.

"Not found" and "not allowed" give the same answer (404), so that nobody learns
whether another's case exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import APPLICANT_ROLES, Tenant, User
from bauantrag.accounts.permissions import Visitor
from bauantrag.audit.service import record_durably
from bauantrag.cases.models import Case, CaseState, Finding


@dataclass(frozen=True)
class CaseReference:
    """A case as the subject of a refusal (its id; the event is not part of the case's history)."""

    pk: object


def cases_visible_to(user: Visitor) -> QuerySet[Case]:
    if not isinstance(user, User) or not user.is_authenticated or user.tenant_id is None:
        return Case.objects.none()
    cases = Case.objects.filter(tenant_id=user.tenant_id)
    if user.role in APPLICANT_ROLES:
        return cases.filter(Q(applicant=user) | Q(designer=user))
    if user.does_casework:
        return cases.exclude(state=CaseState.DRAFT)
    return Case.objects.none()


def uuid_or_404(value: object) -> str:
    import uuid

    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise Http404 from None


def access_case(user: Visitor, case_id: object, *, for_update: bool = False) -> Case:
    cases = cases_visible_to(user).select_related("tenant", "applicant", "designer")
    if for_update:
        cases = cases.select_for_update(of=("self",))
    case_id = uuid_or_404(case_id)
    try:
        return cases.get(pk=case_id)
    except Case.DoesNotExist:
        note_refusal(user, case_id)
        raise Http404 from None


def note_refusal(user: Visitor, case_id: str) -> None:
    """A case that exists but is not the user's: the refusal on the trail of the case's Kommune (the answer stays
    404, as for a case that does not exist). Written after the request, so it outlives the action's rollback."""
    refused = Case.objects.filter(pk=case_id).values_list("pk", "tenant_id").first()
    if refused is None:
        return
    account = user if isinstance(user, User) and user.is_authenticated else None
    tenant = Tenant.objects.get(pk=refused[1])
    record_durably(AccountEvent.ACCESS_DENIED, actor=account, tenant=tenant, subject=CaseReference(refused[0]),
                   after={"case_id": str(refused[0]), "own_kommune": bool(account and account.tenant_id == tenant.pk)})


def access_finding(user: Visitor, finding_id: object) -> Finding:
    try:
        return Finding.objects.select_related("check_run__case").get(
            pk=uuid_or_404(finding_id), check_run__case__in=cases_visible_to(user)
        )
    except Finding.DoesNotExist:
        finding = Finding.objects.filter(pk=uuid_or_404(finding_id))
        case_id = finding.values_list("check_run__case_id", flat=True).first()
        if case_id is not None:
            note_refusal(user, str(case_id))
        raise Http404 from None
