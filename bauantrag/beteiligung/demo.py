"""Demo data of the Beteiligung: the directory of Fachstellen of Musterstadt and one open request.

``load(tenant, users)`` is idempotent. ``users`` maps usernames to the demo accounts (bauantrag/demo/seed.py); used:
``admin@musterstadt.example`` (maintains the directory), ``sachbearbeitung@musterstadt.example`` (asks) and
``brandschutz@musterstadt.example`` (member of the Brandschutzdienststelle, sees the request under
„Beteiligungen“).
"""

from __future__ import annotations

from typing import Any

from bauantrag.accounts.models import Tenant, User
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.forms import DEFAULT_MESSAGE
from bauantrag.beteiligung.models import Beteiligung, Fachstelle, FachstelleKind
from bauantrag.cases.models import Case, CaseState

ADMIN = "admin@musterstadt.example"
CLERK = "sachbearbeitung@musterstadt.example"
AGENCY = "brandschutz@musterstadt.example"

FACHSTELLEN: tuple[dict[str, Any], ...] = (
    {"name": "Stadtplanungsamt Musterstadt (gemeindliches Einvernehmen)", "kind": FachstelleKind.GEMEINDE,
     "email": "stadtplanung@musterstadt.example", "deadline_months": 2, "active": True},
    {"name": "Brandschutzdienststelle des Kreises Unna", "kind": FachstelleKind.BRANDSCHUTZ,
     "email": "brandschutzdienststelle@musterstadt.example", "deadline_months": 1, "active": True},
    {"name": "Untere Naturschutzbehörde des Kreises Unna", "kind": FachstelleKind.NATURSCHUTZ,
     "email": "naturschutz@musterstadt.example", "deadline_months": 1, "active": True},
)
# The Bauvorlagen the Brandschutzdienststelle may see: Lageplan and Bauzeichnungen.
SHARED_TYPES = ("1803", "2001", "2002", "2003")


def load(tenant: Tenant, users: dict[str, User]) -> None:
    admin, clerk, agency = users.get(ADMIN), users.get(CLERK), users.get(AGENCY)
    if admin is None or clerk is None:
        return
    directory: dict[str, Fachstelle] = {}
    for entry in FACHSTELLEN:
        existing = Fachstelle.objects.filter(tenant=tenant, name=entry["name"]).first()
        if existing is None:
            data = dict(entry)
            if entry["kind"] == FachstelleKind.BRANDSCHUTZ and agency is not None:
                data["members"] = [agency]
            existing = actions.save_fachstelle(admin, None, data)
        directory[entry["kind"]] = existing

    case = Case.objects.filter(tenant=tenant, state=CaseState.COMPLETE).order_by("submitted_at").first()
    if case is None or Beteiligung.objects.filter(case=case).exists():
        return
    for kind in (FachstelleKind.BRANDSCHUTZ, FachstelleKind.GEMEINDE):
        documents = list(case.documents.filter(document_type__in=SHARED_TYPES))
        if kind == FachstelleKind.GEMEINDE:
            documents = [d for d in documents if d.document_type == "1803"]
        if documents:
            actions.request_beteiligung(clerk, case, directory[kind], documents=documents, message=str(DEFAULT_MESSAGE))
