"""Entry point of the check engine.

``run_precheck`` runs the rule set of a Land on a Vorhaben. Exceptions of a rule propagate: a broken rule is
never turned into a ``pass``. ``RULESET_VERSION`` is stored with every run; raise it whenever a rule, a legal
basis or a threshold changes.

The decisive date is the Vorhaben's ``submitted_on`` (the Antragstellung, § 90 Abs. 4 BauO NRW); without it the
day of the check (``today``, default: the current date). The result names the Fassungen applied (``law``).

With ``site`` (the Lageplan geometry) and/or ``plan`` (a Bebauungsplan read from XPlanGML, or several: the one
that governs the site is chosen) the planning-law rules run as well (``bauantrag.rules.planning.engine``): BauNVO
against the plan, Abstandsflächen (§ 6 BauO NRW) also without a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bauantrag.rules.model import CheckResult, Finding, RuleError, Vorhaben
from bauantrag.rules.nrw import precheck as nrw_precheck

if TYPE_CHECKING:
    from bauantrag.rules.planning.plan import Bebauungsplan
    from bauantrag.rules.planning.project import SitePlan

RULESET_VERSION = "nrw-2026.12.2"

_Rules = Callable[..., nrw_precheck.NrwOutcome]
_LAENDER: dict[str, _Rules] = {"nrw": nrw_precheck.run}


def run_precheck(
    v: Vorhaben,
    *,
    land: str = "nrw",
    plan: Bebauungsplan | Sequence[Bebauungsplan] | None = None,
    site: SitePlan | None = None,
    today: dt.date | None = None,
) -> CheckResult:
    """Run the automatic pre-check: Gebäudeklasse, Sonderbau, Verfahrensart, Bauvorlagen (and planning law)."""
    try:
        rules = _LAENDER[land]
    except KeyError:
        raise ValueError(
            f"Kein Regelwerk für das Land {land!r}; verfügbar: {', '.join(sorted(_LAENDER))}"
        ) from None
    today = today or dt.date.today()
    if v.submitted_on is None:
        v = replace(v, submitted_on=today)
    planning = None
    if plan is not None or site is not None:
        def planning(building_class: int | None) -> list[Finding]:
            return _planning(v, building_class, plan, site)

    outcome = rules(v, today=today, planning=planning)
    findings = outcome.findings
    ids = [finding.rule for finding in findings]
    if len(ids) != len(set(ids)):
        raise RuleError(f"duplicate rule ids in one run: {ids}")
    return CheckResult(
        procedure=outcome.procedure,
        building_class=outcome.building_class,
        findings=findings,
        ruleset_version=RULESET_VERSION,
        procedure_determined=outcome.procedure_determined,
        law=outcome.law,
    )


def _planning(
    v: Vorhaben,
    building_class: int | None,
    plan: Bebauungsplan | Sequence[Bebauungsplan] | None,
    site: SitePlan | None,
) -> list[Finding]:
    # imported here so that the pre-check without planning law does not load shapely
    from bauantrag.rules.planning.engine import missing_site_finding, run_planning_check
    from bauantrag.rules.planning.project import PlanningProject

    if site is None:
        return [missing_site_finding(plan)]
    return run_planning_check(PlanningProject.from_vorhaben(v, site, building_class), plan)
