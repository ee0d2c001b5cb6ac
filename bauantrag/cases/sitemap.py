"""The Lageplan map of a case for the pages: as checked (the run's input, plan and findings) or, before a
check, as entered (with the plan of the Kommune that applies now). Drawn by ``bauantrag.formats.sitemap``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.cases.models import Case, CheckRun, CheckRunStatus
from bauantrag.cases.precheck import applicable_plan
from bauantrag.cases.site import site_plan_of
from bauantrag.formats.sitemap import SiteMap, site_map


@dataclass(frozen=True)
class CaseMap:
    map: SiteMap
    plan_name: str | None
    checked: bool  # drawn from a finished pre-check (with Abstandsflächen), else a preview of the entered data


def case_map(case: Case, run: CheckRun | None = None, *, prefix: str = "lage") -> CaseMap | None:
    """The map for the case page, or ``None`` when there is no Lageplan geometry."""
    if run is not None and run.status == CheckRunStatus.DONE and (run.input or {}).get("vorhaben", {}).get("site"):
        return _checked(run, prefix)
    return preview(case, prefix=prefix)


def preview(case: Case, *, prefix: str = "lage") -> CaseMap | None:
    site = site_plan_of(case.vorhaben.site)
    if site is None:
        return None
    record, plan = applicable_plan(case.tenant, site)
    return CaseMap(site_map(site, plan, id_prefix=prefix), record.name if record else None, False)


def _checked(run: CheckRun, prefix: str) -> CaseMap:
    from bauantrag.plans.register import parsed_plan

    site = site_plan_of(run.input["vorhaben"]["site"] if run.input else None)
    assert site is not None
    plan = parsed_plan(run.plan) if run.plan is not None else None
    findings: list[dict[str, Any]] = [{"rule": f.rule, "evidence": f.evidence} for f in run.findings.all()]
    return CaseMap(site_map(site, plan, findings, id_prefix=prefix), run.plan.name if run.plan else None, True)
