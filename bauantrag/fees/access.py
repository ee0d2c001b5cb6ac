"""Fetching the Kommune's tariff entries: the Bauaufsicht of the same Kommune (Sachbearbeitung reads,
Administration changes); anyone else gets 404, the same as for an unknown id."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.permissions import Visitor, casework_kommune
from bauantrag.cases.access import uuid_or_404
from bauantrag.fees.models import RohbauwertEntry, TariffRate


def may_view_tariff(user: Visitor) -> bool:
    return casework_kommune(user) is not None


def may_manage_tariff(user: Visitor) -> bool:
    return isinstance(user, User) and user.role == Role.TENANT_ADMIN and user.tenant_id is not None


def rates_visible_to(user: Visitor) -> QuerySet[TariffRate]:
    kommune = casework_kommune(user)
    return TariffRate.objects.filter(tenant_id=kommune) if kommune else TariffRate.objects.none()


def rohbauwerte_visible_to(user: Visitor) -> QuerySet[RohbauwertEntry]:
    kommune = casework_kommune(user)
    return RohbauwertEntry.objects.filter(tenant_id=kommune) if kommune else RohbauwertEntry.objects.none()


def access_rate(user: Visitor, rate_id: object) -> TariffRate:
    try:
        return rates_visible_to(user).get(pk=uuid_or_404(rate_id))
    except TariffRate.DoesNotExist:
        raise Http404 from None


def access_rohbauwert(user: Visitor, rohbauwert_id: object) -> RohbauwertEntry:
    try:
        return rohbauwerte_visible_to(user).get(pk=uuid_or_404(rohbauwert_id))
    except RohbauwertEntry.DoesNotExist:
        raise Http404 from None
