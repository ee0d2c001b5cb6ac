"""The fee of a case: the live calculation from the Kommune's tariff data, and the assessment for the Bescheid.

``current_assessment(case)`` is the public face for the letters (the Gebührenfestsetzung of the Bescheid): the
fixed fee once the Kassenzeichen is assigned, before that the fee as it stands (total known, ``kassenzeichen``
empty), or None while a figure is missing and the clerk has not set the amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from bauantrag.cases.display import latest_run
from bauantrag.cases.models import Case, Decision, Vorhaben
from bauantrag.fees.models import CaseFee, FeeSettings, RohbauwertEntry, TariffRate
from bauantrag.rules.fees.calculation import Calculation, FeeCase, Line, Outcome, calculate, cents, euro
from bauantrag.rules.fees.tariff import GEBAEUDEART_OF_USE, PROCEDURE_PURPOSES, Purpose, Rate, RateKind, Rohbauwert

OUTCOME_OF_DECISION = {
    Decision.APPROVED: Outcome.APPROVAL,
    Decision.REFUSED: Outcome.REFUSAL,
    Decision.WITHDRAWN: Outcome.WITHDRAWAL,
    Decision.WITHDRAWN_FICTITIOUS: Outcome.WITHDRAWAL,
}
OUTCOME_LABELS = {
    Outcome.APPROVAL: "Genehmigung",
    Outcome.REFUSAL: "Ablehnung",
    Outcome.WITHDRAWAL: "Rücknahme",
}


@dataclass(frozen=True)
class AssessmentLine:
    label: str
    amount: Decimal
    tarifstelle: str
    explanation: str = ""


@dataclass(frozen=True)
class Assessment:
    """The fee as the Bescheid states it. The amounts of ``lines`` add up to ``total``."""

    lines: tuple[AssessmentLine, ...]
    total: Decimal
    kassenzeichen: str  # empty until the clerk assigns it (the fee is fixed then)
    legal_basis: str
    basis: tuple[str, ...]  # how the Rohbausumme came about
    due_date: dt.date | None
    overridden: bool
    override_reason: str
    payment_details: str = ""  # the Kommune's bank details for the Bescheid (FeeSettings)


def rate_of(r: TariffRate) -> Rate:
    """A stored tariff entry as the pure calculation's Rate."""
    return Rate(r.valid_from, r.valid_to, Purpose(r.purpose), r.tarifstelle, r.label, RateKind(r.kind), r.value,
                r.value_max, r.source)


def tariff_of(tenant_id: Any) -> tuple[list[Rate], list[Rohbauwert]]:
    rates = [rate_of(r) for r in TariffRate.objects.filter(tenant_id=tenant_id)]
    values = [
        Rohbauwert(v.valid_from, v.valid_to, v.gebaeudeart, v.eur_per_m3, v.source)
        for v in RohbauwertEntry.objects.filter(tenant_id=tenant_id)
    ]
    return rates, values


def case_fee(case: Case) -> CaseFee | None:
    return CaseFee.objects.filter(case=case).first()


def _vorhaben(case: Case) -> Vorhaben | None:
    """The case's Vorhaben, through the relation Django caches on the case (one query per case, not per use)."""
    vorhaben: Vorhaben | None = getattr(case, "vorhaben", None)
    return vorhaben


def procedure_of(case: Case, fee: CaseFee | None) -> Purpose | None:
    """The clerk's choice, else the pre-check's Verfahrensart, else the one the applicant asked for."""
    run = latest_run(case)
    vorhaben = _vorhaben(case)
    for value in (fee.procedure if fee else "", run.procedure if run else "",
                  vorhaben.procedure_requested if vorhaben else ""):
        if value in {p.value for p in PROCEDURE_PURPOSES}:
            return Purpose(value)
    return None


def gebaeudeart_of(case: Case, fee: CaseFee | None) -> str | None:
    if fee is not None and fee.gebaeudeart:
        return fee.gebaeudeart
    vorhaben = _vorhaben(case)
    return GEBAEUDEART_OF_USE.get(vorhaben.use) if vorhaben is not None else None


def fee_day(case: Case) -> dt.date:
    """The day whose tariff applies: the decision's, for an open case today's."""
    return timezone.localdate(case.decided_at) if case.decided_at else timezone.localdate()


def gross_volume_of(fee: CaseFee | None, vorhaben: Vorhaben | None) -> Decimal | None:
    """The clerk's figure for the fee, else the application's."""
    if fee is not None and fee.gross_volume_m3 is not None:
        return fee.gross_volume_m3
    return vorhaben.gross_volume_m3 if vorhaben is not None else None


def outcome_of(case: Case, fee: CaseFee | None, decision: str = "") -> Outcome:
    """The decision taken; while the case is open the one being prepared (``decision``, a Decision value, from the
    letters), else the clerk's choice on the fee page, else the approval."""
    for value in (case.decision, decision):
        if value in Decision.values:
            return OUTCOME_OF_DECISION[Decision(value)]
    if fee is not None and fee.outcome:
        return Outcome(fee.outcome)
    return Outcome.APPROVAL


