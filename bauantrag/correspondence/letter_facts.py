"""What other apps contribute to a letter, as registries (docs/architecture.md, rule 6).

- ``FEE_SOURCES``: fn(case, decision) -> the fee assessment of the case or None; ``decision`` is the
  ``cases.models.Decision`` value the Bescheid states ("approved", "refused"), so a refusal is charged as one.
  The object has ``.lines`` (each with ``.label`` and ``.amount``, or a (label, amount) pair), ``.total``,
  ``.kassenzeichen`` and ``.legal_basis`` (the fees app's ``current_assessment``, registered by wiring.py).
  The Bescheid shows it as „Gebührenfestsetzung“; without one it says the fees are assessed separately.
- ``DECISION_DATE_SOURCES``: fn(case) -> the date by which the authority decides (§ 71 Abs. 2 Nr. 1 BauO NRW
  2024) or None. The completeness confirmation names it; without one the sentence is left out.
The first source that answers (not None) counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bauantrag.registry import Registry

if TYPE_CHECKING:
    from bauantrag.cases.models import Case

FEE_SOURCES: Registry[Callable[[Case, str], Any]] = Registry("fee assessment shown in the Bescheid")
DECISION_DATE_SOURCES: Registry[Callable[[Case], dt.date | None]] = Registry("decision date of § 71 Abs. 2")


def fees(case: Case, decision: str) -> dict[str, Any] | None:
    """The fee assessment for a Bescheid stating ``decision``, as plain values for a letter template, or None."""
    for source in FEE_SOURCES.values():
        assessment = source(case, decision)
        if assessment is not None:
            return {
                "positionen": [_line(line) for line in assessment.lines],
                "summe": assessment.total,
                "kassenzeichen": str(assessment.kassenzeichen or ""),
                "rechtsgrundlage": str(assessment.legal_basis or ""),
            }
    return None


def _line(line: Any) -> dict[str, Any]:
    """A line of the assessment: an object with ``label`` and ``amount`` (fees.assessment.AssessmentLine) or a
    (label, amount) pair."""
    if hasattr(line, "label") and hasattr(line, "amount"):
        return {"bezeichnung": str(line.label), "betrag": line.amount}
    label, amount = line
    return {"bezeichnung": str(label), "betrag": amount}


def decision_date(case: Case) -> dt.date | None:
    for source in DECISION_DATE_SOURCES.values():
        day = source(case)
        if day is not None:
            return day
    return None
