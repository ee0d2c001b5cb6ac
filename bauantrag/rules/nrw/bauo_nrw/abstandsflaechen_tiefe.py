"""H and the required depth of an Abstandsfläche (§ 6 Abs. 4 and 5 BauO NRW; for buildings the same in 2021 and 2024).

§ 6 Abs. 4: H = Wandhöhe (Geländeoberfläche bis Schnittlinie Wand/Dachhaut), plus the roof: fully with a
pitch > 70° (Satz 7 Nr. 1), one third with a pitch > 45° or with Dachgauben longer than half the wall
(Nr. 2 a, b), Giebelflächen fully if both sides > 70°, else one third (Nr. 1 b, Nr. 2 c).
§ 6 Abs. 5: 0,4 H, mindestens 3 m (Satz 1); GE/GI 0,2 H, MK 0,25 H (Satz 2); MK/MU towards public traffic,
green and water areas 0,2 H (Satz 3); towards other Baugebiete the larger depth (Satz 4); Wohngebäude der
Gebäudeklassen 1 und 2 mit nicht mehr als drei oberirdischen Geschossen 3 m (Satz 5).
2024 moved the antennas from Abs. 5 Satz 2 to Abs. 1 Satz 3 and added Windenergieanlagen (Abs. 4, 30 %/20 %);
neither is a use of the application form. Abs. 4 Satz 7 (roofs) and Abs. 5 for buildings read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from bauantrag.rules.planning.geometry import Wall, depth_rectangle
from bauantrag.rules.planning.project import Building, PlanningProject

MIN_DEPTH_M = 3.0
LENIENT_FACTOR = 0.2
#: Depth factor and the Satz of § 6 Abs. 5 per Baugebiet (BauNVO abbreviation); others: 0,4 H (Satz 1).
AREA_FACTORS: dict[str, tuple[float, str]] = {"GE": (0.2, "Satz 2"), "GI": (0.2, "Satz 2"), "MK": (0.25, "Satz 2")}
TOWARDS_PUBLIC_AREAS = frozenset({"MK", "MU"})


@dataclass(frozen=True)
class WallHeight:
    h: float | None
    wall_height: float | None
    roof_added: float
    roof_rule: str


@dataclass(frozen=True)
class Depth:
    depth: float
    factor: float | None  # None: flat 3 m under Satz 5
    basis: str


def wall_height(project: PlanningProject, building: Building, wall: Wall) -> WallHeight:
    """H of one wall; ``h`` is None when no wall height is stated."""
    base = _base_height(project, building, wall)
    roof = building.roof
    if base is None:
        return WallHeight(None, None, 0.0, "")
    if roof is None or roof.height_m <= 0:
        return WallHeight(base, base, 0.0, "keine Dachangaben: H = Wandhöhe" if roof is None else "")
    gable = wall.exterior and wall.index in roof.gable_edges
    if gable:
        if roof.pitch_deg > 70:
            added, rule = roof.height_m, "Giebelfläche voll (§ 6 Abs. 4 Satz 7 Nr. 1 Buchst. b)"
        else:
            added, rule = roof.height_m / 3, "Giebelfläche zu einem Drittel (§ 6 Abs. 4 Satz 7 Nr. 2 Buchst. c)"
    elif roof.pitch_deg > 70:
        added, rule = roof.height_m, "Dach über 70° voll (§ 6 Abs. 4 Satz 7 Nr. 1 Buchst. a)"
    elif roof.pitch_deg > 45:
        added, rule = roof.height_m / 3, "Dach über 45° zu einem Drittel (§ 6 Abs. 4 Satz 7 Nr. 2 Buchst. a)"
    elif roof.dormers_over_half:
        added, rule = roof.height_m / 3, "Dachaufbauten zu einem Drittel (§ 6 Abs. 4 Satz 7 Nr. 2 Buchst. b)"
    else:
        added, rule = 0.0, "Dachneigung bis 45°: nicht hinzugerechnet"
    return WallHeight(base + added, base, added, rule)


def _base_height(project: PlanningProject, building: Building, wall: Wall) -> float | None:
    heights = building.wall_heights_m
    if heights and wall.exterior and wall.index < len(heights):
        return heights[wall.index]
    if building.wall_height_mean_m is not None:
        return building.wall_height_mean_m
    if heights:
        return sum(heights) / len(heights)
    if building.is_main and len(list(project.main_buildings())) == 1:
        return project.wall_height_mean_m
    return None


def flat_three_metres(project: PlanningProject, building: Building) -> bool:
    """§ 6 Abs. 5 Satz 5: Wohngebäude der Gebäudeklassen 1 und 2 mit nicht mehr als drei oberirdischen Geschossen."""
    storeys = project.storeys_above_ground_of(building)
    return (
        project.use == "wohngebaeude"
        and building.is_main
        and project.building_class in (1, 2)
        and storeys is not None
        and storeys <= 3
    )


def required_depth(h: float, baugebiet: str | None, *, towards_public: bool, flat: bool) -> Depth:
    """The depth for H in the given Baugebiet (``None``: unknown, Satz 1 is applied)."""
    if flat:
        return Depth(MIN_DEPTH_M, None, "§ 6 Abs. 5 Satz 5 BauO NRW")
    if towards_public and baugebiet in TOWARDS_PUBLIC_AREAS:
        return _depth(h, LENIENT_FACTOR, "Satz 3")
    factor, satz = AREA_FACTORS.get(baugebiet or "", (0.4, "Satz 1"))
    return _depth(h, factor, satz)


def larger_depth_towards(h: float, own: Depth, wall: Wall, neighbours: Sequence[tuple[str, BaseGeometry]]) -> Depth:
    """§ 6 Abs. 5 Satz 4: towards adjoining other Baugebiete the larger of the depths applies."""
    best = own
    for other, shape in neighbours:
        candidate = required_depth(h, other, towards_public=False, flat=False)
        if candidate.depth > best.depth + 1e-9 and depth_rectangle(wall, candidate.depth).intersects(shape):
            best = Depth(candidate.depth, candidate.factor, candidate.basis + f" i.V.m. Satz 4 (angrenzend {other})")
    return best


def lenient_depth(h: float) -> Depth:
    return _depth(h, LENIENT_FACTOR, "Satz 2")


def _depth(h: float, factor: float, satz: str) -> Depth:
    return Depth(max(factor * h, MIN_DEPTH_M), factor, f"§ 6 Abs. 5 {satz} BauO NRW")
