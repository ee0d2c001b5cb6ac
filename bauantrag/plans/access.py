"""The only way pages fetch plans: the Bauaufsicht of the plan's own Kommune (clerks and its administrators).

"Not found" and "not allowed" give the same answer (404), as for cases.
"""

from __future__ import annotations

import uuid
from typing import TypeGuard

from django.db.models import QuerySet
from django.http import Http404

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.permissions import Visitor, casework_kommune, does_casework
from bauantrag.plans.models import Bebauungsplan


def may_view_plans(user: Visitor) -> TypeGuard[User]:
    return does_casework(user)


def may_import_plans(user: Visitor) -> bool:
    return may_view_plans(user) and user.role == Role.TENANT_ADMIN


def plans_visible_to(user: Visitor) -> QuerySet[Bebauungsplan]:
    kommune = casework_kommune(user)
    if kommune is None:
        return Bebauungsplan.objects.none()
    return Bebauungsplan.objects.filter(tenant_id=kommune)


def access_plan(user: Visitor, plan_id: object) -> Bebauungsplan:
    try:
        key = uuid.UUID(str(plan_id))
    except ValueError:
        raise Http404 from None
    try:
        return plans_visible_to(user).select_related("tenant", "imported_by").get(pk=key)
    except Bebauungsplan.DoesNotExist:
        raise Http404 from None
