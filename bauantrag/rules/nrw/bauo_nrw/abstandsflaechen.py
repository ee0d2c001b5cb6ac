"""Abstandsflächen nach § 6 BauO NRW (Fassungen 2021 und 2024; differences in ``provisions``), geometrically.

In front of every outer wall of every building a rectangle of the required depth (``abstandsflaechen_tiefe``)
is constructed along the outward normal. It must lie on the parcel or on public traffic, green and water
areas up to their middle (Abs. 2 Satz 1 und 2), must not overlap another one unless the walls stand at more
than 75° to each other (Abs. 3 Nr. 1), and must be kept free of other buildings (Abs. 1 Satz 1).
``needs_review``: walls on the boundary (Abs. 1 Satz 3 in 2021, Satz 4 from 2024), garages and small buildings that
may be privileged (Abs. 8: total length 15 m in 2021, 18 m from 2024, Wärmepumpen from 2024), a declared Baulast
(Abs. 2 Satz 3), a missing wall height, an unknown Baugebiet where the result
depends on it. Vorbauten and Dachüberstände (Abs. 6) are not modelled: the footprint is the outer walls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from shapely.geometry import Polygon

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.bauo_nrw import abstandsflaechen_tiefe as tiefe
from bauantrag.rules.nrw.bauo_nrw.provisions import BauOProvisions, provisions_for
from bauantrag.rules.nrw.common import num
from bauantrag.rules.nrw.rechtslage import Rechtslage, rechtslage
from bauantrag.rules.planning import geometry
from bauantrag.rules.planning.project import Building, PlanningProject

RULE_ID = "bauo_nrw.6.abstandsflaechen"
NOT_MODELLED = (
    "Nicht ausgewertet: vortretende Bauteile und Vorbauten (§ 6 Abs. 6), Maßnahmen an bestehenden Gebäuden "
    "(Abs. 7, 9, 11), geringere Tiefen nach Abs. 10 und 12 und Abweichungen (Abs. 13 in der Fassung ab 2024, "
    "Abs. 14 bis 2023)."
)
MATERIAL_LAW_NOTE = (
    "§ 90 Abs. 4 BauO NRW betrifft die Verfahrensvorschriften; angewandt wurde die Fassung zur Zeit der "
    "Antragstellung. Ob für § 6 das bei der Entscheidung geltende Recht maßgeblich ist (ab 01.01.2024: Abs. 8 "
    "Gesamtlänge insgesamt 18 m statt 15 m, Wärmepumpen ohne eigene Abstandsfläche), bitte prüfen."
)
MAX_LISTED = 6


@dataclass(frozen=True)
class AreaContext:
    """The Baugebiet the project lies in (BauNVO abbreviation or ``None``) and where that came from."""

    baugebiet: str | None = None
    source: str = "nicht bekannt"
    closed_construction: bool = False  # geschlossene Bauweise festgesetzt
    neighbours: tuple[tuple[str, Polygon], ...] = ()  # other Baugebiete around (abbreviation, geometry)


@dataclass
class _Result:
    walls: list[dict[str, Any]] = field(default_factory=list)
    problems: list[tuple[Status, str, str]] = field(default_factory=list)  # status, basis, German sentence
    privileged: set[str] = field(default_factory=set)  # buildings that may stand in Abstandsflächen (Abs. 8)


def check(project: PlanningProject, context: AreaContext) -> Finding:
    rl = rechtslage(project.submitted_on or dt.date.today(), project.newer_law_requested)
    provisions = provisions_for(rl.bauo_applied)
    site = project.site
    result = _Result()
    rects: list[tuple[Building, geometry.Wall, Polygon]] = []
    public = [area.polygon for area in site.public_areas]
    for building in site.buildings:
        if not building.is_main and _maybe_privileged(building, result, provisions):
            result.privileged.add(building.id)
            continue
        for wall in geometry.walls_of(building.id, building.footprint):
            rect = _check_wall(project, context, building, wall, public, result, provisions)
            if rect is not None:
                rects.append((building, wall, rect))
    _check_overlaps(rects, result)
    _check_free_of_buildings(project, rects, result)
    return _finding(project, context, result, rl)


def _maybe_privileged(building: Building, result: _Result, provisions: BauOProvisions) -> bool:
    mean = building.wall_height_mean_m
    if mean is None and building.wall_heights_m:
        mean = sum(building.wall_heights_m) / len(building.wall_heights_m)
    if mean is not None and mean > 3.0:
        return False
    label = "Garage" if building.kind == "garage" else "Nebengebäude"
    height_text = f"mittlere Wandhöhe {num(mean, 'm')}" if mean is not None else "mittlere Wandhöhe nicht angegeben"
    result.problems.append(
        (
            "needs_review",
            "§ 6 Abs. 8 Satz 1 Nr. 1 BauO NRW",
            f"{label} „{building.id}“ ({height_text}) kann ohne eigene Abstandsfläche zulässig sein, wenn die "
            f"Voraussetzungen des § 6 Abs. 8 vorliegen ({provisions.abs8_items})",
        )
    )
    return True


def _check_wall(
    project: PlanningProject,
    context: AreaContext,
    building: Building,
    wall: geometry.Wall,
    public: list[Polygon],
    result: _Result,
    provisions: BauOProvisions,
) -> Polygon | None:
    site = project.site
    height = tiefe.wall_height(project, building, wall)
    label = f"Wand {wall.index + 1} von „{building.id}“"
    row: dict[str, Any] = {"building": building.id, "wall": wall.index + 1, "length_m": round(wall.length, 2)}
    result.walls.append(row)
    if height.h is None:
        row["status"] = "needs_review"
        result.problems.append(("needs_review", "§ 6 Abs. 4 BauO NRW", f"{label}: Wandhöhe nicht angegeben"))
        return None
    row.update({"wall_height_m": round(height.wall_height or 0.0, 2), "roof_added_m": round(height.roof_added, 2)})
    row.update({"roof_rule": height.roof_rule, "h_m": round(height.h, 2)})
    if geometry.on_boundary(wall, site.parcel):
        row.update({"status": "needs_review", "on_boundary": True})
        nr = "Nr. 1" if context.closed_construction else "Nr. 2"
        why = (
            "geschlossene Bauweise: an die Grenze muss gebaut werden"
            if context.closed_construction
            else "Grenzbebauung nur zulässig, wenn gesichert ist, dass auf dem Nachbargrundstück ohne Grenzabstand "
            "gebaut wird"
        )
        result.problems.append(
            (
                "needs_review",
                f"{provisions.grenzbebauung} {nr} BauO NRW",
                f"{label} steht auf der Grundstücksgrenze ({why}); keine Abstandsfläche angesetzt",
            )
        )
        return None
    flat = tiefe.flat_three_metres(project, building)
    depth = tiefe.required_depth(height.h, context.baugebiet, towards_public=False, flat=flat)
    if public and any(geometry.depth_rectangle(wall, depth.depth).intersects(area) for area in public):
        depth = tiefe.required_depth(height.h, context.baugebiet, towards_public=True, flat=flat)
    rect = geometry.depth_rectangle(wall, depth.depth)
    if not flat:
        depth = tiefe.larger_depth_towards(height.h, depth, wall, context.neighbours)
        rect = geometry.depth_rectangle(wall, depth.depth)
    outside = geometry.area_outside(wall, depth.depth, site.parcel, public)
    row.update({"depth_m": round(depth.depth, 2), "factor": depth.factor, "depth_basis": depth.basis})
    row["area_outside_m2"] = round(outside, 2)
    status: Status = "pass"
    if outside > 0:
        status = "fail"
        text = (
            f"{label}: H {num(height.h, 'm')}, Tiefe {num(depth.depth, 'm')} ({depth.basis}), "
            f"{num(outside, 'm²')} der Abstandsfläche liegen weder auf dem Grundstück noch auf öffentlichen "
            "Flächen bis zu deren Mitte"
        )
        if site.baulast_abstandsflaechen:
            status, text = "needs_review", text + "; eine Baulast nach § 6 Abs. 2 Satz 3 ist angegeben, nicht geprüft"
        elif context.baugebiet is None and not flat:
            lenient = tiefe.lenient_depth(height.h)
            if geometry.area_outside(wall, lenient.depth, site.parcel, public) == 0:
                status = "needs_review"
                text += "; das Baugebiet ist nicht bekannt, in GE/GI (0,2 H, § 6 Abs. 5 Satz 2) wäre sie eingehalten"
        satz = depth.basis.removeprefix("§ 6 ").removesuffix(" BauO NRW")
        result.problems.append((status, f"§ 6 Abs. 2 Satz 1 und 2, {satz} BauO NRW", text))
    row["status"] = status
    return rect


def _check_overlaps(rects: list[tuple[Building, geometry.Wall, Polygon]], result: _Result) -> None:
    for (b1, w1, r1), (b2, w2, r2) in combinations(rects, 2):
        if not r1.intersects(r2):
            continue
        overlap = r1.intersection(r2).area
        angle = geometry.wall_angle(w1, w2)
        if overlap <= geometry.AREA_TOL_M2 or angle > 75:
            continue
        result.problems.append(
            (
                "fail",
                "§ 6 Abs. 3 BauO NRW",
                f"die Abstandsflächen von Wand {w1.index + 1} („{b1.id}“) und Wand {w2.index + 1} („{b2.id}“) "
                f"überdecken sich auf {num(overlap, 'm²')} (Winkel {num(angle)}°, nicht mehr als 75°; geringere "
                "Abstandsflächen können nur nach § 6 Abs. 10 gestattet werden)",
            )
        )


def _check_free_of_buildings(
    project: PlanningProject, rects: list[tuple[Building, geometry.Wall, Polygon]], result: _Result
) -> None:
    for building, wall, rect in rects:
        for other in project.site.buildings:
            if other is building or other.id in result.privileged:
                continue
            covered = rect.intersection(other.footprint).area
            if covered > geometry.AREA_TOL_M2:
                result.problems.append(
                    (
                        "fail",
                        "§ 6 Abs. 1 Satz 1 BauO NRW",
                        f"in der Abstandsfläche von Wand {wall.index + 1} („{building.id}“) steht das Gebäude "
                        f"„{other.id}“ ({num(covered, 'm²')})",
                    )
                )


def _finding(project: PlanningProject, context: AreaContext, result: _Result, rl: Rechtslage) -> Finding:
    law, note = rl.bauo_applied.name, _note(rl)
    statuses = {status for status, _, _ in result.problems}
    status: Status = "fail" if "fail" in statuses else "needs_review" if statuses else "pass"
    evidence: dict[str, Any] = {
        "baugebiet": context.baugebiet,
        "baugebiet_source": context.source,
        "building_class": project.building_class,
        "walls": result.walls,
        "problems": [{"status": s, "legal_basis": b, "text": t} for s, b, t in result.problems],
    }
    area = f"Baugebiet {context.baugebiet} ({context.source})" if context.baugebiet else "Baugebiet nicht bekannt"
    if not project.site.buildings:
        return _make(
            "needs_review",
            "§ 6 BauO NRW",
            "Der Lageplan enthält kein Gebäude; die Abstandsflächen können nicht geprüft werden.",
            evidence, law, note,
        )
    if status == "pass":
        depths = sorted({row["depth_m"] for row in result.walls})
        message = (
            f"Die Abstandsflächen aller {len(result.walls)} Außenwände liegen auf dem Grundstück oder auf "
            "öffentlichen Flächen bis zu deren Mitte und überdecken sich nicht (§ 6 Abs. 2 und 3 BauO NRW); "
            f"Tiefen {', '.join(num(d, 'm') for d in depths)}; {area}."
        )
        return _make("pass", "§ 6 Abs. 2, 3, 4 und 5 BauO NRW", message, evidence, law, note)
    chosen = [p for p in result.problems if p[0] == status]
    listed = "; ".join(text for _, _, text in chosen[:MAX_LISTED])
    more = f"; und {len(chosen) - MAX_LISTED} weitere" if len(chosen) > MAX_LISTED else ""
    basis = "; ".join(dict.fromkeys(b for _, b, _ in chosen))
    lead = "Abstandsflächen nicht eingehalten" if status == "fail" else "Abstandsflächen bitte prüfen"
    return _make(status, basis, f"{lead} ({area}): {listed}{more}.", evidence, law, note)


def _note(rl: Rechtslage) -> str:
    notes = [NOT_MODELLED]
    if rl.bauo_applied.key == "bauo_nrw_2021":
        notes.append(MATERIAL_LAW_NOTE)
    notes.append(rl.missing_text_note())
    return " ".join(note for note in notes if note)


def _make(status: Status, basis: str, message: str, evidence: dict[str, Any], law: str, note: str) -> Finding:
    return Finding(RULE_ID, status, basis, message, evidence, law, note)
