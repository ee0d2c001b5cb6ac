"""Zahl der Vollgeschosse (§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO) against the plan, per main building.

§ 20 Abs. 1 BauNVO refers to the Land's definition, statically as at the plan's date (DOMAIN.md § 1, after
bauportal.nrw): plans in force from 01.01.2019 use § 2 Abs. 6 BauO NRW 2018 (lichte Höhe mindestens 2,30 m
über mehr als drei Viertel der Grundfläche des darunterliegenden Geschosses), older plans § 2 Abs. 5 BauO NRW
2000. The Vorhaben's ``storeys_full`` is already counted; the rule compares and names the definition. Without
the plan's date, or for a plan outside NRW (AGS not starting with 05), it answers ``needs_review``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo.common import BAUNVO_2023, PlanContext
from bauantrag.rules.nrw.common import BAUO_NRW_2021
from bauantrag.rules.planning.project import Building, PlanningProject

RULE_ID = "bauo_nrw.2.6.vollgeschosse"
LAW_VERSION = f"{BAUNVO_2023}; {BAUO_NRW_2021}"
BAUO_2018_FROM = dt.date(2019, 1, 1)
DEF_2018 = (
    "§ 2 Abs. 6 BauO NRW 2018 (oberirdisches Geschoss mit mindestens 2,30 m lichter Höhe über mehr als "
    "drei Viertel der Grundfläche des darunterliegenden Geschosses)"
)
DEF_2000 = (
    "§ 2 Abs. 5 BauO NRW 2000 (Deckenoberkante im Mittel mehr als 1,60 m über Gelände und mindestens 2,30 m "
    "Höhe; Staffel- und Dachgeschosse mit eigenen Flächenanteilen)"
)


def limits(ctx: PlanContext, building: Building) -> list[dict[str, int]]:
    """Z values for the building: one dict per overlapped überbaubare Fläche that sets some, else the Baugebiet's."""
    found: list[dict[str, int]] = []
    for area in ctx.plan.buildable_areas:
        if area.geometry.intersection(building.footprint).area > 0.01:
            values = {"exact": area.z_exact, "max": area.z_max if area.z_max is not None else area.z, "min": area.z_min}
            found.append({k: v for k, v in values.items() if v is not None})
    found = [f for f in found if f]
    if found:
        return [f for i, f in enumerate(found) if f not in found[:i]]
    a = ctx.area
    values = {"exact": a.z_exact, "max": a.z_max if a.z_max is not None else a.z, "min": a.z_min}
    return [{k: v for k, v in values.items() if v is not None}]


def check(project: PlanningProject, ctx: PlanContext) -> Finding:
    plan = ctx.plan
    in_force = plan.in_force_date.isoformat() if plan.in_force_date else None
    evidence: dict[str, Any] = {**ctx.evidence(), "in_force_date": in_force, "ags": plan.ags, "buildings": []}
    rows: list[tuple[Status, str]] = []
    for building in project.main_buildings():
        rows.append(_compare(project, ctx, building, evidence))
    if not rows:
        return _finding("needs_review", "§ 20 Abs. 1 BauNVO", "Kein Hauptgebäude im Lageplan.", evidence)
    if all(status == "pass" and "keine Zahl" in text for status, text in rows):
        return _finding(
            "pass",
            "§ 16 Abs. 2 Nr. 3 BauNVO",
            f"{ctx.plan_label()} setzt für die Teilfläche keine Zahl der Vollgeschosse fest; nichts zu prüfen.",
            evidence,
        )
    status: Status = (
        "fail"
        if any(s == "fail" for s, _ in rows)
        else ("needs_review" if any(s == "needs_review" for s, _ in rows) else "pass")
    )
    definition, why = _definition(ctx)
    evidence["definition"] = definition
    text = "; ".join(t for _, t in rows)
    if status != "fail" and why:
        status = "needs_review"
    basis = "§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO i.V.m. " + (
        "§ 2 Abs. 6 BauO NRW"
        if definition == "2018"
        else "§ 2 Abs. 5 BauO NRW 2000"
        if definition == "2000"
        else "dem Landesrecht"
    )
    defined = {"2018": DEF_2018, "2000": DEF_2000}.get(definition, "")
    tail = f" Maßgebend ist der Vollgeschossbegriff nach {defined}." if defined else ""
    return _finding(status, basis, f"{text}.{tail}{' ' + why if why else ''}", evidence)


def _definition(ctx: PlanContext) -> tuple[str, str]:
    plan = ctx.plan
    if plan.ags and not plan.ags.startswith("05"):
        return "other_land", (
            f"Der Plan liegt nicht in Nordrhein-Westfalen (AGS {plan.ags}): maßgebend ist der "
            "Vollgeschossbegriff dieses Landes (§ 20 Abs. 1 BauNVO); bitte prüfen."
        )
    if plan.in_force_date is None:
        return "unknown", (
            "Das Datum des Inkrafttretens des Plans ist nicht angegeben; ob der Vollgeschossbegriff der "
            "BauO NRW 2018 oder der BauO NRW 2000 gilt, bitte prüfen."
        )
    return ("2018", "") if plan.in_force_date >= BAUO_2018_FROM else ("2000", "")


def _compare(
    project: PlanningProject, ctx: PlanContext, building: Building, evidence: dict[str, Any]
) -> tuple[Status, str]:
    parts = [z for z in limits(ctx, building) if z]
    storeys = project.storeys_full_of(building)
    evidence["buildings"].append({"building": building.id, "storeys_full": storeys, "limits": parts})
    name = f"„{building.id}“"
    if not parts:
        return "pass", f"{name}: keine Zahl der Vollgeschosse festgesetzt"
    if storeys is None:
        return "needs_review", f"{name}: Zahl der Vollgeschosse (storeys_full) nicht angegeben"
    broken = [text for z in parts if (text := _violation(storeys, z))]
    if broken and len(parts) > 1:
        return "needs_review", (
            f"{name}: {storeys} Vollgeschosse; das Gebäude liegt auf überbaubaren Flächen mit "
            f"unterschiedlicher Festsetzung, nicht eingehalten wäre: {'; '.join(broken)} – bitte "
            "je Gebäudeteil prüfen"
        )
    if broken:
        return "fail", f"{name}: {storeys} Vollgeschosse, {broken[0]}"
    allowed = " bzw. ".join(str(z.get("exact", z.get("max", z.get("min")))) for z in parts)
    return "pass", f"{name}: {storeys} Vollgeschosse, festgesetzt {allowed} – eingehalten"


def _violation(storeys: int, z: dict[str, int]) -> str:
    if "exact" in z and storeys != z["exact"]:
        return f"zwingend festgesetzt sind {z['exact']} (§ 16 Abs. 4 Satz 2)"
    if "max" in z and storeys > z["max"]:
        return f"höchstens zulässig sind {z['max']}"
    if "min" in z and storeys < z["min"]:
        return f"mindestens festgesetzt sind {z['min']} (§ 16 Abs. 4 Satz 1)"
    return ""


def _finding(status: Status, basis: str, message: str, evidence: dict[str, Any]) -> Finding:
    return Finding(RULE_ID, status, basis, message, evidence, LAW_VERSION)
