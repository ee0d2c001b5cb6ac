"""Überbaubare Grundstücksfläche (§ 23 BauNVO): Baugrenzen and Baulinien.

Where main buildings leave the überbaubare Fläche is measured by ``rules.planning.crossing`` (depth, width, the
line crossed; a tolerance of 5 cm for rounded coordinates, named in the finding). "Geringfügig" (§ 23 Abs. 2 Satz
2, Abs. 3 Satz 2) is qualitative: only untergeordnete Gebäudeteile can stand out (OVG NRW, Beschl. v. 24.05.1996 –
11 B 970/96). So:

- the building itself across the line (a part wider than a third of the building's width in that direction, the
  measure of Vorbauten in § 6 Abs. 6 Satz 1 Nr. 2 BauO NRW) → ``fail``;
- a Gebäudeteil beyond the line → ``needs_review`` with its numbers, never pass or fail;
- garages and Nebengebäude outside may be admitted under Abs. 5 → ``needs_review``.

A part beyond a Baulinie is reported by the Baulinie rule (Abs. 2), not as a Baugrenze. Baulinie (Abs. 2 Satz 1):
where one crosses the parcel, a main building must stand on it; a building set back from it → ``needs_review``.
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import Finding
from bauantrag.rules.nrw.baunvo.common import PlanContext, finding
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.crossing import POSITION_TOL_M, VORBAU_DEPTH_M, Crossing, crossings
from bauantrag.rules.planning.geometry import AREA_TOL_M2
from bauantrag.rules.planning.project import PlanningProject

BAUGRENZE_RULE = "baunvo.23.baugrenze"
BAULINIE_RULE = "baunvo.23.baulinie"
ON_LINE_MIN_M = 1.0
TOLERANCE = f"Lagetoleranz {num(POSITION_TOL_M * 100, 'cm')} für gerundete Koordinaten"


def _crossings(project: PlanningProject, ctx: PlanContext) -> list[Crossing]:
    if not ctx.plan.buildable_areas:
        return []
    buildings = [(b.id, b.footprint) for b in project.main_buildings()]
    return crossings(buildings, ctx.plan.buildable_region, ctx.plan.boundary_lines)


def _describe(crossing: Crossing) -> str:
    what = "ein Gebäudeteil" if crossing.is_part else "das Gebäude"
    return (
        f"„{crossing.building}“: {what} auf {num(crossing.width_m, 'm')} Breite (Gebäude {num(crossing.wall_m, 'm')} "
        f"breit) bis zu {num(crossing.depth_m, 'm')} vor der Linie, {num(crossing.area_m2, 'm²')}"
    )


def _verdict(rule: str, line: str, abs_: str, items: list[Crossing], ctx: PlanContext, notes: str) -> Finding:
    evidence: dict[str, Any] = {**ctx.evidence(), "crossings": [c.evidence() for c in items]}
    parts = "; ".join(_describe(c) for c in items)
    if any(not c.is_part for c in items):
        return finding(
            rule, "fail", f"§ 23 Abs. {abs_} Satz 1 BauNVO",
            f"Die Hauptgebäude überschreiten die {line}: {parts}. Zulassen lässt sich nur das Vortreten von "
            "Gebäudeteilen in geringfügigem Ausmaß (untergeordnete Gebäudeteile), nicht das Gebäude selbst "
            f"({TOLERANCE})." + notes,
            evidence,
        )  # fmt: skip
    small = all(c.depth_m <= VORBAU_DEPTH_M for c in items)
    hint = (
        f"sie halten das Maß untergeordneter Vorbauten ein (höchstens ein Drittel der Gebäudebreite, höchstens "
        f"{num(VORBAU_DEPTH_M, 'm')} tief, vgl. § 6 Abs. 6 Satz 1 Nr. 2 BauO NRW)"
        if small
        else f"mindestens einer ist tiefer als {num(VORBAU_DEPTH_M, 'm')} (Maß untergeordneter Vorbauten, vgl. § 6 "
        "Abs. 6 Satz 1 Nr. 2 BauO NRW)"
    )
    return finding(
        rule, "needs_review", f"§ 23 Abs. {abs_} Satz 2 BauNVO",
        f"Gebäudeteile treten vor die {line}: {parts}; {hint}. Ob das Vortreten geringfügig ist und zugelassen "
        "werden kann, entscheidet die Bauaufsicht." + notes,
        evidence,
    )  # fmt: skip


def check_baugrenze(project: PlanningProject, ctx: PlanContext) -> Finding:
    plan = ctx.plan
    evidence: dict[str, Any] = {**ctx.evidence(), "buildable_areas": [a.name for a in ctx.buildable]}
    if not plan.buildable_areas:
        return finding(
            BAUGRENZE_RULE,
            "needs_review",
            "§ 23 Abs. 1 BauNVO",
            f"{ctx.plan_label()} enthält keine "
            "überbaubaren Grundstücksflächen; Baugrenzen bitte anhand der Planzeichnung prüfen.",
            evidence,
        )
    notes = _accessories_outside(project, plan.buildable_region, evidence)
    found = _crossings(project, ctx)
    over = [c for c in found if c.line_kind == "baugrenze"]
    beyond_baulinie = any(c.line_kind == "baulinie" for c in found)
    if over:
        return _verdict(BAUGRENZE_RULE, "Baugrenze", "3", over, ctx, notes)
    elsewhere = " Über eine Baulinie treten sie hinaus; siehe den Befund zur Baulinie." if beyond_baulinie else ""
    return finding(
        BAUGRENZE_RULE,
        "needs_review" if notes else "pass",
        "§ 23 Abs. 5 BauNVO" if notes else "§ 23 Abs. 3 Satz 1 BauNVO",
        f"Die Hauptgebäude überschreiten keine Baugrenze ({TOLERANCE})." + elsewhere + notes,
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
        if line.kind == "baulinie" and line.geometry.intersection(parcel).length > POSITION_TOL_M
    ]
    if not lines:
        return None
    over = [c for c in _crossings(project, ctx) if c.line_kind == "baulinie"]
    if over:
        return _verdict(BAULINIE_RULE, "Baulinie", "2", over, ctx, "")
    main = project.main_footprint()
    edge = main.boundary.buffer(POSITION_TOL_M)
    inner = main.buffer(-POSITION_TOL_M) if main.area > 0 else main
    rows = []
    for line in lines:
        part = line.geometry.intersection(parcel)
        rows.append(
            {
                "line": line.name,
                "length_on_parcel_m": round(part.length, 2),
                "built_on_m": round(float(part.intersection(edge).length), 2),
                "crossing_building_m": round(float(part.intersection(inner).length), 2),
            }
        )
    evidence: dict[str, Any] = {**ctx.evidence(), "baulinien": rows}
    if all(r["built_on_m"] >= ON_LINE_MIN_M and r["crossing_building_m"] == 0 for r in rows):
        built = ", ".join(num(r["built_on_m"], "m") for r in rows)
        return finding(
            BAULINIE_RULE,
            "pass",
            "§ 23 Abs. 2 Satz 1 BauNVO",
            f"Auf der Baulinie wird gebaut (Außenwand auf {built} Länge auf der Linie; {TOLERANCE}).",
            evidence,
        )
    return finding(
        BAULINIE_RULE,
        "needs_review",
        "§ 23 Abs. 2 Satz 1 und 2 BauNVO",
        "Eine Baulinie quert das "
        "Grundstück, die Hauptgebäude stehen aber nicht (vollständig) auf ihr. Auf einer Baulinie muss "
        "gebaut werden; ein Vor- oder Zurücktreten von Gebäudeteilen in geringfügigem Ausmaß kann "
        f"zugelassen werden – bitte prüfen ({TOLERANCE}).",
        evidence,
    )
