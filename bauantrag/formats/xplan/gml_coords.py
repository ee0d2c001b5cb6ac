"""GML coordinates: posList / pos / coordinates, srsName and srsDimension, arcs approximated by polylines.

Coordinates come back transformed to EPSG:25832 as (x, y) tuples; a Z value is dropped.
"""

from __future__ import annotations

import math
from typing import Any

from lxml import etree

from bauantrag.formats.xplan.crs import UnsupportedCrs, epsg_of, is_3d, to_target
from bauantrag.formats.xplan.errors import GeometryError

Point2 = tuple[float, float]

ARC_TOLERANCE_M = 0.005  # largest distance between an arc and its polyline (5 mm)
ARC_MAX_SEGMENTS = 128  # per arc of up to 360°


def srs_of(element: Any, default: str | None) -> str:
    """The srsName of the element or of its nearest ancestor that has one, else the document's default."""
    node = element
    while node is not None:
        name = node.get("srsName")
        if name:
            return str(name)
        node = node.getparent()
    if default:
        return default
    raise GeometryError("Koordinatenreferenzsystem fehlt (srsName)", element.sourceline)


def _dimension(element: Any, srs_name: str, value_count: int) -> int:
    node = element
    while node is not None:
        declared = node.get("srsDimension")
        if declared:
            if declared.strip() not in ("2", "3"):
                raise GeometryError(f"srsDimension {declared!r} wird nicht unterstützt (2 oder 3)", element.sourceline)
            return int(declared)
        node = node.getparent()
    if is_3d(srs_name):
        return 3
    count = element.get("count")
    if count and count.strip().isdigit() and int(count) > 0 and value_count % int(count) == 0:
        dimension = value_count // int(count)
        if dimension in (2, 3):
            return dimension
    return 2


def _numbers(text: str, element: Any) -> list[float]:
    values = []
    for token in text.split():
        try:
            values.append(float(token))
        except ValueError:
            raise GeometryError(f"ungültige Koordinate {token[:40]!r}", element.sourceline) from None
        if not math.isfinite(values[-1]):
            raise GeometryError(f"ungültige Koordinate {token[:40]!r}", element.sourceline)
    return values


def _tuples(values: list[float], dimension: int, element: Any) -> list[Point2]:
    if len(values) % dimension:
        raise GeometryError(
            f"Anzahl der Koordinatenwerte ({len(values)}) passt nicht zu srsDimension {dimension}", element.sourceline
        )
    return [(values[i], values[i + 1]) for i in range(0, len(values), dimension)]


def _coordinates(element: Any) -> list[Point2]:
    """GML 2/3.1 ``gml:coordinates`` with its cs/ts/decimal separators."""
    cs, ts, decimal = element.get("cs", ","), element.get("ts", " "), element.get("decimal", ".")
    points = []
    for tuple_text in (element.text or "").strip().split(ts if ts.strip() else None):
        parts = [part.replace(decimal, ".") for part in tuple_text.split(cs)]
        values = _numbers(" ".join(parts), element)
        if len(values) not in (2, 3):
            raise GeometryError(f"ungültiges Koordinatentupel {tuple_text[:40]!r}", element.sourceline)
        points.append((values[0], values[1]))
    return points


def read_points(element: Any, gml: str, default_srs: str | None) -> list[Point2]:
    """The control points of a LineString, LinearRing or curve segment, in EPSG:25832."""
    srs_name = srs_of(element, default_srs)
    pos_list = element.find(f"{{{gml}}}posList")
    points: list[Point2] = []
    if pos_list is not None:
        values = _numbers(pos_list.text or "", pos_list)
        points = _tuples(values, _dimension(pos_list, srs_of(pos_list, srs_name), len(values)), pos_list)
    else:
        coordinates = element.find(f"{{{gml}}}coordinates")
        if coordinates is not None:
            points = _coordinates(coordinates)
        for pos in element.iterchildren(f"{{{gml}}}pos", f"{{{gml}}}pointProperty", f"{{{gml}}}pointRep"):
            if etree.QName(pos).localname != "pos":
                pos = pos.find(f".//{{{gml}}}pos")
                if pos is None:
                    raise GeometryError("Punkt ohne gml:pos (Verweise werden nicht unterstützt)", element.sourceline)
            values = _numbers(pos.text or "", pos)
            points.extend(_tuples(values, _dimension(pos, srs_of(pos, srs_name), len(values)), pos)[:1])
    if not points:
        raise GeometryError(f"{etree.QName(element).localname} ohne Koordinaten", element.sourceline)
    try:
        epsg = epsg_of(srs_name)
    except UnsupportedCrs as exc:
        raise GeometryError(str(exc), element.sourceline) from None
    xs, ys = to_target(epsg, [p[0] for p in points], [p[1] for p in points])
    return list(zip(xs, ys, strict=True))


