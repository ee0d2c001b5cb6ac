"""The section „Nachbarn und Öffentlichkeit (§ 72 BauO NRW)“ of the clerk's case page: the periods and what is
still to do, with a link to the page where the clerk works on it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bauantrag.accounts.permissions import does_casework_for
from bauantrag.cases.models import Case, CaseState
from bauantrag.neighbours.overview import overview


def workspace_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if not does_casework_for(request.user, case) or case.state == CaseState.DRAFT:
        return None
    return {"case": case, "overview": overview(case, with_suggestions=False)}
