"""The NRW pre-check: the rules in their order, each feeding the next."""

from __future__ import annotations

from dataclasses import dataclass

from bauantrag.rules.model import Finding, Procedure, Vorhaben
from bauantrag.rules.nrw.bauo_nrw import building_class, procedure, procedure_wish, sonderbau
from bauantrag.rules.nrw.baupruefvo import completeness


@dataclass(frozen=True)
class NrwOutcome:
    procedure: Procedure | None
    building_class: int | None
    findings: tuple[Finding, ...]


def run(v: Vorhaben) -> NrwOutcome:
    """Gebäudeklasse → großer Sonderbau → Verfahrensart → Verfahrenswunsch → Vollständigkeit."""
    gk = building_class.classify(v)
    large = sonderbau.assess(v)
    decided = procedure.determine(v, gk, large)
    findings = [gk.finding, large.finding, decided.finding]
    wish = procedure_wish.compare(v, decided.procedure)
    if wish is not None:
        findings.append(wish)
    findings.extend(completeness.check(v, decided.procedure, gk.building_class))
    return NrwOutcome(decided.procedure, gk.building_class, tuple(findings))
