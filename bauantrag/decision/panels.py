"""The panel "Fristen und Entscheidung" on the clerk's and the applicant's case pages (registered in
DecisionConfig.ready with order 25)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from bauantrag.cases import deadlines, entscheidungsfrist
from bauantrag.cases.models import CLOSED_STATES, Case, CaseState, Decision
from bauantrag.decision.actions import decision_drafts

# URL names of the correspondence app: the clerk's letter page (editor of a draft, view of a sent letter) and
# the PDF of a sent letter (the applicant side's link to the Bescheid).
CLERK_LETTER_URL = "correspondence:letter"
APPLICANT_LETTER_URL = "correspondence:letter_pdf"


def letter_url(letter_id: Any, name: str = CLERK_LETTER_URL) -> str | None:
    return reverse(name, kwargs={"letter_id": letter_id}) if letter_id else None


def _closed(case: Case, name: str) -> dict[str, Any]:
    return {
        "closed": True,
        "decision_label": Decision(case.decision).label if case.decision in Decision.values else "",
        "fictitious": case.decision == Decision.WITHDRAWN_FICTITIOUS,
        "approved": case.decision == Decision.APPROVED,
        "conditions": case.decision_conditions or [],
        "letter_url": letter_url(case.decision_letter_id, name),
    }


def workspace_context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if case.state == CaseState.DRAFT:
        return None
    if case.state in CLOSED_STATES:
        return {"case": case, **_closed(case, CLERK_LETTER_URL)}
    today = timezone.localdate()
    nachforderung = deadlines.open_nachforderung(case)
    context: dict[str, Any] = {
        "case": case, "closed": False, "today": today,
        "nachforderung": nachforderung,
        "nachforderung_past": nachforderung is not None and deadlines.is_past_deadline(nachforderung, today),
        "late_basis": deadlines.fictitious_withdrawal_basis(case, today) if case.state == CaseState.SUBMITTED else None,
        "completeness_overdue": case.state == CaseState.SUBMITTED and case.completeness_due is not None
        and case.completeness_due < today,
        "can_decide": case.state == CaseState.COMPLETE,
        "can_withdraw": case.state in (CaseState.SUBMITTED, CaseState.NACHFORDERUNG, CaseState.COMPLETE),
        "proposal": str(deadlines.EXPIRY_PROPOSAL),
    }
    if context["can_decide"]:
        context["drafts"] = [{"letter": d, "url": letter_url(d.pk)} for d in decision_drafts(case)]
        context.update(_decision_date(case, today))
        context["decision_due_notes"] = entscheidungsfrist.decision_due_notes(case)
    return context


def _decision_date(case: Case, today: Any) -> dict[str, Any]:
    """The date by which the Bauaufsicht decides (§ 71 Abs. 6 BauO NRW) and how it was computed."""
    basis = case.decision_due_basis or {}
    due = entscheidungsfrist.decision_due_date(case)
    return {
        "decision_due": due,
        "decision_due_overdue": due is not None and due < today,
        "decision_due_period": basis.get("period", ""),
        "decision_due_reason": basis.get("reason", ""),
        "decision_due_legal_basis": basis.get("legal_basis", ""),
        "decision_due_provisional": bool(basis.get("provisional")),
    }


def portal_context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    if case.state in CLOSED_STATES:
        return {"case": case, **_closed(case, APPLICANT_LETTER_URL)}
    nachforderung = deadlines.open_nachforderung(case)
    if nachforderung is not None and deadlines.is_past_deadline(nachforderung):
        return {"case": case, "closed": False, "nachforderung": nachforderung}
    if case.state == CaseState.COMPLETE and case.decision_due is not None:
        # § 71 Abs. 2 Nr. 1 BauO NRW: the Bauherrschaft is told the date of the decision; the clerk's doubts stay
        # in the Bauaufsicht.
        return {"case": case, "closed": False, "complete": True, **_decision_date(case, timezone.localdate())}
    return None
