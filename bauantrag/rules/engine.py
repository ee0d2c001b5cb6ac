"""Entry point of the check engine.

``run_precheck`` runs the rule set of a Land on a Vorhaben. Exceptions of a rule propagate: a broken rule is
never turned into a ``pass``. ``RULESET_VERSION`` is stored with every run; raise it whenever a rule, a legal
basis or a threshold changes.

With ``site`` (the Lageplan geometry) and/or ``plan`` (a Bebauungsplan read from XPlanGML) the planning-law
rules run as well (``bauantrag.rules.planning.engine``): BauNVO against the plan, Abstandsflächen (§ 6 BauO NRW)
also without a plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bauantrag.rules.model import CheckResult, Finding, RuleError, Vorhaben
from bauantrag.rules.nrw import precheck as nrw_precheck

if TYPE_CHECKING:
    from bauantrag.rules.planning.plan import Bebauungsplan
    from bauantrag.rules.planning.project import SitePlan

RULESET_VERSION = "nrw-2026.11.2"

_LAENDER: dict[str, Callable[[Vorhaben], nrw_precheck.NrwOutcome]] = {"nrw": nrw_precheck.run}


def run_precheck(
    v: Vorhaben,
    *,
    land: str = "nrw",
    plan: Bebauungsplan | None = None,
    site: SitePlan | None = None,
) -> CheckResult:
    """Run the automatic pre-check: Gebäudeklasse, Sonderbau, Verfahrensart, Bauvorlagen (and planning law)."""
    try:
        rules = _LAENDER[land]
    except KeyError:
        raise ValueError(
            f"Kein Regelwerk für das Land {land!r}; verfügbar: {', '.join(sorted(_LAENDER))}"
        ) from None
    outcome = rules(v)
    findings = outcome.findings
    if plan is not None or site is not None:
        findings = (*findings, *_planning(v, outcome.building_class, plan, site))
    ids = [finding.rule for finding in findings]
    if len(ids) != len(set(ids)):
        raise RuleError(f"duplicate rule ids in one run: {ids}")
    return CheckResult(
        procedure=outcome.procedure,
        building_class=outcome.building_class,
        findings=findings,
        ruleset_version=RULESET_VERSION,
    )


def _planning(
    v: Vorhaben, building_class: int | None, plan: Bebauungsplan | None, site: SitePlan | None
) -> list[Finding]:
    # imported here so that the pre-check without planning law does not load shapely
    from bauantrag.rules.planning.engine import missing_site_finding, run_planning_check
    from bauantrag.rules.planning.project import PlanningProject

    if site is None:
        return [missing_site_finding(plan)]
    return run_planning_check(PlanningProject.from_vorhaben(v, site, building_class), plan)
