"""Demo data of § 72 BauO NRW: on the first complete case of Musterstadt one neighbour whose interests may be
affected, with a Benachrichtigung drafted for the clerk to look at, and one who signed the Lageplan.

``load(tenant, users)`` is idempotent (nothing is added to a case that has neighbours)."""

from __future__ import annotations

from django.utils import timezone

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases.models import Case, CaseState
from bauantrag.neighbours import actions
from bauantrag.neighbours.models import Affected, ConsentKind, Neighbour

CLERK = "sachbearbeitung@musterstadt.example"


def load(tenant: Tenant, users: dict[str, User]) -> None:
    clerk = users.get(CLERK)
    case = Case.objects.filter(tenant=tenant, state=CaseState.COMPLETE).order_by("submitted_at").first()
    if clerk is None or case is None or Neighbour.objects.filter(case=case).exists():
        return
    west = actions.add_neighbour(clerk, case, {
        "name": "Petra Nachbar", "anrede": "frau", "street": "Lindenweg 10", "postal_code": "59423", "city": "Unna",
        "flurstueck": "Gemarkung Unna, Flur 7, Flurstück 123/3"})
    actions.update_neighbour(clerk, west, {f: getattr(west, f) for f in actions.FIELDS}, Affected.YES,
                             "Die Abstandsfläche der Westwand soll 2,50 m statt 3,00 m tief sein (Abweichung).")
    actions.draft_notification(clerk, west, abweichungen=(
        "Abweichung von der Tiefe der Abstandsfläche an der Westseite: 2,50 m statt 3,00 m (§ 6 Abs. 5 BauO NRW)"))
    east = actions.add_neighbour(clerk, case, {
        "name": "Hans Osten", "anrede": "herr", "street": "Lindenweg 14", "postal_code": "59423", "city": "Unna",
        "flurstueck": "Gemarkung Unna, Flur 7, Flurstück 123/5"})
    actions.record_consent(clerk, east, on=timezone.localdate(), kind=ConsentKind.SIGNATURE)
