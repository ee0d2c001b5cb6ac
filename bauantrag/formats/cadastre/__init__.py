"""Readers for cadastre files (Liegenschaftskataster, ALKIS): GeoJSON FeatureCollections and NAS GML.

Pure Python, no Django. ``read_parcels(data)`` detects the format and returns ``Parcel`` objects with the
geometry in EPSG:25832; anything broken raises ``CadastreFormatError`` with a German message.
"""

from __future__ import annotations

from bauantrag.formats.cadastre.errors import CadastreFormatError
from bauantrag.formats.cadastre.geojson import read_geojson
from bauantrag.formats.cadastre.nas import read_nas
from bauantrag.formats.cadastre.parcel import Parcel, gemarkung_name, parse_kennzeichen

MAX_CADASTRE_BYTES = 64 * 1024 * 1024

__all__ = ["MAX_CADASTRE_BYTES", "CadastreFormatError", "Parcel", "gemarkung_name", "parse_kennzeichen",
           "read_parcels"]  # fmt: skip


def read_parcels(data: bytes, *, max_bytes: int = MAX_CADASTRE_BYTES) -> list[Parcel]:
    """The Flurstücke of a GeoJSON or NAS file (decided by the first character); each Kennzeichen once."""
    if len(data) > max_bytes:
        raise CadastreFormatError(
            f"Die Datei ist zu groß ({len(data) / 1048576:.1f} MB, höchstens {max_bytes / 1048576:.0f} MB)."
        )
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        parcels = read_geojson(data)
    elif head == b"<":
        parcels = read_nas(data)
    elif not head:
        raise CadastreFormatError("Die Datei ist leer.")
    else:
        raise CadastreFormatError(
            "Die Datei ist weder GeoJSON noch NAS (ALKIS-XML). Erwartet wird eine FeatureCollection der Flurstücke."
        )
    seen: set[str] = set()
    for parcel in parcels:
        if parcel.kennzeichen in seen:
            raise CadastreFormatError("Das Flurstück ist in der Datei mehrfach enthalten.",
                                      where=f"Flurstück {parcel.kennzeichen}")  # fmt: skip
        seen.add(parcel.kennzeichen)
    return parcels
