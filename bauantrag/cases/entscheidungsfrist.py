"""The decision date of a complete case (§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW), stored on the case.

Computed by ``rules.nrw.bauo_nrw.entscheidungsfrist`` when the clerk confirms the completeness, and again whenever
the hearing of the Gemeinde and the Stellen changes (a request, an answer, a withdrawal, an extension, the § 36a
marking): the hearings come from ``HEARING_SOURCES`` (the Beteiligung registers its own), so this core app knows
no feature app. ``decision_due_date(case)`` is the date for the letters (the Vollständigkeitsbestätigung must give
it „mit Datumsangabe“); ``decision_due_notes(case)`` what the clerk has to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from bauantrag.accounts.models import User
from bauantrag.audit.service import record
from bauantrag.cases.display import latest_run
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.registry import Registry
from bauantrag.rules.nrw.bauo_nrw.entscheidungsfrist import Anhoerung, Entscheidungsfrist, entscheidungsfrist
from bauantrag.rules.nrw.rechtslage import rechtslage

HearingSource = Callable[[Case], "list[Anhoerung]"]
#: Where the hearings of a case come from: fn(case) -> [Anhoerung] (the Beteiligung registers its requests).
HEARING_SOURCES: Registry[HearingSource] = Registry("hearings of § 71 Abs. 2 Nr. 2 BauO NRW")


def register_hearing_source(key: str, fn: HearingSource) -> None:
    HEARING_SOURCES.register(key, fn)


def decision_due_date(case: Case) -> dt.date | None:
    """The date by which the Bauaufsicht decides, as stored on the case (None before completeness or when § 71
    Abs. 6 gives no date for the procedure). The name the letters use."""
    return case.decision_due


def decision_due_notes(case: Case) -> list[str]:
    """What the clerk must check about the decision date („zu prüfen“); never shown to the applicant side."""
    notes = (case.decision_due_basis or {}).get("zu_pruefen") or []
    return [str(note) for note in notes]


def case_procedure(case: Case) -> str:
    """The procedure the decision date follows: the one fixed at completeness, else the latest pre-check's."""
    stored = (case.decision_due_basis or {}).get("procedure")
    if stored:
        return str(stored)
    run = latest_run(case)
    return run.procedure if run is not None else ""


def compute(case: Case, *, procedure: str | None = None, hearings_planned: bool | None = None) -> Entscheidungsfrist:
    """The decision date of ``case`` from its current state (completeness, hearings, § 36a marking)."""
    assert case.completed_at is not None, "the decision date needs the completeness"
    basis = case.decision_due_basis or {}
    planned = bool(basis.get("hearings_planned", True)) if hearings_planned is None else hearings_planned
    hearings = [hearing for source in HEARING_SOURCES.values() for hearing in source(case)]
    submitted = timezone.localdate(case.submitted_at) if case.submitted_at else timezone.localdate(case.completed_at)
    return entscheidungsfrist(
        completed_on=timezone.localdate(case.completed_at),
        procedure=procedure if procedure is not None else case_procedure(case),
        hearings=hearings,
        hearings_planned=planned,
        verfahren_36a=case.verfahren_36a,
        rechtslage=rechtslage(submitted),
    )


def refresh(case: Case, actor: User | None, *, procedure: str | None = None,
            hearings_planned: bool | None = None) -> bool:
    """Recompute and store the decision date of a locked, complete ``case``; records the change in the trail.
    Returns True if the stored date or its basis changed. Call inside the caller's transaction."""
    if case.completed_at is None or case.is_closed:
        return False
    result = compute(case, procedure=procedure, hearings_planned=hearings_planned)
    planned = bool((case.decision_due_basis or {}).get("hearings_planned", True))
    basis: dict[str, Any] = {
        **result.to_dict(), "hearings_planned": planned if hearings_planned is None else hearings_planned,
    }
    if case.decision_due == result.due and case.decision_due_basis == basis:
        return False
    before = {"decision_due": case.decision_due}
    case.decision_due = result.due
    case.decision_due_basis = basis
    case.save(update_fields=["decision_due", "decision_due_basis", "updated_at"])
    record(
        CaseEvent.DECISION_DUE_SET, actor=actor, tenant=case.tenant, subject=case, case=case,
        before=before, after={"decision_due": result.due, "runs_from": result.runs_from, "reason": result.reason,
                              "legal_basis": result.legal_basis, "zu_pruefen": list(result.zu_pruefen)},
    )
    return True
