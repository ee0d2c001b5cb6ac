"""Plane geometry for the planning-law rules (EPSG:25832, metres): walls of a footprint with their outward
normals, Abstandsflächen rectangles, the part of public areas usable "bis zu deren Mitte", distances.

The middle of a public area is measured like an Abstandsfläche, perpendicular to the wall (§ 6 Abs. 4 Satz 1
BauO NRW): along rays from points of the wall (every ``STEP_M``), half-way between where the ray enters the
public area and where it leaves it again. Each public area counts as one area; draw a road as one polygon.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LinearRing, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

AREA_TOL_M2 = 0.01  # areas below this are digitising noise
BOUNDARY_TOL_M = 0.05  # a wall this close to the parcel boundary stands on it
ADJACENT_TOL_M = 0.10  # a public area this close to where the ray leaves the parcel adjoins it
STEP_M = 0.5
RAY_EXTRA_M = 500.0


@dataclass(frozen=True)
class Wall:
    """One outer wall: an edge of a footprint ring with its outward unit normal."""

    building_id: str
    index: int  # edge index, exterior ring first (in the order given), then the rings of courtyards
    start: tuple[float, float]
    end: tuple[float, float]
    normal: tuple[float, float]
    exterior: bool

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def direction(self) -> tuple[float, float]:
        length = self.length
        return ((self.end[0] - self.start[0]) / length, (self.end[1] - self.start[1]) / length)


def walls_of(building_id: str, footprint: Polygon) -> list[Wall]:
    """The walls of a footprint; edge indices follow the ring's coordinate order (zero-length edges skipped)."""
    walls: list[Wall] = []
    index = 0
    rings: list[tuple[LinearRing, bool]] = [(footprint.exterior, True)]
    rings += [(ring, False) for ring in footprint.interiors]
    for ring, exterior in rings:
        coords = list(ring.coords)
        inside_left = ring.is_ccw if exterior else not ring.is_ccw
        for a, b in itertools.pairwise(coords):
            length = math.dist(a, b)
            if length > 1e-6:
                dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
                normal = (dy, -dx) if inside_left else (-dy, dx)
                walls.append(Wall(building_id, index, (a[0], a[1]), (b[0], b[1]), normal, exterior))
            index += 1
    return walls


def edge_count(footprint: Polygon) -> int:
    """Number of edges of the exterior ring (the length a per-edge list of wall heights must have)."""
    return len(footprint.exterior.coords) - 1


def depth_rectangle(wall: Wall, depth: float) -> Polygon:
    """The Abstandsfläche in front of the wall: a rectangle of the wall's length and the given depth."""
    nx, ny = wall.normal
    (ax, ay), (bx, by) = wall.start, wall.end
    return Polygon([(ax, ay), (bx, by), (bx + nx * depth, by + ny * depth), (ax + nx * depth, ay + ny * depth)])


def on_boundary(wall: Wall, parcel: Polygon) -> bool:
    """Whether the wall stands on the parcel boundary (Grenzbebauung)."""
    boundary = parcel.exterior
    mid = ((wall.start[0] + wall.end[0]) / 2, (wall.start[1] + wall.end[1]) / 2)
    points = shapely.points([wall.start, mid, wall.end])
    return bool(np.all(shapely.distance(points, boundary) <= BOUNDARY_TOL_M))


def wall_angle(first: Wall, second: Wall) -> float:
    """The angle in degrees (0 to 90) at which two walls stand to each other."""
    (ax, ay), (bx, by) = first.direction, second.direction
    cosine = min(1.0, abs(ax * bx + ay * by))
    return math.degrees(math.acos(cosine))


def area_outside(wall: Wall, depth: float, parcel: Polygon, public: list[Polygon]) -> float:
    """m² of the Abstandsfläche that lie neither on the parcel nor on public areas up to their middle."""
    area = float(part_outside(wall, depth, parcel, public).area)
    return area if area > AREA_TOL_M2 else 0.0


def part_outside(wall: Wall, depth: float, parcel: Polygon, public: list[Polygon]) -> BaseGeometry:
    """The part of the Abstandsfläche on neither the parcel nor public areas up to their middle (for maps)."""
    rect = depth_rectangle(wall, depth)
    outside = rect.difference(parcel)
    if outside.area <= AREA_TOL_M2:
        return Polygon()
    touching = [area for area in public if area.intersects(outside)]
    if touching:
        usable = _public_up_to_middle(wall, depth, parcel, touching)
        if usable is not None:
            outside = outside.difference(usable)
    return outside


def _public_up_to_middle(wall: Wall, depth: float, parcel: Polygon, public: list[Polygon]) -> BaseGeometry | None:
    count = max(2, math.ceil(wall.length / STEP_M) + 1)
    ts = np.linspace(0.0, 1.0, count)
    start, end, normal = np.array(wall.start), np.array(wall.end), np.array(wall.normal)
    origins = start + ts[:, None] * (end - start)
    rays = shapely.linestrings(np.stack([origins, origins + normal * (depth + RAY_EXTRA_M)], axis=1))
    exits = [
        _exit_distance(piece, origin, normal)
        for piece, origin in zip(shapely.intersection(rays, parcel), origins, strict=True)
    ]
    usable: list[BaseGeometry] = []
    for area in public:
        reaches = []
        for piece, origin, exit_at in zip(shapely.intersection(rays, area), origins, exits, strict=True):
            reaches.append(min(depth, max(exit_at, _middle(piece, origin, normal, exit_at))))
        if all(reach <= exit_at + 1e-9 for reach, exit_at in zip(reaches, exits, strict=True)):
            continue
        top = [tuple(origin + normal * reach) for origin, reach in zip(origins, reaches, strict=True)]
        band = shapely.make_valid(Polygon([*map(tuple, origins), *reversed(top)]))
        usable.append(band.intersection(area))
    return unary_union(usable) if usable else None


def _spans(piece: BaseGeometry, origin: np.ndarray, normal: np.ndarray) -> list[tuple[float, float]]:
    spans = []
    for part in shapely.get_parts(piece):
        coords = shapely.get_coordinates(part)
        if len(coords) == 0:
            continue
        along = (coords - origin) @ normal
        spans.append((float(along.min()), float(along.max())))
    return sorted(spans)


def _exit_distance(piece: BaseGeometry, origin: np.ndarray, normal: np.ndarray) -> float:
    for low, high in _spans(piece, origin, normal):
        if low <= ADJACENT_TOL_M:
            return high
    return 0.0


def _middle(piece: BaseGeometry, origin: np.ndarray, normal: np.ndarray, exit_at: float) -> float:
    for low, high in _spans(piece, origin, normal):
        if low <= exit_at + ADJACENT_TOL_M and high > exit_at:
            return (low + high) / 2
    return 0.0


def max_distance_outside(geometry: BaseGeometry, region: BaseGeometry) -> float:
    """The greatest distance of a point of ``geometry`` from ``region`` (0 when it lies within)."""
    rest = geometry.difference(region)
    if rest.is_empty:
        return 0.0
    points = shapely.points(shapely.get_coordinates(rest))
    return float(np.max(shapely.distance(points, region)))
