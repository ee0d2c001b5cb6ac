"""What the drawing map of the site step shows (GeoJSON in EPSG:4326), and the drawing posted back → ``site``.

The drawing is converted to the ``site`` object of the JSON form (EPSG:25832) and then goes through the same
action and validation as a pasted JSON text, so the errors are the same German messages.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from shapely.geometry import box, shape
from shapely.geometry.base import BaseGeometry

from bauantrag.cases.models import Case
from bauantrag.parcels.register import find_parcel
from bauantrag.plans.geo import LAYER_AREA, LAYER_BAUGRENZE, LAYER_BAULINIE, LAYER_BUILDABLE
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.plans.register import plan_for_geometry
from bauantrag.portal.geo import CoordinateError, geometry_to_wgs84, rings_to_utm, rings_to_wgs84

ROLES = ("parcel", "building", "accessory", "public_area")
BUILDING_KEYS = ("id", "kind", "wall_heights_m", "wall_height_mean_m", "roof", "storeys_full",
                 "storeys_above_ground", "floor_area_m2", "heights")  # fmt: skip
KEPT_SITE_KEYS = ("baugebiet", "terrain_height_nhn", "baulast_abstandsflaechen")
PLAN_LAYERS = (LAYER_AREA, LAYER_BUILDABLE, LAYER_BAUGRENZE, LAYER_BAULINIE)
MAX_PLANS = 5
MAX_DRAWING_CHARS = 500_000


def _feature(role: str, rings: list[Any], **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"role": role, **properties},
            "geometry": {"type": "Polygon", "coordinates": rings_to_wgs84(rings)}}  # fmt: skip


def site_features(site: dict[str, Any] | None) -> dict[str, Any] | None:
    """The stored ``site`` as a FeatureCollection in EPSG:4326 (polygon-less accessories are not drawable)."""
    if not site:
        return None
    features = [_feature("parcel", site["parcel"])]
    for building in site["buildings"]:
        features.append(_feature("building", building["footprint"],
                                 **{k: building[k] for k in BUILDING_KEYS if k in building}))  # fmt: skip
    for item in site.get("accessories") or ():
        if item.get("polygon"):
            features.append(_feature("accessory", item["polygon"], kind=item["kind"]))
    for item in site.get("public_areas") or ():
        features.append(_feature("public_area", item["polygon"], kind=item["kind"]))
    return {"type": "FeatureCollection", "features": features}


def _plan_features(records: list[PlanRecord]) -> list[dict[str, Any]]:
    features = []
    for record in records:
        for feature in (record.features or {}).get("features", []):
            properties = feature.get("properties", {})
            if properties.get("layer") in PLAN_LAYERS:
                features.append({"type": "Feature", "geometry": geometry_to_wgs84(feature["geometry"]),
                                 "properties": {**properties, "plan": record.name}})  # fmt: skip
    return features


def _plans_around(case: Case, area: BaseGeometry | None) -> list[PlanRecord]:
    if area is None:
        plans = PlanRecord.objects.filter(tenant=case.tenant, min_x__isnull=False)
        bounds = [(p.min_x, p.min_y, p.max_x or 0.0, p.max_y or 0.0) for p in plans if p.min_x and p.min_y]
        if not bounds:
            return []
        area = box(min(b[0] for b in bounds), min(b[1] for b in bounds),
                   max(b[2] for b in bounds), max(b[3] for b in bounds))  # fmt: skip
    return [record for record, _overlap in plan_for_geometry(case.tenant, area)[:MAX_PLANS]]


def suggested_parcel(case: Case) -> dict[str, Any] | None:
    """The Flurstück of the Vorhaben from the Liegenschaftskataster register, if there is one (EPSG:25832)."""
    vorhaben = case.vorhaben
    if not (vorhaben.gemarkung and vorhaben.flur and vorhaben.flurstueck):
        return None
    parcel = find_parcel(case.tenant, vorhaben.gemarkung, vorhaben.flur, vorhaben.flurstueck)
    if parcel is None:
        return None
    geometry = parcel.geometry
    if geometry.get("type") == "MultiPolygon" and len(geometry["coordinates"]) == 1:
        geometry = {"type": "Polygon", "coordinates": geometry["coordinates"][0]}
    if geometry.get("type") != "Polygon":
        return None
    label = _("Gemarkung %(g)s, Flur %(f)s, Flurstück %(n)s") % {
        "g": vorhaben.gemarkung, "f": vorhaben.flur, "n": vorhaben.flurstueck}  # fmt: skip
    return {"label": label, "coordinates": geometry["coordinates"]}


def map_data(case: Case) -> dict[str, Any]:
    site = case.vorhaben.site
    suggestion = suggested_parcel(case)
    area: BaseGeometry | None = None
    if site:
        area = shape({"type": "Polygon", "coordinates": site["parcel"]})
    elif suggestion:
        area = shape({"type": "Polygon", "coordinates": suggestion["coordinates"]})
    plans = _plans_around(case, area)
    return {
        "crs": "EPSG:4326",
        "site": site_features(site),
        "plan": {"type": "FeatureCollection", "names": [p.name for p in plans], "features": _plan_features(plans)},
        "suggested_parcel": None if suggestion is None else {
            "type": "Feature", "properties": {"role": "parcel", "label": suggestion["label"]},
            "geometry": {"type": "Polygon", "coordinates": rings_to_wgs84(suggestion["coordinates"])}},
    }  # fmt: skip


def _error(message: str) -> ValidationError:
    return ValidationError({"site": [message]})


def _polygon(feature: dict[str, Any], pointer: str) -> list[list[list[float]]]:
    geometry = feature.get("geometry") or {}
    if geometry.get("type") != "Polygon":
        raise _error(_("%(p)s: Erwartet wird ein Polygon.") % {"p": pointer})
    try:
        return rings_to_utm(geometry.get("coordinates"))
    except CoordinateError as exc:
        raise _error(f"{pointer}: {exc}") from None


def site_from_drawing(text: str, current: dict[str, Any] | None) -> dict[str, Any]:
    """The drawn FeatureCollection (EPSG:4326) → a ``site`` object in EPSG:25832 (not yet validated).

    What the map cannot show is kept from the current ``site``: Baugebiet, Geländehöhe, Baulast and
    accessory areas given as a number only.
    """
    if len(text) > MAX_DRAWING_CHARS:
        raise _error(_("/site: Die Zeichnung ist zu umfangreich."))
    try:
        drawing = json.loads(text)
    except json.JSONDecodeError:
        raise _error(_("/site: Die Zeichnung konnte nicht gelesen werden.")) from None
    features = drawing.get("features") if isinstance(drawing, dict) else None
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise _error(_("/site: Die Zeichnung konnte nicht gelesen werden."))
    by_role: dict[str, list[dict[str, Any]]] = {role: [] for role in ROLES}
    for feature in features:
        properties = feature.get("properties")
        role = properties.get("role") if isinstance(properties, dict) else None
        if role not in by_role:
            raise _error(_("/site: Unbekannte Art einer gezeichneten Fläche."))
        by_role[str(role)].append(feature)
    if len(by_role["parcel"]) != 1:
        raise _error(_("/site/parcel: Bitte zeichnen Sie genau ein Grundstück."))
    current = current or {}
    site: dict[str, Any] = {"crs": "EPSG:25832", **{k: current[k] for k in KEPT_SITE_KEYS if k in current}}
    site["parcel"] = _polygon(by_role["parcel"][0], "/site/parcel")
    site["buildings"] = []
    for i, feature in enumerate(by_role["building"]):
        props = feature["properties"]
        building = {k: props[k] for k in BUILDING_KEYS if props.get(k) is not None}
        building["footprint"] = _polygon(feature, f"/site/buildings/{i}/footprint")
        site["buildings"].append(building)
    kept = [a for a in current.get("accessories") or () if not a.get("polygon")]
    drawn = [{"kind": f["properties"].get("kind"), "polygon": _polygon(f, f"/site/accessories/{len(kept) + i}/polygon")}
             for i, f in enumerate(by_role["accessory"])]  # fmt: skip
    if kept or drawn or current.get("accessories") is not None:
        site["accessories"] = kept + drawn
    site["public_areas"] = [
        {"kind": f["properties"].get("kind"), "polygon": _polygon(f, f"/site/public_areas/{i}/polygon")}
        for i, f in enumerate(by_role["public_area"])
    ]
    return site
