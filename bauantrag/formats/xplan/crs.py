"""Coordinate reference systems of XPlanGML files and the transformation to EPSG:25832."""

from __future__ import annotations

import re
from functools import lru_cache

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

TARGET_EPSG = 25832
TARGET_CRS = "EPSG:25832"

# AdV short names (urn:adv:crs:...) used in German GML files; a compound "…*DE_DHHN…" name is 3D: the height
# part is dropped, the horizontal part decides.
_ADV = {
    "ETRS89_UTM32": 25832,
    "ETRS89_UTM33": 25833,
    "DE_DHDN_3GK2": 31466,
    "DE_DHDN_3GK3": 31467,
    "DE_DHDN_3GK4": 31468,
    "DE_DHDN_3GK5": 31469,
}
_EPSG_FORMS = (
    re.compile(r"^EPSG:(\d+)$", re.IGNORECASE),
    re.compile(r"^urn:(?:x-)?ogc:def:crs:EPSG:[\d.]*:(\d+)$", re.IGNORECASE),
    re.compile(r"^https?://www\.opengis\.net/def/crs/EPSG/\d+/(\d+)$", re.IGNORECASE),
    re.compile(r"^https?://www\.opengis\.net/gml/srs/epsg\.xml#(\d+)$", re.IGNORECASE),
)


class UnsupportedCrs(ValueError):
    """German message: the srsName is unknown or not a projected CRS."""


@lru_cache(maxsize=64)
def epsg_of(srs_name: str) -> int:
    """The EPSG code of an srsName; UnsupportedCrs for unknown names and for geographic (lat/lon) systems."""
    name = srs_name.strip()
    code: int | None = None
    if name.lower().startswith("urn:adv:crs:"):
        horizontal = name[len("urn:adv:crs:") :].split("*")[0]
        code = _ADV.get(horizontal)
    else:
        for form in _EPSG_FORMS:
            match = form.match(name)
            if match:
                code = int(match.group(1))
                break
    if code is None:
        raise UnsupportedCrs(f"unbekanntes Koordinatenreferenzsystem {srs_name!r}")
    try:
        crs = CRS.from_epsg(code)
    except CRSError as exc:
        raise UnsupportedCrs(f"unbekanntes Koordinatenreferenzsystem {srs_name!r}") from exc
    if not crs.is_projected:
        raise UnsupportedCrs(
            f"Koordinatenreferenzsystem {srs_name!r} ist nicht projiziert (Länge/Breite); erwartet werden "
            "projizierte Koordinaten in Metern, z. B. EPSG:25832"
        )
    return code


def is_3d(srs_name: str) -> bool:
    """True for compound (horizontal + height) AdV names such as urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH."""
    return "*" in srs_name


@lru_cache(maxsize=16)
def transformer_from(epsg: int) -> Transformer:
    """Cached transformer from ``epsg`` to EPSG:25832 (x = easting, y = northing)."""
    return Transformer.from_crs(CRS.from_epsg(epsg), CRS.from_epsg(TARGET_EPSG), always_xy=True)


def to_target(epsg: int, xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """Coordinates transformed to EPSG:25832 (unchanged when already there)."""
    if epsg == TARGET_EPSG:
        return xs, ys
    tx, ty = transformer_from(epsg).transform(xs, ys)
    return list(tx), list(ty)
