"""The XBau code list ``vorlagenantragstellung`` (kinds of Bauvorlagen), read from its genericode XML.

The file ships unmodified in ``bauantrag/data/xbau/`` (see ``SOURCES.md`` there). Structure checked here:
root ``gc:CodeList`` (genericode 1.0), ``Identification/ShortName`` = ``vorlagenantragstellung``, a
``ColumnSet`` with the columns ``Code`` and ``beschreibung``, and ``SimpleCodeList/Row`` elements each with
one ``Value`` per column. Codes are four digits and unique. Documents with a DOCTYPE (and so any entity
declaration) are refused before parsing; lxml is used when installed, with entity resolution and network
access switched off, otherwise the standard library parser.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from importlib import resources
from typing import Any
from xml.etree import ElementTree as ET  # DOCTYPE/ENTITY are refused before parsing

GENERICODE_NS = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/"
CODELIST_FILE = "urn_xoev-de_xbau_codeliste_vorlagenantragstellung_4.0.xml"
CODELIST_URI = "urn:xoev-de:xbau:codeliste:vorlagenantragstellung"
_CODE = re.compile(r"\d{4}")
_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class CodeListError(ValueError):
    """The code list file is missing, unsafe or not shaped as expected."""


def parse_codelist(
    data: bytes, short_name: str = "vorlagenantragstellung"
) -> tuple[str, list[tuple[str, str]]]:
    """Parse a genericode code list; return its version and the (code, beschreibung) rows in file order."""
    if _FORBIDDEN.search(data):
        raise CodeListError("Code-Liste enthält eine DOCTYPE- oder ENTITY-Deklaration und wird abgelehnt.")
    root = _parse(data)
    if root.tag != f"{{{GENERICODE_NS}}}CodeList":
        raise CodeListError(f"Kein genericode-CodeList-Dokument (Wurzelelement {root.tag!r}).")
    found = root.findtext("Identification/ShortName")
    if found != short_name:
        raise CodeListError(f"Falsche Code-Liste: {found!r} statt {short_name!r}.")
    version = (root.findtext("Identification/Version") or "").strip()
    columns = [col.get("Id") for col in root.findall("ColumnSet/Column")]
    if "Code" not in columns or "beschreibung" not in columns:
        raise CodeListError(f"Spalten 'Code' und 'beschreibung' erwartet, gefunden: {columns}.")
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, row in enumerate(root.findall("SimpleCodeList/Row"), start=1):
        values = {value.get("ColumnRef"): (value.findtext("SimpleValue") or "").strip() for value in row}
        code, name = values.get("Code", ""), values.get("beschreibung", "")
        if not _CODE.fullmatch(code) or not name:
            raise CodeListError(f"Zeile {index}: ungültiger Eintrag (Code {code!r}, Beschreibung {name!r}).")
        if code in seen:
            raise CodeListError(f"Zeile {index}: Code {code} doppelt.")
        seen.add(code)
        rows.append((code, name))
    if not rows:
        raise CodeListError("Code-Liste enthält keine Einträge.")
    return version, rows


def _parse(data: bytes) -> Any:
    try:
        lxml_etree: Any = importlib.import_module("lxml.etree")
    except ImportError:
        lxml_etree = None
    try:
        if lxml_etree is not None:
            parser = lxml_etree.XMLParser(
                resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
            )
            return lxml_etree.fromstring(data, parser=parser)
        return ET.fromstring(data)  # noqa: S314 - DOCTYPE/ENTITY refused above
    except (ET.ParseError, ValueError) as exc:
        raise CodeListError(f"Code-Liste ist kein wohlgeformtes XML: {exc}") from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError when lxml is installed
        if lxml_etree is not None and isinstance(exc, lxml_etree.XMLSyntaxError):
            raise CodeListError(f"Code-Liste ist kein wohlgeformtes XML: {exc}") from exc
        raise


@lru_cache(maxsize=1)
def _load() -> tuple[str, tuple[tuple[str, str], ...]]:
    resource = resources.files("bauantrag").joinpath("data", "xbau", CODELIST_FILE)
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise CodeListError(f"Code-Liste {CODELIST_FILE} nicht lesbar: {exc}") from exc
    version, rows = parse_codelist(data)
    return version, tuple(rows)


def document_types() -> list[tuple[str, str]]:
    """All Bauvorlage kinds as (code, German name), in the order of the code list (e.g. Django choices)."""
    return list(_load()[1])


def document_type_names() -> dict[str, str]:
    """Code → German name."""
    return dict(_load()[1])


def codelist_version() -> str:
    """Version of the shipped code list, e.g. ``"4.0"``."""
    return _load()[0]
