"""The plan's geometry as stored: GeoJSON in EPSG:25832, coordinates rounded to the centimetre."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.rules.planning.plan import Bebauungsplan

CRS_25832 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
LAYER_AREA, LAYER_BUILDABLE, LAYER_BAUGRENZE, LAYER_BAULINIE = "area", "buildable", "baugrenze", "baulinie"


def to_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    rounded = shapely.set_precision(geometry, 0.01, mode="pointwise")
    return dict(mapping(rounded))


def from_geojson(data: dict[str, Any]) -> BaseGeometry:
    return shape(data)


def _feature(gml_id: str, layer: str, geometry: BaseGeometry, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "id": gml_id, "properties": {"layer": layer, **properties},
            "geometry": to_geojson(geometry)}  # fmt: skip


def feature_collection(plan: Bebauungsplan) -> dict[str, Any]:
    """Areas (with their Art der Nutzung), buildable areas, Baugrenzen and Baulinien, in the file's order."""
    features = [
        _feature(area.id, LAYER_AREA, area.geometry, special_use=area.special_use, general_use=area.general_use,
                 kind=area.kind)
        for area in plan.areas
    ]
    features += [_feature(b.id, LAYER_BUILDABLE, b.geometry) for b in plan.buildable_areas]
    features += [
        _feature(line.id, LAYER_BAUGRENZE if line.kind == "baugrenze" else LAYER_BAULINIE, line.geometry)
        for line in plan.boundary_lines
    ]
    return {"type": "FeatureCollection", "crs": CRS_25832, "features": features}


def coverage(plan: Bebauungsplan) -> BaseGeometry | None:
    """The area the plan governs: its Geltungsbereich, else the union of its Baugebietsteilflächen."""
    if plan.geltungsbereich is not None and not plan.geltungsbereich.is_empty:
        return plan.geltungsbereich
    areas = [area.geometry for area in plan.areas]
    return unary_union(areas) if areas else None


def layer(collection: dict[str, Any], name: str) -> list[tuple[dict[str, Any], BaseGeometry]]:
    """(feature, geometry) of one layer of a stored FeatureCollection."""
    return [
        (feature, from_geojson(feature["geometry"]))
        for feature in collection.get("features", [])
        if feature.get("properties", {}).get("layer") == name
    ]
