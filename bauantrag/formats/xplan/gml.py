"""GML 3.1/3.2 geometries of the XPlanGML profile as shapely geometries in EPSG:25832.

Surfaces: Polygon, PolygonPatch, Surface, MultiSurface, CompositeSurface, MultiPolygon (GML 3.1).
Curves: LineString, LinearRing, Ring, Curve (LineStringSegment, Arc, ArcString, Circle, CubicSpline),
CompositeCurve, OrientableCurve, MultiCurve, MultiLineString (GML 3.1). Arcs become polylines (5 mm tolerance);
a cubic spline is taken as the polyline through its control points.
"""

from __future__ import annotations

import math
from typing import Any

import shapely
from lxml import etree
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bauantrag.formats.xplan.errors import GeometryError
from bauantrag.formats.xplan.gml_coords import Point2, arc_string, circle, read_points

JOIN_TOLERANCE_M = 0.01  # gap allowed between consecutive curve members / at a ring's closing point
TRIVIAL_REPAIR_RELATIVE = 0.001  # make_valid may change the area by 0.1 % …
TRIVIAL_REPAIR_M2 = 0.1  # … or 0.1 m², whichever is more, and still count as a trivial repair

_SEGMENTS_AS_POLYLINE = ("LineStringSegment", "CubicSpline")
_SURFACE_COLLECTIONS = ("MultiSurface", "CompositeSurface", "MultiPolygon")
_CURVE_COLLECTIONS = ("MultiCurve", "MultiLineString")


def _name(element: Any) -> str:
    return str(etree.QName(element).localname)


