"""The only way pages fetch register entries: the Bauaufsicht of the parcel's own Kommune (clerks and its
administrators) sees the register; only the administrators import. Applicants use the search endpoint only.

"Not found" and "not allowed" give the same answer (404), as for cases.
"""

from __future__ import annotations

import uuid
from typing import TypeGuard

from django.db.models import QuerySet
from django.http import Http404

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.permissions import Visitor, casework_kommune, does_casework
from bauantrag.parcels.models import Parcel


def may_view_parcels(user: Visitor) -> TypeGuard[User]:
    return does_casework(user)


def may_import_parcels(user: Visitor) -> bool:
    return may_view_parcels(user) and user.role == Role.TENANT_ADMIN


def may_search_parcels(user: Visitor) -> bool:
    """Anyone signed in to a Kommune (applicants, designers, the Bauaufsicht) may look up its Flurstücke."""
    return isinstance(user, User) and user.is_authenticated and user.tenant_id is not None


def parcels_visible_to(user: Visitor) -> QuerySet[Parcel]:
    kommune = casework_kommune(user)
    if kommune is None:
        return Parcel.objects.none()
    return Parcel.objects.filter(tenant_id=kommune)


def access_parcel(user: Visitor, parcel_id: object) -> Parcel:
    try:
        key = uuid.UUID(str(parcel_id))
    except ValueError:
        raise Http404 from None
    try:
        return parcels_visible_to(user).select_related("tenant", "imported_by").get(pk=key)
    except Parcel.DoesNotExist:
        raise Http404 from None
