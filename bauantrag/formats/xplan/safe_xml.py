"""Safe XML parsing for uploaded plans (SECURITY.md row 9).

Every DOCTYPE is refused (before parsing, by scanning the prolog, and again on the parsed tree), entities are
never resolved, nothing is loaded from the network or the file system, XInclude is never processed (a document
that contains XInclude elements is refused), ``xsi:schemaLocation`` is ignored. libxml2's default limits stay
on (``huge_tree=False``): nesting deeper than 256 levels and text nodes over 10 MB are refused. A file with more
than ``MAX_ELEMENTS`` elements is refused before it is parsed (its tags are counted in the bytes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lxml import etree

from bauantrag.formats.xplan.errors import PlanFormatError

MAX_PLAN_BYTES = 64 * 1024 * 1024
MAX_ELEMENTS = 1_000_000  # a large real plan has some 100,000; each costs the parser about 100 bytes
PROLOG_WINDOW = 64 * 1024
XINCLUDE_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
DOCTYPE_REFUSED = (
    "Die Datei enthält eine DOCTYPE-Deklaration (DTD/Entitäten); das ist in XPlanGML nicht vorgesehen und wird "
    "aus Sicherheitsgründen abgelehnt."
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

PlanSource = str | os.PathLike[str] | bytes


def load_bytes(source: PlanSource, max_bytes: int = MAX_PLAN_BYTES) -> bytes:
    """The file's bytes; refuses files over ``max_bytes`` before reading them."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise PlanFormatError(_too_big(size, max_bytes))
            with path.open("rb") as handle:
                data = handle.read(size + 1)  # not max_bytes: read(n) reserves n bytes up front
        except OSError as exc:
            raise PlanFormatError(f"Die Datei kann nicht gelesen werden: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise PlanFormatError(_too_big(len(data), max_bytes))
    return data


def _too_big(size: int, max_bytes: int) -> str:
    return f"Die Datei ist zu groß ({size / 1048576:.1f} MB, höchstens {max_bytes / 1048576:.0f} MB)."


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def parse_document(data: bytes) -> Any:
    """The root element of ``data``; raises PlanFormatError (with line) for anything unsafe or not well-formed."""
    if not data.strip():
        raise PlanFormatError("Die Datei ist leer.", line=1)
    doctype_line = _doctype_line(data)
    if doctype_line is not None:
        raise PlanFormatError(DOCTYPE_REFUSED, line=doctype_line, element="DOCTYPE")
    elements = element_count(data)
    if elements > MAX_ELEMENTS:
        raise PlanFormatError(
            f"Die Datei enthält zu viele XML-Elemente ({_german(elements)}, höchstens {_german(MAX_ELEMENTS)}); "
            "sie wird nicht gelesen. Bitte teilen Sie sie auf."
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if exc.code == etree.ErrorTypes.ERR_NO_MEMORY:
            raise MemoryError from None  # libxml2 ran out of the process's memory limit: not the file's syntax
        line = exc.lineno or (exc.position[0] if exc.position else None) or 1
        raise PlanFormatError(_syntax_message(str(exc.msg or exc)), line=line) from None
    if root.getroottree().docinfo.doctype:
        raise PlanFormatError(DOCTYPE_REFUSED, line=1, element="DOCTYPE")
    for include in root.iter(*(f"{{{ns}}}*" for ns in XINCLUDE_NAMESPACES)):
        raise PlanFormatError(
            "XInclude wird nicht unterstützt; die Datei wird abgelehnt.",
            line=include.sourceline,
            element=f"xi:{etree.QName(include).localname}",
        )
    return root


def element_count(data: bytes) -> int:
    """An upper bound of the elements in ``data``: the tags that are not end tags (``<`` is markup wherever it
    stands in well-formed XML but in comments and CDATA sections, which makes the count a little higher)."""
    tags = data.count(b"<")
    end_tags = data.count(b"</")
    if end_tags == 0 and b"\x00" in data[:4]:  # UTF-16: each character two bytes
        end_tags = data.count(b"<\x00/\x00") + data.count(b"\x00<\x00/")
    return tags - end_tags


def _german(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _syntax_message(detail: str) -> str:
    detail = detail.split(", line ")[0].strip()
    lowered = detail.lower()
    if "depth" in lowered:
        reason = "Die Elemente sind zu tief verschachtelt (höchstens 256 Ebenen)"
    elif "text node too long" in lowered or "buffer size limit" in lowered or "huge" in lowered:
        reason = "Ein Textknoten oder Attribut ist zu groß (höchstens 10 MB)"
    elif "amplification" in lowered or "entity" in lowered:
        reason = "Entitäten sind nicht erlaubt"
    elif "premature end" in lowered or "end of data" in lowered:
        reason = "Die Datei endet unerwartet (abgeschnitten?)"
    elif "start tag expected" in lowered or "document is empty" in lowered:
        reason = "Die Datei ist kein XML"
    else:
        reason = "Die Datei ist kein wohlgeformtes XML"
    return f"{reason} (Parser: {detail})."


def _prolog_text(data: bytes) -> str:
    head = data[:PROLOG_WINDOW]
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", "replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", "replace")
    return head.decode("latin-1")  # markup in every ASCII-compatible encoding is ASCII


def _doctype_line(data: bytes) -> int | None:
    """Line of a DOCTYPE (or any other ``<!`` declaration) in the prolog; None when the root element comes first."""
    text = _prolog_text(data)
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            terminator = "?>"
        elif text.startswith("<!--", pos):
            terminator = "-->"
        elif text.startswith("<!", pos):
            return text.count("\n", 0, pos) + 1
        else:
            return None
        end = text.find(terminator, pos)
        if end < 0:
            return None  # prolog longer than the window: the check on the parsed tree decides
        pos = end + len(terminator)
    return None
