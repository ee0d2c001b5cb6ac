"""Where main buildings leave the überbaubare Grundstücksfläche, measured for § 23 BauNVO.

Each part of a building outside the überbaubare Fläche is measured: its depth (largest distance from the Fläche),
its width along the line it crosses, the width of the building in that direction, and which line it crosses
(Baugrenze or Baulinie: the plan's BP_BauGrenze / BP_BauLinie within ``LINE_MATCH_M`` of where the building leaves
the Fläche; without such a line it counts as a Baugrenze, since the Fläche's edge is one).

Coordinates of a Lageplan and of a plan are rounded (centimetres) and transformed; a building drawn onto a
Baugrenze or Baulinie may cross it by a few millimetres. Parts no deeper than ``POSITION_TOL_M`` are taken as lying
on the line and are not counted; every finding that relies on this names the tolerance.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry

from bauantrag.rules.planning.geometry import AREA_TOL_M2
from bauantrag.rules.planning.plan import BoundaryLine

POSITION_TOL_M = 0.05
#: The Baugrenze or Baulinie drawn as a line and the edge of the überbaubare Fläche drawn as a polygon are digitised
#: separately and may lie apart (real data, xplanbox BP2070: 18 cm); a line this close to the edge is the one crossed.
LINE_MATCH_M = 0.5
#: An untergeordneter Gebäudeteil (OVG NRW 11 B 970/96) takes at most a third of the wall it stands out from, the
#: measure of the Vorbauten in § 6 Abs. 6 Satz 1 Nr. 2 BauO NRW; a wider part is the building itself.
PART_SHARE = 1 / 3
VORBAU_DEPTH_M = 1.60


@dataclass(frozen=True)
class Crossing:
    """One part of a main building outside the überbaubare Fläche."""

    building: str
    line_kind: str  # "baugrenze" | "baulinie"
    line_name: str  # "Baulinie 2 von 3", or "" when no line of the plan runs there
    area_m2: float
    depth_m: float  # largest distance from the überbaubare Fläche
    width_m: float  # along the crossed line
    wall_m: float  # the building's width in the same direction

    @property
    def is_part(self) -> bool:
        """A Gebäudeteil (at most a third of the building's width), not the building's wall itself."""
        return self.width_m <= PART_SHARE * self.wall_m + POSITION_TOL_M

    def evidence(self) -> dict[str, object]:
        return {
            "building": self.building,
            "line": self.line_name or ("Baulinie" if self.line_kind == "baulinie" else "Rand der überbaubaren Fläche"),
            "area_m2": round(self.area_m2, 2),
            "depth_m": round(self.depth_m, 2),
            "width_m": round(self.width_m, 2),
            "building_width_m": round(self.wall_m, 2),
            "gebaeudeteil": self.is_part,
        }


def crossings(
    buildings: list[tuple[str, Polygon]], region: BaseGeometry, lines: tuple[BoundaryLine, ...]
) -> list[Crossing]:
    """The parts of the buildings outside ``region`` deeper than the tolerance, one per part and building.

    Where a Baugrenze or Baulinie of the plan runs along the crossed edge, depth and area are measured beyond that
    line (the Festsetzung), not beyond the digitised edge of the überbaubare Fläche.
    """
    found = []
    edge = region.boundary
    for name, footprint in buildings:
        for part in shapely.get_parts(footprint.difference(region)):
            if part.area <= AREA_TOL_M2 or _depth(part, region, None) <= POSITION_TOL_M:
                continue
            seam = edge.intersection(part.buffer(POSITION_TOL_M * 2)).intersection(footprint.buffer(POSITION_TOL_M))
            direction = _direction(seam)
            line = _crossed_line(seam, lines)
            near = None if line is None else line.geometry.intersection(part.buffer(LINE_MATCH_M * 4))
            strip = None if near is None or near.is_empty else _region_side(near, region)
            beyond = part if strip is None else part.difference(strip)
            depth = _depth(beyond, region, strip) if beyond.area > AREA_TOL_M2 else 0.0
            if depth <= POSITION_TOL_M:
                continue
            found.append(
                Crossing(
                    building=name,
                    line_kind=line.kind if line is not None else "baugrenze",
                    line_name=line.name if line is not None else "",
                    area_m2=float(beyond.area),
                    depth_m=depth,
                    width_m=_extent(beyond, direction),
                    wall_m=_extent(footprint, direction),
                )
            )
    return found


def _depth(part: BaseGeometry, region: BaseGeometry, strip: BaseGeometry | None) -> float:
    """The greatest distance of a point of ``part`` from the überbaubare Fläche and the strip up to the line."""
    points = shapely.points(shapely.get_coordinates(part))
    distance = shapely.distance(points, region)
    if strip is not None:
        distance = np.minimum(distance, shapely.distance(points, strip))
    return float(np.max(distance)) if len(distance) else 0.0


def _region_side(line: BaseGeometry, region: BaseGeometry) -> BaseGeometry:
    """The strip along the line on the side of the überbaubare Fläche (closes the gap between line and edge)."""
    left = line.buffer(LINE_MATCH_M * 2, single_sided=True)
    right = line.buffer(-LINE_MATCH_M * 2, single_sided=True)
    return left if left.intersection(region).area >= right.intersection(region).area else right


def _crossed_line(seam: BaseGeometry, lines: tuple[BoundaryLine, ...]) -> BoundaryLine | None:
    """The plan's line that runs where the building leaves the Fläche (the longest shared stretch), if any."""
    best: tuple[float, BoundaryLine | None] = (0.0, None)
    if seam.is_empty:
        return None
    band = seam.buffer(LINE_MATCH_M)
    for line in lines:
        if not line.geometry.intersects(band):
            continue
        shared = float(line.geometry.intersection(band).length)
        if shared > best[0]:
            best = (shared, line)
    chosen = best[1]
    if chosen is None or best[0] < 0.5 * seam.length:
        return None
    return chosen


def _direction(seam: BaseGeometry) -> tuple[float, float] | None:
    """Unit vector of the longest straight piece of the crossed edge."""
    best: tuple[float, tuple[float, float] | None] = (0.0, None)
    for piece in shapely.get_parts(seam):
        if not isinstance(piece, LineString):
            continue
        for (ax, ay), (bx, by) in itertools.pairwise(piece.coords):
            length = math.hypot(bx - ax, by - ay)
            if length > best[0]:
                best = (length, ((bx - ax) / length, (by - ay) / length))
    return best[1]


def _extent(geometry: BaseGeometry, direction: tuple[float, float] | None) -> float:
    """The extent of the geometry along the direction (the square root of its area when there is none)."""
    if direction is None:
        return float(math.sqrt(geometry.area))
    ux, uy = direction
    projected = [float(x * ux + y * uy) for x, y in shapely.get_coordinates(geometry)]
    return max(projected) - min(projected)
