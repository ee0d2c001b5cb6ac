"""The fee section of the clerk's case page: the calculation in short, what is missing, and the link to the
fee page (registered in FeesConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bauantrag.accounts.permissions import does_casework_for
from bauantrag.cases.models import Case, CaseState
from bauantrag.fees.assessment import calculation_for, case_fee, current_assessment


def workspace_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if not does_casework_for(request.user, case) or case.state == CaseState.DRAFT:
        return None
    fee = case_fee(case)
    return {"case": case, "fee": fee, "assessment": current_assessment(case),
            "calculation": calculation_for(case, fee)}
