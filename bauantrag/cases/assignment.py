"""Who works on a case: a clerk of the case's Kommune, set (or cleared) by casework, audited."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from bauantrag.accounts.models import CASEWORK_ROLES, User
from bauantrag.accounts.permissions import require_casework
from bauantrag.audit.service import record
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case


def assignable_clerks(tenant_id: uuid.UUID) -> QuerySet[User]:
    """The active casework accounts of a Kommune, by name."""
    return (User.objects.filter(tenant_id=tenant_id, role__in=CASEWORK_ROLES, is_active=True)
            .order_by("last_name", "first_name", "username"))


@transaction.atomic
def assign(actor: User, case: Case, assignee: User | None) -> Case:
    """Make ``assignee`` (None: nobody) the clerk of the case. Only a casework account of the same Kommune may be
    assigned; nothing changes (and nothing is recorded) when the assignee stays the same."""
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant", "assignee").get(pk=case.pk)
    if assignee is not None and not assignable_clerks(case.tenant_id).filter(pk=assignee.pk).exists():
        raise ValidationError({"assignee": _("Zuweisen können Sie nur an die Sachbearbeitung dieser Kommune.")})
    if case.assignee_id == (assignee.pk if assignee else None):
        return case
    before = case.assignee
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    record(
        CaseEvent.CASE_ASSIGNED, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"assignee": before.username if before else None},
        after={"assignee": assignee.username if assignee else None},
    )
    return case
