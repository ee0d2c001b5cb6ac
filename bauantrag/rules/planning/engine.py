"""The planning-law check of one project against one Bebauungsplan (or none).

``run_planning_check`` places the main buildings in the plan (``Bebauungsplan.areas_at``) and runs the BauNVO
rules when they lie in exactly one Baugebiet; the Abstandsflächen (§ 6 BauO NRW) are checked in every case,
with the Baugebiet from the plan, else from the application. No plan, a footprint outside the Geltungsbereich
or across several Baugebiete, or a plan not in force → ``needs_review`` of ``bplan.lage``.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo import art_der_nutzung, hoehe, mass, ueberbaubare_flaeche, vollgeschosse
from bauantrag.rules.nrw.baunvo.common import BAUGB_2026, PlanContext, area_label, baugebiet_of
from bauantrag.rules.nrw.bauo_nrw import abstandsflaechen
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.geometry import AREA_TOL_M2
from bauantrag.rules.planning.plan import Bebauungsplan, PlanArea
from bauantrag.rules.planning.project import PlanningProject

LAGE_RULE = "bplan.lage"
IN_FORCE = "4000"
LEGAL_STATUS = {
    "1000": "Aufstellungsbeschluss",
    "2000": "Entwurf",
    "2100": "frühzeitige Behördenbeteiligung",
    "2200": "frühzeitige Öffentlichkeitsbeteiligung",
    "2250": "Entwurfsbeteiligung",
    "2300": "Behördenbeteiligung",
    "2400": "öffentliche Auslegung",
    "3000": "Satzung beschlossen",
    "4000": "in Kraft getreten",
    "4500": "teilweise untergegangen",
    "45000": "teilweise aufgehoben",
    "45001": "teilweise außer Kraft",
    "5000": "untergegangen",
    "50000": "aufgehoben",
    "50001": "außer Kraft",
}
NEIGHBOUR_REACH_M = 30.0


def run_planning_check(project: PlanningProject, plan: Bebauungsplan | None) -> list[Finding]:
    """All planning-law findings for the project: location, BauNVO rules, Abstandsflächen."""
    main = project.main_footprint()
    if plan is None:
        why = (
            "Kein Bebauungsplan übergeben: Art und Maß der baulichen Nutzung und die überbaubare "
            "Grundstücksfläche werden nicht geprüft."
        )
        return [_lage("needs_review", "§ 30 BauGB", why, {}), abstandsflaechen.check(project, _site_context(project))]
    evidence: dict[str, Any] = {"plan": plan.name, "number": plan.number, "legal_status": plan.legal_status}
    label = f"Bebauungsplan „{plan.name}“" + (f" Nr. {plan.number}" if plan.number else "")
    if main.is_empty:
        return [
            _lage("needs_review", "§ 30 BauGB", f"{label}: Der Lageplan enthält kein Hauptgebäude.", evidence),
            abstandsflaechen.check(project, _site_context(project)),
        ]
    notes = _geltungsbereich_notes(plan, main, evidence)
    hits = [(area, m2) for area, m2 in plan.areas_at(main) if m2 > AREA_TOL_M2]
    evidence["areas"] = [
        {"id": area.id, "special_use": area.special_use, "overlap_m2": round(m2, 2)} for area, m2 in hits
    ]
    if len(hits) != 1:
        what = (
            "in keinem Baugebiet"
            if not hits
            else "in mehreren Baugebieten ("
            + "; ".join(f"{area_label(area)}: {num(m2, 'm²')}" for area, m2 in hits)
            + ")"
        )
        message = f"{label}: Die Hauptgebäude liegen {what} des Plans; bitte planungsrechtlich prüfen.{notes}"
        context = _site_context(project)
        return [_lage("needs_review", "§ 30 Abs. 1 BauGB", message, evidence), abstandsflaechen.check(project, context)]
    area = hits[0][0]
    ctx = _plan_context(project, plan, area, main)
    status: Status = "needs_review" if notes else "pass"
    message = f"{label}: Die Hauptgebäude liegen im Baugebiet {area_label(area)}.{notes}"
    findings = [
        _lage(status, "§ 30 Abs. 1 BauGB", message, {**evidence, **ctx.evidence()}),
        art_der_nutzung.check(project, ctx),
        mass.check_grz(project, ctx),
        mass.check_gfz(project, ctx),
        vollgeschosse.check(project, ctx),
        hoehe.check(project, ctx),
        ueberbaubare_flaeche.check_baugrenze(project, ctx),
    ]
    baulinie = ueberbaubare_flaeche.check_baulinie(project, ctx)
    if baulinie is not None:
        findings.append(baulinie)
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
        source=f"Bebauungsplan „{plan.name}“",
        closed_construction=area.bauweise == "2000",
        neighbours=neighbours,
    )


def _site_context(project: PlanningProject) -> abstandsflaechen.AreaContext:
    if project.site.baugebiet:
        return abstandsflaechen.AreaContext(baugebiet=project.site.baugebiet, source="Angabe im Antrag")
    return abstandsflaechen.AreaContext()


def _lage(status: Status, basis: str, message: str, evidence: dict[str, Any]) -> Finding:
    return Finding(LAGE_RULE, status, basis, message, evidence, BAUGB_2026)


def missing_site_finding(plan: Bebauungsplan | None) -> Finding:
    """A Bebauungsplan was given, but the application has no Lageplan geometry to place in it."""
    name = f" „{plan.name}“" if plan is not None else ""
    message = (
        f"Ein Bebauungsplan{name} wurde übergeben, der Antrag enthält aber keine Lageplan-Geometrie (site); die "
        "planungsrechtliche Prüfung und die Abstandsflächen entfallen."
    )
    return _lage("needs_review", "§ 30 BauGB", message, {"plan": plan.name if plan is not None else None})