def fee_case(case: Case, fee: CaseFee | None, decision: str = "") -> FeeCase:
    vorhaben = _vorhaben(case)
    return FeeCase(
        procedure=procedure_of(case, fee),
        outcome=outcome_of(case, fee, decision),
        gross_volume_m3=gross_volume_of(fee, vorhaben),
        gebaeudeart=gebaeudeart_of(case, fee),
        day=fee_day(case),
    )


def calculation_for(case: Case, fee: CaseFee | None = None, decision: str = "") -> Calculation:
    fee = fee if fee is not None else case_fee(case)
    rates, values = tariff_of(case.tenant_id)
    return calculate(fee_case(case, fee, decision), rates, values)


def _lines(calculation: Calculation) -> list[AssessmentLine]:
    return [AssessmentLine(line.label, line.amount, line.tarifstelle, line.explanation) for line in calculation.lines]


def _override_line(calculation: Calculation, fee: CaseFee) -> list[AssessmentLine]:
    """The clerk's amount as a line, so that the lines still add up to the total."""
    assert fee.override_total is not None
    lines = _lines(calculation)
    place = ", ".join(calculation.tarifstellen)
    if not lines:
        return [AssessmentLine("Gebühr, festgesetzt durch die Bauaufsicht", cents(fee.override_total), place,
                               fee.override_reason)]
    difference = cents(fee.override_total) - sum((line.amount for line in lines), Decimal("0"))
    if difference:
        lines.append(AssessmentLine("Abweichende Festsetzung durch die Bauaufsicht", difference, place,
                                    fee.override_reason))
    return lines


def live_assessment(case: Case, fee: CaseFee | None, calculation: Calculation) -> Assessment | None:
    if fee is not None and fee.override_total is not None:
        lines, total = _override_line(calculation, fee), cents(fee.override_total)
    elif calculation.total is not None:
        lines, total = _lines(calculation), calculation.total
    else:
        return None
    return Assessment(tuple(lines), total, "", calculation.legal_basis, calculation.basis, None,
                      fee is not None and fee.override_total is not None,
                      fee.override_reason if fee is not None else "", payment_details_of(case.tenant_id))


def to_fixed(assessment: Assessment) -> dict[str, Any]:
    return {
        "lines": [{"label": line.label, "amount": str(line.amount), "tarifstelle": line.tarifstelle,
                   "explanation": line.explanation} for line in assessment.lines],
        "total": str(assessment.total), "legal_basis": assessment.legal_basis, "basis": list(assessment.basis),
        "overridden": assessment.overridden, "override_reason": assessment.override_reason,
    }


def payment_details_of(tenant_id: Any) -> str:
    settings = FeeSettings.objects.filter(tenant_id=tenant_id).first()
    return settings.payment_details if settings is not None else ""


def from_fixed(fee: CaseFee) -> Assessment:
    data = fee.fixed or {}
    return Assessment(
        tuple(AssessmentLine(line["label"], Decimal(line["amount"]), line["tarifstelle"], line["explanation"])
              for line in data["lines"]),
        Decimal(data["total"]), fee.kassenzeichen, data["legal_basis"], tuple(data["basis"]), fee.due_date,
        bool(data["overridden"]), data["override_reason"], payment_details_of(fee.tenant_id),
    )


def assessment_from(case: Case, fee: CaseFee | None, calculation: Calculation) -> Assessment | None:
    """The fee for the Bescheid from a calculation already made: fixed if a Kassenzeichen was assigned."""
    return from_fixed(fee) if fee is not None and fee.kassenzeichen else live_assessment(case, fee, calculation)


def current_assessment(case: Case, decision: str = "") -> Assessment | None:
    """The fee for the Bescheid: fixed (with Kassenzeichen) if assigned, else as it stands, else None.

    decision: for a Bescheid prepared while the case is still open, the decision it will state ("approved",
    "refused", a ``cases.models.Decision`` value), so that a refusal is charged as one."""
    fee = case_fee(case)
    if fee is not None and fee.kassenzeichen:
        return from_fixed(fee)
    return live_assessment(case, fee, calculation_for(case, fee, decision))


def total_text(assessment: Assessment) -> str:
    return euro(assessment.total)


__all__ = ["Assessment", "AssessmentLine", "Line", "current_assessment"]


def fixed_for_other_decision(case: Case, fee: CaseFee | None) -> str:
    """If the fee was fixed for another decision than the one taken since (e.g. fixed as an approval, then the
    application was refused): the decision it was fixed for, for a warning to the clerk; else ""."""
    if fee is None or not fee.kassenzeichen or not case.decision or not fee.fixed:
        return ""
    fixed_for = fee.fixed.get("outcome", "")
    taken = outcome_of(case, fee)
    return OUTCOME_LABELS[Outcome(fixed_for)] if fixed_for and fixed_for != taken.value else ""
