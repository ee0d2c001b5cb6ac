"""Looking Flurstücke up in a Kommune's register: by Gemarkung/Flur/Flurstück, or by geometry.

These serve the portal (site step, JSON endpoint) and the operator; they do not ask who is looking. Callers
pass the tenant of the signed-in user; pages fetch register entries by id through ``bauantrag.parcels.access``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from bauantrag.accounts.models import Tenant
from bauantrag.parcels.models import Parcel

_NUMBER = re.compile(r"^\s*0*(\d{1,5})\s*(?:/\s*0*(\d{1,4}))?\s*$")
_GEMARKUNG_NUMBER = re.compile(r"^\s*(?:05)?(\d{4})\s*$|\((\d{4})\)\s*$")


def parse_flurstueck(value: str) -> tuple[int, int | None] | None:
    """``"85"`` → (85, None), ``"85/2"`` → (85, 2); leading zeros are ignored. None when not a Flurstücksnummer."""
    match = _NUMBER.match(value or "")
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def parse_flur(value: str) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 3 else None


def gemarkung_number_of(value: str) -> str | None:
    """The four-digit Gemarkungsnummer in ``"1397"``, ``"051397"`` or ``"Afferde (1397)"``; else None."""
    match = _GEMARKUNG_NUMBER.search(value or "")
    if match is None:
        return None
    return match.group(1) or match.group(2)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def find_parcel(tenant: Tenant, gemarkung: str, flur: str, flurstueck: str) -> Parcel | None:
    """The Flurstück of the tenant's register; ``gemarkung`` by name ("Afferde") or number ("1397"),
    ``flurstueck`` as "85" or "85/2" (without a Nenner only a Flurstück that has none matches)."""
    number = parse_flurstueck(flurstueck)
    flur_number = parse_flur(flur)
    if number is None or flur_number is None or not (gemarkung or "").strip():
        return None
    zaehler, nenner = number
    candidates = Parcel.objects.filter(tenant=tenant, flur=flur_number, zaehler=zaehler, nenner=nenner)
    gemarkung_number = gemarkung_number_of(gemarkung)
    if gemarkung_number is not None:
        return candidates.filter(gemarkung_number=gemarkung_number).first()
    wanted = _fold(gemarkung)
    # Compared in Python: SQLite folds the case of ASCII letters only ("Lünen" vs "LÜNEN").
    matches = [parcel for parcel in candidates if _fold(parcel.gemarkung_name) == wanted]
    return matches[0] if len(matches) == 1 else None


def geometry_of(parcel: Parcel) -> BaseGeometry:
    """The parcel's polygon (EPSG:25832)."""
    return shape(parcel.geometry)


def parcels_at(tenant: Tenant, geometry: BaseGeometry) -> list[Parcel]:
    """The tenant's Flurstücke the geometry (EPSG:25832) reaches into, largest overlap first.

    A point inside a parcel finds it; touching a parcel's boundary only does not count.
    """
    if geometry.is_empty:
        return []
    min_x, min_y, max_x, max_y = geometry.bounds
    candidates = Parcel.objects.filter(
        tenant=tenant, min_x__lte=max_x, max_x__gte=min_x, min_y__lte=max_y, max_y__gte=min_y
    )
    found: list[tuple[float, str, Parcel]] = []
    for parcel in candidates:
        polygon = geometry_of(parcel)
        if not polygon.is_valid:
            polygon = shapely.make_valid(polygon)
        if not geometry.intersects(polygon) or geometry.touches(polygon):
            continue
        found.append((float(geometry.intersection(polygon).area), parcel.kennzeichen, parcel))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [parcel for _area, _key, parcel in found]


def adjoining_parcels(parcel: Parcel, tolerance_m: float = 0.5) -> list[Parcel]:
    """The Flurstücke of the same Kommune that share a boundary with ``parcel`` (within ``tolerance_m`` metres, so
    that digitising gaps between neighbouring polygons do not hide a neighbour), ordered by Kennzeichen. A parcel
    that only touches a corner counts too: whether its owner is a neighbour in law is the clerk's judgement."""
    polygon = geometry_of(parcel)
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    zone = polygon.buffer(tolerance_m)
    min_x, min_y, max_x, max_y = zone.bounds
    candidates = Parcel.objects.filter(
        tenant_id=parcel.tenant_id, min_x__lte=max_x, max_x__gte=min_x, min_y__lte=max_y, max_y__gte=min_y
    ).exclude(pk=parcel.pk)
    found = []
    for other in candidates:
        shape_ = geometry_of(other)
        if not shape_.is_valid:
            shape_ = shapely.make_valid(shape_)
        if zone.intersects(shape_):
            found.append(other)
    return sorted(found, key=lambda p: p.kennzeichen)


def as_feature(parcel: Parcel) -> dict[str, Any]:
    """The parcel as a GeoJSON Feature in EPSG:25832 (coordinates in metres), with its area."""
    return {
        "type": "Feature",
        "id": parcel.kennzeichen,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
        "geometry": parcel.geometry,
        "properties": {
            "kennzeichen": parcel.kennzeichen,
            "gemarkung_number": parcel.gemarkung_number,
            "gemarkung": parcel.gemarkung_name,
            "flur": parcel.flur,
            "flurstueck": parcel.label,
            "area_m2": parcel.area_m2,
            "official_area": parcel.official_area,
        },
    }
