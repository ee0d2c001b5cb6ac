"""Überbaubare Grundstücksfläche (§ 23 BauNVO): Baugrenzen and Baulinien.

Baugrenze (Abs. 3 Satz 1): the main buildings must lie within the union of the plan's überbaubaren Flächen;
``fail`` with the m² outside and the largest distance. An Vortreten "in geringfügigem Ausmaß" (Abs. 3 Satz 2:
here at most 0,5 m or at most 1 m², a working threshold, not from the law) may be admitted → ``needs_review``,
never pass or fail. Garages and Nebengebäude outside may be admitted under Abs. 5 → ``needs_review``.
Baulinie (Abs. 2 Satz 1): where one crosses the parcel, a main building must stand on it; otherwise
``needs_review`` (Vor- oder Zurücktreten in geringfügigem Ausmaß, Abs. 2 Satz 2).
"""

from __future__ import annotations

from typing import Any

from shapely.ops import unary_union

from bauantrag.rules.model import Finding
from bauantrag.rules.nrw.baunvo.common import PlanContext, finding
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.geometry import AREA_TOL_M2, BOUNDARY_TOL_M, max_distance_outside
from bauantrag.rules.planning.project import PlanningProject

BAUGRENZE_RULE = "baunvo.23.baugrenze"
BAULINIE_RULE = "baunvo.23.baulinie"
MINOR_DISTANCE_M = 0.5
MINOR_AREA_M2 = 1.0
ON_LINE_MIN_M = 1.0


def check_baugrenze(project: PlanningProject, ctx: PlanContext) -> Finding:
    plan = ctx.plan
    main = project.main_footprint()
    evidence: dict[str, Any] = {**ctx.evidence(), "buildable_area_ids": [a.id for a in ctx.buildable]}
    if not plan.buildable_areas:
        return finding(
            BAUGRENZE_RULE,
            "needs_review",
            "§ 23 Abs. 1 BauNVO",
            f"{ctx.plan_label()} enthält keine "
            "überbaubaren Grundstücksflächen; Baugrenzen bitte anhand der Planzeichnung prüfen.",
            evidence,
        )
    region = unary_union([a.geometry for a in plan.buildable_areas])
    outside = float(main.difference(region).area)
    distance = max_distance_outside(main, region) if outside > AREA_TOL_M2 else 0.0
    evidence.update({"area_outside_m2": round(outside, 2), "max_distance_m": round(distance, 2)})
    notes = _accessories_outside(project, region, evidence)
    if outside <= AREA_TOL_M2:
        return finding(
            BAUGRENZE_RULE,
            "needs_review" if notes else "pass",
            "§ 23 Abs. 5 BauNVO" if notes else "§ 23 Abs. 3 Satz 1 BauNVO",
            "Die Hauptgebäude liegen innerhalb der überbaubaren Grundstücksfläche (Baugrenzen eingehalten)." + notes,
            evidence,
        )
    head = (
        f"Die Hauptgebäude überschreiten die Baugrenze auf {num(outside, 'm²')}, bis zu {num(distance, 'm')} "
        "außerhalb der überbaubaren Grundstücksfläche"
    )
    if distance <= MINOR_DISTANCE_M or outside <= MINOR_AREA_M2:
        return finding(
            BAUGRENZE_RULE,
            "needs_review",
            "§ 23 Abs. 3 Satz 2 BauNVO",
            f"{head}. Ein Vortreten von "
            "Gebäudeteilen in geringfügigem Ausmaß kann zugelassen werden; bitte prüfen." + notes,
            evidence,
        )
    return finding(
        BAUGRENZE_RULE,
        "fail",
        "§ 23 Abs. 3 Satz 1 BauNVO",
        f"{head} (Gebäude und Gebäudeteile dürfen die Baugrenze nicht überschreiten)." + notes,
        evidence,
    )


def _accessories_outside(project: PlanningProject, region: Any, evidence: dict[str, Any]) -> str:
    names = [
        b.id for b in project.site.buildings if not b.is_main and b.footprint.difference(region).area > AREA_TOL_M2
    ]
    evidence["accessory_buildings_outside"] = names
    if not names:
        return ""
    return (
        f" Außerhalb liegen Garagen/Nebengebäude ({', '.join(names)}); sie können auf den nicht überbaubaren "
        "Flächen zugelassen werden, wenn der Plan nichts anderes festsetzt (§ 23 Abs. 5 BauNVO) – bitte prüfen."
    )


def check_baulinie(project: PlanningProject, ctx: PlanContext) -> Finding | None:
    """A finding when a Baulinie crosses the parcel, else ``None``."""
    parcel = project.site.parcel
    lines = [
        line
        for line in ctx.plan.boundary_lines
        if line.kind == "baulinie" and line.geometry.intersection(parcel).length > BOUNDARY_TOL_M
    ]
    if not lines:
        return None
    main = project.main_footprint()
    edge = main.boundary.buffer(BOUNDARY_TOL_M)
    rows = []
    for line in lines:
        part = line.geometry.intersection(parcel)
        on = float(part.intersection(edge).length)
        inside = float(part.intersection(main.buffer(-BOUNDARY_TOL_M)).length) if main.area > 0 else 0.0
        rows.append(
            {
                "id": line.id,
                "length_on_parcel_m": round(part.length, 2),
                "built_on_m": round(on, 2),
                "crossing_building_m": round(inside, 2),
            }
        )
    evidence: dict[str, Any] = {**ctx.evidence(), "baulinien": rows}
    if all(r["built_on_m"] >= ON_LINE_MIN_M and r["crossing_building_m"] == 0 for r in rows):
        built = ", ".join(num(r["built_on_m"], "m") for r in rows)
        return finding(
            BAULINIE_RULE,
            "pass",
            "§ 23 Abs. 2 Satz 1 BauNVO",
            f"Auf der Baulinie wird gebaut (Außenwand auf {built} Länge auf der Linie).",
            evidence,
        )
    return finding(
        BAULINIE_RULE,
        "needs_review",
        "§ 23 Abs. 2 Satz 1 und 2 BauNVO",
        "Eine Baulinie quert das "
        "Grundstück, die Hauptgebäude stehen aber nicht (vollständig) auf ihr. Auf einer Baulinie muss "
        "gebaut werden; ein Vor- oder Zurücktreten von Gebäudeteilen in geringfügigem Ausmaß kann "
        "zugelassen werden – bitte prüfen.",
        evidence,
    )
