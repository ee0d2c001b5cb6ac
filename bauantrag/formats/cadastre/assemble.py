"""Turning the values a reader found into a checked ``Parcel``; shared by the GeoJSON and the NAS reader."""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bauantrag.formats.cadastre.parcel import LAND_NRW, Kennzeichen, Parcel, gemarkung_name, parse_kennzeichen

# UTM zone 32 around Germany: a coordinate outside means a wrong or missing CRS (or swapped axes).
PLAUSIBLE_X = (100_000.0, 900_000.0)
PLAUSIBLE_Y = (5_200_000.0, 6_200_000.0)
TRIVIAL_REPAIR_M2 = 0.1
_DIGITS = re.compile(r"^\d+$")


@dataclass
class RawParcel:
    """What a reader found; text values as in the file, None when absent."""

    kennzeichen: str | None = None
    land: str | None = None
    gemarkung_number: str | None = None
    gemarkung_name: str | None = None
    flur: str | None = None
    zaehler: str | None = None
    nenner: str | None = None
    area: str | None = None
    geometry: BaseGeometry | None = None


def _number(value: str | None, label: str, digits: int, *, required: bool) -> int | None:
    text = (value or "").strip()
    if not text or (not required and text.strip("0_") == ""):
        if required:
            raise ValueError(f"{label} fehlt")
        return None
    if not _DIGITS.match(text) or len(text.lstrip("0")) > digits or int(text) == 0:
        raise ValueError(f"{label} „{text[:20]}“ ist keine Zahl mit höchstens {digits} Stellen (größer als 0)")
    return int(text)


def _gemarkung(raw: RawParcel) -> tuple[str, str]:
    """(land, four-digit Gemarkungsnummer); accepts "3290", "053290" (Land + Nummer)."""
    text = (raw.gemarkung_number or "").strip()
    if not _DIGITS.match(text) or len(text) not in (1, 2, 3, 4, 6):
        raise ValueError(f"Gemarkungsnummer „{text[:20]}“ ist ungültig (erwartet 4 Ziffern, z. B. 3290)"
                         if text else "Gemarkungsnummer fehlt")  # fmt: skip
    land = text[:2] if len(text) == 6 else ((raw.land or "").strip() or LAND_NRW)
    return land.zfill(2), text[-4:].zfill(4)


def _key_from_parts(raw: RawParcel) -> Kennzeichen:
    land, gemarkung = _gemarkung(raw)
    flur = _number(raw.flur, "Flurnummer", 3, required=True)
    zaehler = _number(raw.zaehler, "Zähler der Flurstücksnummer", 5, required=True)
    nenner = _number(raw.nenner, "Nenner der Flurstücksnummer", 4, required=False)
    assert flur is not None and zaehler is not None
    return Kennzeichen(land, gemarkung, flur, zaehler, nenner)


def _key(raw: RawParcel) -> Kennzeichen:
    has_parts = all((value or "").strip() for value in (raw.gemarkung_number, raw.flur, raw.zaehler))
    if not (raw.kennzeichen or "").strip():
        return _key_from_parts(raw)
    key = parse_kennzeichen(raw.kennzeichen or "")
    if has_parts:
        parts = _key_from_parts(raw)
        if parts != Kennzeichen(key.land, key.gemarkung_number, key.flur, key.zaehler, key.nenner):
            raise ValueError(
                f"Flurstückskennzeichen {key.text} passt nicht zu Gemarkung {parts.gemarkung_number}, Flur "
                f"{parts.flur}, Flurstück {parts.zaehler}{f'/{parts.nenner}' if parts.nenner else ''}"
            )
    return key


def _area(value: str | None) -> float | None:
    text = (value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        area = float(text)
    except ValueError:
        raise ValueError(f"Fläche „{text[:20]}“ ist keine Zahl") from None
    if not area > 0 or area != area or area == float("inf"):
        raise ValueError(f"Fläche {text[:20]} ist nicht größer als 0")
    return area


def checked_geometry(geometry: BaseGeometry | None) -> BaseGeometry:
    """A valid Polygon/MultiPolygon inside the plausible EPSG:25832 range; trivially invalid ones are repaired."""
    if geometry is None or geometry.is_empty:
        raise ValueError("Geometrie fehlt")
    if not isinstance(geometry, Polygon | MultiPolygon):
        raise ValueError(f"Flächengeometrie (Polygon) erwartet, gefunden {geometry.geom_type}")
    min_x, min_y, max_x, max_y = geometry.bounds
    inside_x = PLAUSIBLE_X[0] <= min_x and max_x <= PLAUSIBLE_X[1]
    if not (inside_x and PLAUSIBLE_Y[0] <= min_y and max_y <= PLAUSIBLE_Y[1]):
        raise ValueError(
            f"Koordinaten ({min_x:.1f} {min_y:.1f}) liegen nicht in Deutschland (EPSG:25832) – falsches "
            "Koordinatenreferenzsystem oder vertauschte Achsen?"
        )
    if geometry.is_valid:
        return geometry
    reason = shapely.is_valid_reason(geometry)
    parts = [p for p in getattr(shapely.make_valid(geometry), "geoms", [shapely.make_valid(geometry)])
             if isinstance(p, Polygon | MultiPolygon)]  # fmt: skip
    if parts:
        repaired = shapely.unary_union(parts)
        if repaired.area > 0 and abs(repaired.area - geometry.area) <= max(0.001 * geometry.area, TRIVIAL_REPAIR_M2):
            return repaired
    raise ValueError(f"Geometrie ist ungültig ({reason})")


def assemble(raw: RawParcel) -> Parcel:
    """The checked Parcel; ValueError with a German message for anything missing or inconsistent."""
    key = _key(raw)
    geometry = checked_geometry(raw.geometry)
    name = gemarkung_name(key.gemarkung_number, key.land) or (raw.gemarkung_name or "").strip()[:200]
    return Parcel(
        kennzeichen=key.text, gemarkung_number=key.gemarkung_number, gemarkung_name=name, flur=key.flur,
        zaehler=key.zaehler, nenner=key.nenner, area_m2=_area(raw.area), geometry=geometry,
    )  # fmt: skip
