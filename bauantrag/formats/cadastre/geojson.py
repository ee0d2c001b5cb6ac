"""GeoJSON FeatureCollections of Flurstücke (NRW open data "ALKIS vereinfacht", GIS exports).

Property names are matched without regard to case; the first one present counts:

* Flurstückskennzeichen: ``flurstueckskennzeichen``, ``flstkennz``, ``kennzeichen``, ``fsk``
* Gemarkungsnummer: ``gemarkungsnummer``, ``gemarkungsschluessel``, ``gemaschl``, ``gemarkung_nr``, ``gemarkung``
  (when it is a number; "053290" = Land + Nummer is accepted), Land: ``land``
* Gemarkung name: ``gemarkungsname``, ``gemarkung_name``, ``gemarkung`` (when it is a name); the name from the
  NRW list of Gemarkungen is preferred
* Flur: ``flur``, ``flurnummer``, ``flurnr``
* Flurstücksnummer: ``zaehler``/``flstnrzae``/``flurstueckszaehler`` and ``nenner``/``flstnrnen``/
  ``flurstuecksnenner``
* amtliche Fläche in m²: ``amtlicheflaeche``, ``amtliche_flaeche``, ``flaeche``

The Kennzeichen alone is enough; given both, Kennzeichen and parts must agree. Coordinates: the ``crs`` member
(EPSG:25832, EPSG:4326, OGC CRS84 or any other EPSG code) decides; without it, longitude/latitude values are
taken as WGS 84 (RFC 7946) and values in metres as EPSG:25832.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from bauantrag.formats.cadastre.assemble import RawParcel, assemble
from bauantrag.formats.cadastre.errors import CadastreFormatError
from bauantrag.formats.cadastre.parcel import Parcel

KENNZEICHEN_KEYS = ("flurstueckskennzeichen", "flstkennz", "kennzeichen", "fsk")
GEMARKUNG_NUMBER_KEYS = ("gemarkungsnummer", "gemarkungsschluessel", "gemaschl", "gemarkung_nr", "gemarkung")
GEMARKUNG_NAME_KEYS = ("gemarkungsname", "gemarkung_name", "gemarkung")
FLUR_KEYS = ("flur", "flurnummer", "flurnr")
ZAEHLER_KEYS = ("zaehler", "flstnrzae", "flurstueckszaehler")
NENNER_KEYS = ("nenner", "flstnrnen", "flurstuecksnenner")
AREA_KEYS = ("amtlicheflaeche", "amtliche_flaeche", "flaeche")
_EPSG = re.compile(r"EPSG:{1,2}(?:[\d.]*:)?(\d+)$", re.IGNORECASE)
TARGET_EPSG = 25832


def _epsg(collection: dict[str, Any]) -> int | None:
    crs = collection.get("crs")
    if crs is None:
        return None
    name = str(((crs or {}).get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    if name.upper().endswith("CRS84"):
        return 4326
    match = _EPSG.search(name.replace("/", ":"))
    if match is None:
        raise CadastreFormatError(f"Unbekanntes Koordinatenreferenzsystem „{name[:80]}“ im Element crs")
    code = int(match.group(1))
    try:
        CRS.from_epsg(code)
    except CRSError:
        raise CadastreFormatError(f"Unbekanntes Koordinatenreferenzsystem EPSG:{code}") from None
    return code


def _guess_epsg(geometry: BaseGeometry) -> int:
    min_x, min_y, max_x, max_y = geometry.bounds
    lon_lat = min_x >= -180 and max_x <= 180 and min_y >= -90 and max_y <= 90
    return 4326 if lon_lat else TARGET_EPSG


def _to_target(geometry: BaseGeometry, epsg: int) -> BaseGeometry:
    if epsg == TARGET_EPSG:
        return geometry
    transformer = Transformer.from_crs(CRS.from_epsg(epsg), CRS.from_epsg(TARGET_EPSG), always_xy=True)
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _value(properties: dict[str, Any], keys: tuple[str, ...], *, digits: bool | None = None) -> str | None:
    lowered = {str(key).lower(): value for key, value in properties.items()}
    for key in keys:
        value = lowered.get(key)
        if value is None or isinstance(value, dict | list) or str(value).strip() == "":
            continue
        whole = isinstance(value, float) and value.is_integer() and key not in AREA_KEYS
        text = str(int(value)) if whole else str(value)
        if digits is not None and text.strip().isdigit() != digits:
            continue
        return text
    return None


def _raw(feature: dict[str, Any], epsg: int | None) -> RawParcel:
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise ValueError("properties ist kein Objekt")
    geometry_data = feature.get("geometry")
    geometry: BaseGeometry | None = None
    if geometry_data:
        try:
            geometry = shape(geometry_data)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            raise ValueError(f"Geometrie ist nicht lesbar ({exc})") from None
        if not geometry.is_empty:
            geometry = _to_target(geometry, epsg if epsg is not None else _guess_epsg(geometry))
    return RawParcel(
        kennzeichen=_value(properties, KENNZEICHEN_KEYS),
        land=_value(properties, ("land",), digits=True),
        gemarkung_number=_value(properties, GEMARKUNG_NUMBER_KEYS, digits=True),
        gemarkung_name=_value(properties, GEMARKUNG_NAME_KEYS, digits=False),
        flur=_value(properties, FLUR_KEYS),
        zaehler=_value(properties, ZAEHLER_KEYS),
        nenner=_value(properties, NENNER_KEYS),
        area=_value(properties, AREA_KEYS),
        geometry=geometry,
    )


def read_geojson(data: bytes) -> list[Parcel]:
    """The Flurstücke of a GeoJSON FeatureCollection; CadastreFormatError (German, naming line or feature)."""
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CadastreFormatError("Die Datei ist nicht UTF-8-kodiert (GeoJSON verlangt UTF-8).") from None
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(data.strip()) - 1
        reason = "Die Datei endet unerwartet (abgeschnitten?)" if truncated else "Ungültiges JSON"
        raise CadastreFormatError(f"{reason} ({exc.msg}, Spalte {exc.colno}).", line=exc.lineno) from None
    except RecursionError:
        raise CadastreFormatError("Die Datei ist zu tief verschachtelt; sie wird nicht gelesen.") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        found = collection.get("type") if isinstance(collection, dict) else type(collection).__name__
        raise CadastreFormatError(f"Erwartet wird eine GeoJSON-FeatureCollection, gefunden „{str(found)[:40]}“.")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise CadastreFormatError("Die FeatureCollection enthält keine Flurstücke (features ist leer).")
    epsg = _epsg(collection)
    parcels: list[Parcel] = []
    for index, feature in enumerate(features, start=1):
        where = f"Objekt Nr. {index}"
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise ValueError("kein GeoJSON-Feature")
            raw = _raw(feature, epsg)
            if raw.kennzeichen:
                where = f"{where} (Flurstück {raw.kennzeichen.strip()[:20]})"
            parcels.append(assemble(raw))
        except ValueError as exc:
            raise CadastreFormatError(str(exc), where=where) from None
    return parcels
