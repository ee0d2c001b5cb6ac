"""The Beteiligung section of the clerk's case page: requests with status and deadline, the results brought
together, all Nebenbestimmungen, and the form to ask another Fachstelle."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bauantrag.accounts.permissions import does_casework_for
from bauantrag.beteiligung.actions import may_request_in
from bauantrag.beteiligung.forms import RequestForm
from bauantrag.beteiligung.models import Beteiligung, Fachstelle, Stellungnahme
from bauantrag.beteiligung.results import conditions_for_case, summary_for_case
from bauantrag.cases.models import Case


def _stellungnahme(beteiligung: Beteiligung) -> Stellungnahme | None:
    try:
        return beteiligung.stellungnahme
    except Stellungnahme.DoesNotExist:
        return None


def workspace_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if not does_casework_for(request.user, case):
        return None
    today = timezone.localdate()
    beteiligungen = list(
        Beteiligung.objects.filter(case=case).select_related("fachstelle", "stellungnahme").order_by("requested_at")
    )
    can_request = may_request_in(case.state)
    if not beteiligungen and not can_request:
        return None  # before the completeness is confirmed there is nothing to show
    rows = [
        {"beteiligung": b, "stellungnahme": _stellungnahme(b), "overdue": b.is_overdue(today),
         "deemed_given": b.einvernehmen_deemed_given(today)}
        for b in beteiligungen
    ]
    has_fachstellen = Fachstelle.objects.filter(tenant_id=case.tenant_id, active=True).exists()
    return {
        "case": case,
        "rows": rows,
        "summary": summary_for_case(case, today),
        "conditions": conditions_for_case(case),
        "can_request": can_request,
        "has_fachstellen": has_fachstellen,
        "form": RequestForm(case=case) if can_request and has_fachstellen else None,
    }