class GeometryReader:
    """Reads the geometry under a property element (``position``, ``raeumlicherGeltungsbereich`` …)."""

    def __init__(self, gml: str, default_srs: str | None) -> None:
        self.gml = gml
        self.default_srs = default_srs

    def _g(self, name: str) -> str:
        return f"{{{self.gml}}}{name}"

    def _child(self, prop: Any) -> Any:
        for child in prop:
            if isinstance(child.tag, str):
                return child
        if prop.get("{http://www.w3.org/1999/xlink}href"):
            raise GeometryError("Verweise (xlink:href) auf Geometrien werden nicht unterstützt", prop.sourceline)
        raise GeometryError(f"{_name(prop)} ohne Geometrie", prop.sourceline)

    # ---- areas -------------------------------------------------------------------------------------------
    def area(self, prop: Any) -> BaseGeometry:
        """A Polygon or MultiPolygon; an invalid one is repaired only if the repair is trivial."""
        element = self._child(prop)
        polygons = self._polygons(element)
        geometry = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
        return _valid(geometry, element)

    def _polygons(self, element: Any) -> list[Polygon]:
        name = _name(element)
        if name in ("Polygon", "PolygonPatch"):
            exterior = element.find(self._g("exterior"))
            if exterior is None:
                exterior = element.find(self._g("outerBoundaryIs"))
            if exterior is None:
                raise GeometryError("Polygon ohne Außenring (exterior)", element.sourceline)
            interiors = element.findall(self._g("interior")) + element.findall(self._g("innerBoundaryIs"))
            return [Polygon(self._ring(exterior), [self._ring(interior) for interior in interiors])]
        if name == "Surface":
            patches = element.find(self._g("patches"))
            if patches is None or not len(patches):
                raise GeometryError("Surface ohne patches", element.sourceline)
            return [polygon for patch in patches for polygon in self._polygons(patch)]
        if name in _SURFACE_COLLECTIONS:
            polygons = [polygon for member in self._members(element) for polygon in self._polygons(member)]
            if not polygons:
                raise GeometryError(f"{name} ohne Flächen", element.sourceline)
            return polygons
        raise GeometryError(f"Flächengeometrie erwartet, gefunden {name}", element.sourceline)

    def _members(self, collection: Any) -> list[Any]:
        members: list[Any] = []
        for prop in collection:
            if not isinstance(prop.tag, str) or _name(prop) in ("boundedBy", "name", "description", "identifier"):
                continue
            if _name(prop).endswith("Members"):  # surfaceMembers / curveMembers: several geometries inline
                members.extend(child for child in prop if isinstance(child.tag, str))
            else:
                members.append(self._child(prop))
        return members

    def _ring(self, boundary: Any) -> list[Point2]:
        ring = self._child(boundary)
        points = self._curve(ring)
        if len(points) >= 2 and math.dist(points[0], points[-1]) > JOIN_TOLERANCE_M:
            raise GeometryError(
                f"Ring ist nicht geschlossen (Abstand {math.dist(points[0], points[-1]):.3f} m)", ring.sourceline
            )
        if len(points) < 4:
            raise GeometryError(f"Polygon hat weniger als 4 Punkte ({len(points)})", ring.sourceline)
        points[-1] = points[0]
        return points

    # ---- curves ------------------------------------------------------------------------------------------
    def line(self, prop: Any) -> BaseGeometry:
        """A LineString or MultiLineString; a surface yields its rings as lines."""
        element = self._child(prop)
        name = _name(element)
        if name in _CURVE_COLLECTIONS:
            lines = [self._line_string(member) for member in self._members(element)]
            if not lines:
                raise GeometryError(f"{name} ohne Linien", element.sourceline)
            return lines[0] if len(lines) == 1 else MultiLineString(lines)
        if name in ("Polygon", "PolygonPatch", "Surface", *_SURFACE_COLLECTIONS):
            return self.area(prop).boundary
        return self._line_string(element)

    def _line_string(self, element: Any) -> LineString:
        points = self._curve(element)
        if len(points) < 2:
            raise GeometryError("Linie hat weniger als 2 Punkte", element.sourceline)
        return LineString(points)

    def _curve(self, element: Any) -> list[Point2]:
        name = _name(element)
        if name in ("LineString", "LinearRing"):
            return read_points(element, self.gml, self.default_srs)
        if name == "Curve":
            segments = element.find(self._g("segments"))
            if segments is None or not len(segments):
                raise GeometryError("Curve ohne segments", element.sourceline)
            return self._joined([(segment, self._segment(segment)) for segment in segments])
        if name in ("Ring", "CompositeCurve"):
            members = self._members(element)
            if not members:
                raise GeometryError(f"{name} ohne curveMember", element.sourceline)
            return self._joined([(member, self._curve(member)) for member in members])
        if name == "OrientableCurve":
            base = element.find(self._g("baseCurve"))
            if base is None:
                raise GeometryError("OrientableCurve ohne baseCurve", element.sourceline)
            points = self._curve(self._child(base))
            return points[::-1] if element.get("orientation", "+").strip() == "-" else points
        raise GeometryError(f"Liniengeometrie erwartet, gefunden {name}", element.sourceline)

    def _segment(self, segment: Any) -> list[Point2]:
        name = _name(segment)
        points = read_points(segment, self.gml, self.default_srs)
        if name in _SEGMENTS_AS_POLYLINE:
            return points
        if name in ("Arc", "ArcString"):
            return arc_string(points, segment)
        if name == "Circle":
            return circle(points, segment)
        raise GeometryError(f"nicht unterstütztes Kurvensegment {name}", segment.sourceline)

    @staticmethod
    def _joined(parts: list[tuple[Any, list[Point2]]]) -> list[Point2]:
        points: list[Point2] = []
        for element, part in parts:
            if points and part:
                gap = math.dist(points[-1], part[0])
                if gap > JOIN_TOLERANCE_M:
                    raise GeometryError(
                        f"Kurvenstücke schließen nicht aneinander an (Lücke {gap:.3f} m)", element.sourceline
                    )
                part = part[1:]
            points.extend(part)
        return points


def _valid(geometry: BaseGeometry, element: Any) -> BaseGeometry:
    if geometry.is_valid:
        return geometry
    reason = shapely.is_valid_reason(geometry)
    repaired = shapely.make_valid(geometry)
    polygons = [part for part in getattr(repaired, "geoms", [repaired]) if isinstance(part, Polygon | MultiPolygon)]
    if polygons:
        repaired = shapely.unary_union(polygons)
        before, after = geometry.area, repaired.area
        if after > 0 and abs(after - before) <= max(TRIVIAL_REPAIR_RELATIVE * before, TRIVIAL_REPAIR_M2):
            return repaired
    raise GeometryError(f"Fläche ist ungültig ({reason}) und lässt sich nicht eindeutig reparieren", element.sourceline)
