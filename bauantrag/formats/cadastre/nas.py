"""NAS (ALKIS, GeoInfoDok 6.0 and 7.x) files: the ``AX_Flurstueck`` objects of a WFS FeatureCollection, an
``AX_Bestandsdatenauszug`` or an NBA update.

Read per Flurstück: ``flurstueckskennzeichen``, ``gemarkung/AX_Gemarkung_Schluessel/{land,gemarkungsnummer}``,
``flurnummer``, ``flurstuecksnummer/AX_Flurstuecksnummer/{zaehler,nenner}``, ``amtlicheFlaeche`` and
``position`` (gml:Polygon, gml:Surface, gml:MultiSurface …, any projected CRS, transformed to EPSG:25832).
Parsed with the project's safe XML parser: DOCTYPE, entities and XInclude are refused.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from bauantrag.formats.cadastre.assemble import RawParcel, assemble
from bauantrag.formats.cadastre.errors import CadastreFormatError
from bauantrag.formats.cadastre.parcel import Parcel
from bauantrag.formats.xplan.errors import GeometryError, PlanFormatError
from bauantrag.formats.xplan.gml import GeometryReader
from bauantrag.formats.xplan.safe_xml import parse_document

ADV_NAMESPACE_PREFIX = "http://www.adv-online.de/namespaces/adv/gid/"
ROOTS = ("FeatureCollection", "AX_Bestandsdatenauszug", "AX_NutzerbezogeneBestandsdatenaktualisierung_NBA",
         "AX_Fortfuehrungsergebnis")  # fmt: skip
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
DOCTYPE_REFUSED = (
    "Die Datei enthält eine DOCTYPE-Deklaration (DTD/Entitäten); das ist in NAS-Dateien nicht vorgesehen und wird "
    "aus Sicherheitsgründen abgelehnt."
)


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _path(element: Any, *names: str) -> Any:
    """The first descendant along child local names, or None."""
    node = element
    for name in names:
        node = next((child for child in node if isinstance(child.tag, str) and _local(child) == name), None)
        if node is None:
            return None
    return node


def _text(element: Any, *names: str) -> str | None:
    node = _path(element, *names)
    return None if node is None or node.text is None else str(node.text).strip()


def _default_srs(root: Any) -> str | None:
    """The CRS the file declares for all objects: koordinatenangaben (NAS) or the collection's Envelope."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element)
        if name == "crs" and element.get(XLINK_HREF):
            return str(element.get(XLINK_HREF))
        if name == "Envelope" and element.get("srsName"):
            return str(element.get("srsName"))
        if name.startswith("AX_") and name != "AX_Bestandsdatenauszug":
            break
    return None


def _geometry(flurstueck: Any, default_srs: str | None) -> Any:
    position = _path(flurstueck, "position")
    if position is None:
        raise ValueError("Geometrie fehlt (Element position)")
    child = next((node for node in position if isinstance(node.tag, str)), None)
    if child is None:
        raise ValueError("Geometrie fehlt (Element position ist leer)")
    reader = GeometryReader(str(etree.QName(child).namespace or ""), default_srs)
    try:
        return reader.area(position)
    except GeometryError as exc:
        line = f" (Zeile {exc.line})" if exc.line else ""
        raise ValueError(f"Geometrie: {exc.message}{line}") from None


def _raw(flurstueck: Any, default_srs: str | None) -> RawParcel:
    return RawParcel(
        kennzeichen=_text(flurstueck, "flurstueckskennzeichen"),
        land=_text(flurstueck, "gemarkung", "AX_Gemarkung_Schluessel", "land"),
        gemarkung_number=_text(flurstueck, "gemarkung", "AX_Gemarkung_Schluessel", "gemarkungsnummer"),
        flur=_text(flurstueck, "flurnummer"),
        zaehler=_text(flurstueck, "flurstuecksnummer", "AX_Flurstuecksnummer", "zaehler"),
        nenner=_text(flurstueck, "flurstuecksnummer", "AX_Flurstuecksnummer", "nenner"),
        area=_text(flurstueck, "amtlicheFlaeche"),
        geometry=_geometry(flurstueck, default_srs),
    )


def read_nas(data: bytes) -> list[Parcel]:
    """The Flurstücke of a NAS file; CadastreFormatError (German, naming line and object) for anything else."""
    try:
        root = parse_document(data)
    except PlanFormatError as exc:
        message = DOCTYPE_REFUSED if exc.element == "DOCTYPE" else exc.message.replace("XPlanGML", "NAS")
        raise CadastreFormatError(message, line=exc.line) from None
    if _local(root) not in ROOTS:
        raise CadastreFormatError(
            f"Die Datei ist keine NAS-Datei mit Flurstücken (Wurzelelement {_local(root)}; erwartet "
            "wfs:FeatureCollection oder AX_Bestandsdatenauszug).", line=root.sourceline,
        )  # fmt: skip
    default_srs = _default_srs(root)
    parcels: list[Parcel] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element) != "AX_Flurstueck":
            continue
        if not str(etree.QName(element).namespace or "").startswith(ADV_NAMESPACE_PREFIX):
            continue
        where = f"AX_Flurstueck {element.get('{http://www.opengis.net/gml/3.2}id') or ''}".strip()
        try:
            parcels.append(assemble(_raw(element, default_srs)))
        except ValueError as exc:
            raise CadastreFormatError(str(exc), line=element.sourceline, where=where) from None
    if not parcels:
        raise CadastreFormatError("Die Datei enthält keine Flurstücke (AX_Flurstueck, Namensraum der AdV).")
    return parcels
