"""The only way to fetch cases and what hangs on them: checks Kommune and role.

"Not found" and "not allowed" give the same answer (404), so that nobody learns
whether another's case exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from bauantrag.accounts.models import APPLICANT_ROLES, User
from bauantrag.accounts.permissions import Visitor
from bauantrag.cases.models import Case, CaseState, Finding


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
    try:
        return cases.get(pk=uuid_or_404(case_id))
    except Case.DoesNotExist:
        raise Http404 from None


def access_finding(user: Visitor, finding_id: object) -> Finding:
    try:
        return Finding.objects.select_related("check_run__case").get(
            pk=uuid_or_404(finding_id), check_run__case__in=cases_visible_to(user)
        )
    except Finding.DoesNotExist:
        raise Http404 from None
