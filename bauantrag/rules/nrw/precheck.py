"""The NRW pre-check: the rules in their order, each feeding the next, under the Rechtslage of the case.

Gebäudeklasse → großer Sonderbau → planning law (when a Lageplan is given: its findings decide whether the
Vorhaben keeps to the Bebauungsplan, § 63 Abs. 2 Satz 1 Nr. 2 and 4) → Verfahrensart → Verfahrenswunsch (the
procedure the case proceeds in) → Vollständigkeit for that procedure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bauantrag.rules.model import Finding, Procedure, Vorhaben
from bauantrag.rules.nrw.bauo_nrw import building_class, procedure, procedure_wish, sonderbau
from bauantrag.rules.nrw.bauo_nrw.procedure_tests import PlanConformity
from bauantrag.rules.nrw.baupruefvo import completeness
from bauantrag.rules.nrw.rechtslage import rechtslage

#: Runs the planning-law check for a Gebäudeklasse (None when no Lageplan/Bebauungsplan was given).
PlanningCheck = Callable[[int | None], list[Finding]]


@dataclass(frozen=True)
class NrwOutcome:
    procedure: Procedure | None
    building_class: int | None
    findings: tuple[Finding, ...]
    procedure_determined: Procedure | None = None
    law: dict[str, Any] = field(default_factory=dict)


def run(v: Vorhaben, *, today: dt.date, planning: PlanningCheck | None = None) -> NrwOutcome:
    """All NRW findings for the Vorhaben; ``v.submitted_on`` must be set (the engine does it)."""
    rl = rechtslage(v.submitted_on or today, bool(v.newer_law_requested), today)
    gk = building_class.classify(v, rl)
    large = sonderbau.assess(v, rl)
    planning_findings = planning(gk.building_class) if planning is not None else []
    decided = procedure.determine(v, gk, large, rl, PlanConformity.of(planning_findings))
    findings = [gk.finding, large.finding, decided.finding]
    wish = procedure_wish.compare(v, decided.procedure, rl)
    if wish is not None:
        findings.append(wish)
    proceeds_in = procedure_wish.effective(v, decided.procedure)
    findings.extend(completeness.check(v, proceeds_in, gk.building_class, rl, large.is_large))
    findings.extend(planning_findings)
    return NrwOutcome(proceeds_in, gk.building_class, tuple(findings), decided.procedure, rl.to_dict())
