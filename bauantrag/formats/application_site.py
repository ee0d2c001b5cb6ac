"""The optional ``site`` object of the application's JSON form → ``SitePlan`` for the planning-law rules.

The JSON Schema (``application.schema.json``, ``$defs/site``) checks types and ranges; this module adds what a
schema cannot: valid polygons (no self-intersection), one wall height per edge, gable indices in range, unique
building ids. Errors name the field by JSON pointer, in German, like the rest of the format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from shapely.geometry import Polygon
from shapely.validation import explain_validity

from bauantrag.rules.planning.geometry import edge_count
from bauantrag.rules.planning.project import (
    AccessoryArea,
    Building,
    BuildingHeight,
    PublicArea,
    Roof,
    SitePlan,
)


class SiteError(ValueError):
    """One semantic error in ``site``: ``pointer`` names the field."""

    def __init__(self, pointer: str, message: str) -> None:
        self.pointer = pointer
        self.message = message
        super().__init__(f"{pointer}: {message}")


def site_plan(data: Mapping[str, Any]) -> SitePlan:
    """Convert a schema-valid ``site`` object; raises ``SiteError`` on the first semantic error."""
    buildings = tuple(_building(item, f"/site/buildings/{i}") for i, item in enumerate(data["buildings"]))
    ids = [b.id for b in buildings]
    for index, name in enumerate(ids):
        if ids.index(name) != index:
            raise SiteError(f"/site/buildings/{index}/id", f"Gebäude-Bezeichnung {name!r} kommt mehrfach vor")
    accessories = data.get("accessories")
    return SitePlan(
        parcel=polygon(data["parcel"], "/site/parcel"),
        buildings=buildings,
        accessories=None
        if accessories is None
        else tuple(_accessory(item, f"/site/accessories/{i}") for i, item in enumerate(accessories)),
        public_areas=tuple(
            PublicArea(kind=item["kind"], polygon=polygon(item["polygon"], f"/site/public_areas/{i}/polygon"))
            for i, item in enumerate(data.get("public_areas", ()))
        ),
        terrain_height_nhn=_float(data.get("terrain_height_nhn")),
        baugebiet=data.get("baugebiet"),
        baulast_abstandsflaechen=bool(data.get("baulast_abstandsflaechen", False)),
        plan_ref=data.get("plan"),
    )


def polygon(rings: Sequence[Sequence[Sequence[float]]], pointer: str) -> Polygon:
    """A shapely polygon from GeoJSON polygon coordinates; unclosed rings are closed."""
    closed = []
    for ring in rings:
        points = [(float(p[0]), float(p[1])) for p in ring]
        if points[0] != points[-1]:
            points.append(points[0])
        closed.append(points)
    shape = Polygon(closed[0], closed[1:])
    if not shape.is_valid:
        raise SiteError(pointer, f"ungültiges Polygon ({explain_validity(shape)})")
    if shape.is_empty or shape.area <= 0:
        raise SiteError(pointer, "das Polygon hat keine Fläche")
    return shape


def _building(data: Mapping[str, Any], pointer: str) -> Building:
    footprint = polygon(data["footprint"], f"{pointer}/footprint")
    edges = edge_count(footprint)
    heights = data.get("wall_heights_m")
    if heights is not None and len(heights) != edges:
        raise SiteError(
            f"{pointer}/wall_heights_m",
            f"{len(heights)} Wandhöhen angegeben, der äußere Ring hat aber {edges} Kanten",
        )
    roof = data.get("roof")
    if roof is not None:
        for k, index in enumerate(roof.get("gable_edges", ())):
            if index >= edges:
                raise SiteError(f"{pointer}/roof/gable_edges/{k}", f"Kante {index} gibt es nicht (0 bis {edges - 1})")
    return Building(
        id=data["id"],
        footprint=footprint,
        kind=data.get("kind", "hauptgebaeude"),
        wall_heights_m=None if heights is None else tuple(float(h) for h in heights),
        wall_height_mean_m=_float(data.get("wall_height_mean_m")),
        roof=None
        if roof is None
        else Roof(
            pitch_deg=float(roof["pitch_deg"]),
            height_m=float(roof["height_m"]),
            gable_edges=tuple(int(i) for i in roof.get("gable_edges", ())),
            dormers_over_half=bool(roof.get("dormers_over_half", False)),
        ),
        storeys_full=data.get("storeys_full"),
        storeys_above_ground=data.get("storeys_above_ground"),
        floor_area_m2=_float(data.get("floor_area_m2")),
        heights=tuple(
            BuildingHeight(reference=h["reference"], value_m=float(h["value_m"])) for h in data.get("heights", ())
        ),
    )


def _accessory(data: Mapping[str, Any], pointer: str) -> AccessoryArea:
    shape = data.get("polygon")
    if shape is None and data.get("area_m2") is None:
        raise SiteError(pointer, "weder area_m2 noch polygon angegeben")
    return AccessoryArea(
        kind=data["kind"],
        area_m2=_float(data.get("area_m2")),
        polygon=None if shape is None else polygon(shape, f"{pointer}/polygon"),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