def _center(p1: Point2, p2: Point2, p3: Point2) -> tuple[float, float, float, float] | None:
    """Centre (relative to p1), radius and orientation (cross product) of the circle through three points."""
    bx, by = p2[0] - p1[0], p2[1] - p1[1]  # relative to p1: precise with UTM-sized coordinates
    cx, cy = p3[0] - p1[0], p3[1] - p1[1]
    cross = bx * cy - by * cx
    scale = max(math.hypot(bx, by), math.hypot(cx, cy), 1e-9)
    if abs(cross) <= 1e-9 * scale * scale:
        return None
    b2, c2 = bx * bx + by * by, cx * cx + cy * cy
    ux, uy = (cy * b2 - by * c2) / (2 * cross), (bx * c2 - cx * b2) / (2 * cross)
    return ux, uy, math.hypot(ux, uy), cross


def _sample(p1: Point2, ux: float, uy: float, radius: float, sweep: float, end: Point2) -> list[Point2]:
    start = math.atan2(-uy, -ux)
    step = 2 * math.acos(max(-1.0, 1 - ARC_TOLERANCE_M / radius)) if radius > ARC_TOLERANCE_M else math.pi / 2
    segments = max(2, min(ARC_MAX_SEGMENTS, math.ceil(abs(sweep) / step)))
    points = [p1]
    for i in range(1, segments):
        angle = start + sweep * i / segments
        points.append((p1[0] + ux + radius * math.cos(angle), p1[1] + uy + radius * math.sin(angle)))
    points.append(end)
    return points


def arc_points(p1: Point2, p2: Point2, p3: Point2) -> list[Point2]:
    """Polyline through the circular arc from p1 via p2 to p3 (both ends exact); collinear points stay a line."""
    center = _center(p1, p2, p3)
    if center is None:
        return [p1, p2, p3]
    ux, uy, radius, cross = center
    start = math.atan2(-uy, -ux)
    end = math.atan2(p3[1] - p1[1] - uy, p3[0] - p1[0] - ux)
    sweep = (end - start) % (2 * math.pi) if cross > 0 else -((start - end) % (2 * math.pi))
    return _sample(p1, ux, uy, radius, sweep, p3)


def arc_string(points: list[Point2], element: Any) -> list[Point2]:
    """An Arc/ArcString: arcs through (1,2,3), (3,4,5), …"""
    if len(points) < 3 or len(points) % 2 == 0:
        raise GeometryError(f"Kreisbogen braucht 3, 5, 7 … Punkte, hat {len(points)}", element.sourceline)
    result = [points[0]]
    for i in range(0, len(points) - 2, 2):
        result.extend(arc_points(points[i], points[i + 1], points[i + 2])[1:])
    return result


def circle(points: list[Point2], element: Any) -> list[Point2]:
    """A gml:Circle through three points, as a closed polyline starting and ending at the first point."""
    center = _center(*points) if len(points) == 3 else None
    if center is None:
        raise GeometryError("Kreis braucht 3 Punkte, die nicht auf einer Geraden liegen", element.sourceline)
    ux, uy, radius, cross = center
    return _sample(points[0], ux, uy, radius, 2 * math.pi if cross > 0 else -2 * math.pi, points[0])
