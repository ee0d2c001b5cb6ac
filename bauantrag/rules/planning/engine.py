"""The planning-law check of one project against one Bebauungsplan (or none).

``run_planning_check`` places the main buildings in the plan (``Bebauungsplan.areas_at``) and runs the BauNVO
rules when they lie in exactly one Baugebiet; the Abstandsflächen (§ 6 BauO NRW) are checked in every case,
with the Baugebiet from the plan, else from the application. No plan, a footprint outside the Geltungsbereich
or across several Baugebiete, or a plan not in force → ``needs_review`` of ``bplan.lage``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo import art_der_nutzung, bauweise, hoehe, mass, ueberbaubare_flaeche, vollgeschosse
from bauantrag.rules.nrw.baunvo.common import BAUGB_2026, PlanContext, area_label, baugebiet_of
from bauantrag.rules.nrw.bauo_nrw import abstandsflaechen
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.codes import LEGAL_STATUS
from bauantrag.rules.planning.geometry import AREA_TOL_M2
from bauantrag.rules.planning.plan import BAUGEBIET, Bebauungsplan, PlanArea
from bauantrag.rules.planning.plan_choice import PlanChoice, choose_plan
from bauantrag.rules.planning.project import PlanningProject

LAGE_RULE = "bplan.lage"
IN_FORCE = "4000"
NEIGHBOUR_REACH_M = 30.0


def run_planning_check(
    project: PlanningProject, plan: Bebauungsplan | Sequence[Bebauungsplan] | None
) -> list[Finding]:
    """All planning-law findings for the project: location, BauNVO rules, Abstandsflächen.

    ``plan`` may be several plans (a file with Änderungen, the Kommune's plans at the site): the one that governs
    the footprint is chosen by ``plan_choice.choose_plan``; where that is unclear, the Lage finding names the plans
    and the BauNVO rules do not run.
    """
    main = project.main_footprint()
    plans = () if plan is None else (plan,) if isinstance(plan, Bebauungsplan) else tuple(plan)
    if not plans:
        why = (
            "Kein Bebauungsplan übergeben: Art und Maß der baulichen Nutzung und die überbaubare "
            "Grundstücksfläche werden nicht geprüft."
        )
        return [_lage("needs_review", "§ 30 BauGB", why, {}), abstandsflaechen.check(project, _site_context(project))]
    if main.is_empty:
        names = ", ".join(p.label() for p in plans[:3])
        return [
            _lage("needs_review", "§ 30 BauGB", f"{names}: Der Lageplan enthält kein Hauptgebäude.", {}),
            abstandsflaechen.check(project, _site_context(project)),
        ]
    choice = choose_plan(plans, main)
    if choice.plan is None:
        message = " ".join((*choice.doubts, *choice.notes)) + " Bitte planungsrechtlich prüfen."
        evidence = {"plans": list(choice.considered)}
        return [
            _lage("needs_review", "§ 30 Abs. 1 BauGB", message, evidence),
            abstandsflaechen.check(project, _site_context(project)),
        ]
    return _check_in_plan(project, choice.plan, main, choice)


def _check_in_plan(
    project: PlanningProject, plan: Bebauungsplan, main: BaseGeometry, choice: PlanChoice
) -> list[Finding]:
    evidence: dict[str, Any] = {"plan": plan.name, "number": plan.number, "legal_status": plan.legal_status}
    if choice.considered:
        evidence["plans"] = list(choice.considered)
    label = plan.label()
    notes = _geltungsbereich_notes(plan, main, evidence) + "".join(f" {text}" for text in choice.doubts)
    told = "".join(f" {text}" for text in choice.notes)
    hits = [(area, m2) for area, m2 in plan.areas_at(main) if m2 > AREA_TOL_M2]
    evidence["areas"] = [
        {"area": area.name, "special_use": area.special_use, "overlap_m2": round(m2, 2)} for area, m2 in hits
    ]
    if len(hits) != 1:
        what = (
            "in keinem Baugebiet"
            if not hits
            else "in mehreren Baugebieten ("
            + "; ".join(f"{area_label(area)}: {num(m2, 'm²')}" for area, m2 in hits)
            + ")"
        )
        message = f"{label}: Die Hauptgebäude liegen {what} des Plans; bitte planungsrechtlich prüfen.{notes}{told}"
        context = _site_context(project)
        return [_lage("needs_review", "§ 30 Abs. 1 BauGB", message, evidence), abstandsflaechen.check(project, context)]
    area = hits[0][0]
    ctx = _plan_context(project, plan, area, main)
    status: Status = "needs_review" if notes else "pass"
    where = "im Baugebiet" if area.kind == BAUGEBIET else "auf der"
    message = f"{label}: Die Hauptgebäude liegen {where} {area_label(area)}.{notes}{told}"
    findings = [
        _lage(status, "§ 30 Abs. 1 BauGB", message, {**evidence, **ctx.evidence()}),
        art_der_nutzung.check(project, ctx),
        mass.check_grz(project, ctx),
        mass.check_gfz(project, ctx),
        vollgeschosse.check(project, ctx),
        hoehe.check(project, ctx),
        ueberbaubare_flaeche.check_baugrenze(project, ctx),
    ]
    for optional in (ueberbaubare_flaeche.check_baulinie(project, ctx), bauweise.check(project, ctx)):
        if optional is not None:
            findings.append(optional)
    findings.append(abstandsflaechen.check(project, _plan_area_context(plan, area, main)))
    return findings


def _geltungsbereich_notes(plan: Bebauungsplan, main: BaseGeometry, evidence: dict[str, Any]) -> str:
    notes = ""
    if plan.geltungsbereich is not None:
        outside = float(main.difference(plan.geltungsbereich).area)
        evidence["outside_geltungsbereich_m2"] = round(outside, 2)
        if outside > AREA_TOL_M2:
            notes += f" {num(outside, 'm²')} der Hauptgebäude liegen außerhalb des Geltungsbereichs des Plans."
    if plan.legal_status != IN_FORCE:
        state = LEGAL_STATUS.get(
            plan.legal_status or "", f"Code {plan.legal_status}" if plan.legal_status else "nicht angegeben"
        )
        notes += (
            f" Der Plan ist nicht als in Kraft getreten gekennzeichnet (Rechtsstand: {state}); seine "
            "Festsetzungen sind nur maßgeblich, wenn er in Kraft ist – bitte prüfen."
        )
    return notes


def _plan_context(project: PlanningProject, plan: Bebauungsplan, area: PlanArea, main: BaseGeometry) -> PlanContext:
    parcel = project.site.parcel
    bauland = unary_union([a.geometry for a in plan.areas if a.geometry.intersects(parcel)])
    site_area = float(parcel.intersection(bauland).area) if not bauland.is_empty else 0.0
    buildable = tuple(b for b in plan.buildable_areas if b.geometry.intersection(main).area > AREA_TOL_M2)
    return PlanContext(plan, area, buildable, site_area, float(parcel.area))


def _plan_area_context(plan: Bebauungsplan, area: PlanArea, main: BaseGeometry) -> abstandsflaechen.AreaContext:
    gebiet = baugebiet_of(area)
    reach = main.buffer(NEIGHBOUR_REACH_M)
    neighbours = tuple(
        (other_gebiet.abbr, other.geometry)
        for other in plan.areas
        if other is not area
        and (other_gebiet := baugebiet_of(other)) is not None
        and (gebiet is None or other_gebiet.abbr != gebiet.abbr)
        and other.geometry.intersects(reach)
    )
    return abstandsflaechen.AreaContext(
        baugebiet=gebiet.abbr if gebiet else None,
        source=f"{plan.label()}, {area.name}",
        closed_construction=area.bauweise == "2000",
        neighbours=neighbours,
    )


def _site_context(project: PlanningProject) -> abstandsflaechen.AreaContext:
    if project.site.baugebiet:
        return abstandsflaechen.AreaContext(baugebiet=project.site.baugebiet, source="Angabe im Antrag")
    return abstandsflaechen.AreaContext()


def _lage(status: Status, basis: str, message: str, evidence: dict[str, Any]) -> Finding:
    return Finding(LAGE_RULE, status, basis, message, evidence, BAUGB_2026)


def missing_site_finding(plan: Bebauungsplan | Sequence[Bebauungsplan] | None) -> Finding:
    """A Bebauungsplan was given, but the application has no Lageplan geometry to place in it."""
    plans = () if plan is None else (plan,) if isinstance(plan, Bebauungsplan) else tuple(plan)
    name = "".join(f" „{p.name}“" for p in plans[:1])
    message = (
        f"Ein Bebauungsplan{name} wurde übergeben, der Antrag enthält aber keine Lageplan-Geometrie (site); die "
        "planungsrechtliche Prüfung und die Abstandsflächen entfallen."
    )
    return _lage("needs_review", "§ 30 BauGB", message, {"plan": plans[0].name if plans else None})
