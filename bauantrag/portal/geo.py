"""Coordinates for the drawing map: EPSG:25832 (stored, checked) ⇄ EPSG:4326 (shown, drawn), with pyproj.

The browser only ever sees WGS84 (longitude, latitude); everything stored stays in EPSG:25832, rounded to the
centimetre. GeoJSON geometries are converted coordinate by coordinate, so rings keep their points and order.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pyproj import Transformer

WGS84_DIGITS = 8  # about 1 mm: a round trip 25832 → 4326 → 25832 stays within 1 cm
UTM_DIGITS = 2  # centimetres


class CoordinateError(ValueError):
    """A coordinate that is not a pair of finite numbers (German message)."""


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)


@cache
def _to_utm() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)


def point_to_wgs84(east: float, north: float) -> list[float]:
    lon, lat = _to_wgs84().transform(east, north)
    return [round(lon, WGS84_DIGITS), round(lat, WGS84_DIGITS)]


def point_to_utm(lon: Any, lat: Any) -> list[float]:
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)):
        raise CoordinateError("Koordinaten müssen Zahlenpaare [Länge, Breite] sein.")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise CoordinateError("Koordinaten liegen außerhalb des Wertebereichs von Länge und Breite.")
    east, north = _to_utm().transform(lon, lat)
    if not (math.isfinite(east) and math.isfinite(north)):
        raise CoordinateError("Koordinaten lassen sich nicht nach EPSG:25832 umrechnen.")
    return [round(east, UTM_DIGITS), round(north, UTM_DIGITS)]


def _convert(coordinates: Any, point: Any) -> Any:
    if coordinates and isinstance(coordinates[0], int | float):
        return point(coordinates[0], coordinates[1])
    return [_convert(item, point) for item in coordinates]


def geometry_to_wgs84(geometry: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON geometry (Polygon, MultiPolygon, LineString, …) in EPSG:25832 → EPSG:4326."""
    if geometry.get("type") == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [geometry_to_wgs84(g) for g in geometry["geometries"]]}
    return {"type": geometry["type"], "coordinates": _convert(geometry["coordinates"], point_to_wgs84)}


def rings_to_wgs84(rings: list[list[list[float]]]) -> list[list[list[float]]]:
    return [[point_to_wgs84(p[0], p[1]) for p in ring] for ring in rings]


def rings_to_utm(rings: Any) -> list[list[list[float]]]:
    """Polygon coordinates (rings of [lon, lat]) → EPSG:25832; rings the drawing left open are closed."""
    if not isinstance(rings, list) or not rings:
        raise CoordinateError("Ein Polygon braucht mindestens einen Ring.")
    converted = []
    for ring in rings:
        if not isinstance(ring, list) or not all(isinstance(p, list) and len(p) >= 2 for p in ring):
            raise CoordinateError("Ein Ring ist eine Liste von Punkten [Länge, Breite].")
        points = [point_to_utm(p[0], p[1]) for p in ring]
        if points and points[0] != points[-1]:
            points.append(points[0])
        converted.append(points)
    return converted
