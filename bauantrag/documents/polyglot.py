"""Polyglots: a file that is also another file (SECURITY.md row 5). A PDF with a ZIP archive appended opens as the
PDF in a viewer and as the archive in an unpacker, and a virus scanner may look at only one of the two.

Refused: any upload that an unpacker opens as a ZIP archive with entries (its directory sits at the end, so
appending makes it: the end record is found within the last 64 kB and points back to a central directory; read from
the end record alone, because ``zipfile`` would first build an object per entry, millions for a crafted directory),
and data after the end of a PDF (its last ``%%EOF``), a PNG (``IEND``) or a
JPEG (its last end marker) beyond ``TOLERANCE`` bytes, or containing the signature of another format at all.
TIFF and IFC have no end marker; the ZIP check covers them.
"""

from __future__ import annotations

import re
import struct
from typing import IO

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bauantrag.documents.validation import FileKind, UploadRejected

TOLERANCE = 1024  # bytes some writers leave after the end (line breaks, NUL padding)
TAIL = 1024 * 1024  # how much of the end is searched for the end marker
_EOCD, _CENTRAL, _ZIP64_LOCATOR = b"PK\x05\x06", b"PK\x01\x02", b"PK\x06\x07"
_EOCD_SEARCH = 22 + 65535  # the end record and the longest archive comment
_END_MARKERS = {"application/pdf": b"%%EOF", "image/jpeg": b"\xff\xd9"}
# Signatures of other formats (and of markup a browser would run) that must not follow a file's end.
_SIGNATURES = re.compile(
    rb"PK\x03\x04|PK\x05\x06|%PDF-|\x89PNG|\xff\xd8\xff|GIF8[79]a|II\*\x00|MM\x00\*|MZ|\x7fELF|Rar!|7z\xbc\xaf|"
    rb"\x1f\x8b|ISO-10303-21|<(?i:html|script|svg|iframe|body|!doctype|\?xml)"
)


def check_polyglot(source: IO[bytes], kind: FileKind, png_end: int | None = None) -> None:
    """Raise UploadRejected when the upload is also a ZIP archive or has another file after its end.
    ``png_end``: the offset after a PNG's IEND chunk (documents.png found it)."""
    _refuse_archive(source, kind)
    end = png_end if kind.content_type == "image/png" else _end_of(source, kind)
    if end is None:
        return
    source.seek(end)
    trailing = source.read(TOLERANCE + 1)
    source.seek(0, 2)
    size = source.tell() - end
    source.seek(0)
    if size > TOLERANCE or _SIGNATURES.search(trailing):
        raise UploadRejected(
            _("Die Datei (%(kind)s) enthält nach ihrem Ende weitere Daten (%(size)s Bytes). Solche zusammengesetzten "
              "Dateien (Polyglotte) werden nicht angenommen. Bitte speichern oder exportieren Sie die Datei erneut.")
            % {"kind": kind.label, "size": f"{size:,}".replace(",", ".")}
        )


def _refuse_archive(source: IO[bytes], kind: FileKind) -> None:
    try:
        entries = _archive_entries(source)
    finally:
        source.seek(0)
    if entries:
        raise UploadRejected(
            ngettext("Die Datei (%(kind)s) ist zugleich ein ZIP-Archiv mit %(n)s Eintrag. Solche zusammengesetzten "
                     "Dateien (Polyglotte) werden nicht angenommen. Bitte laden Sie das Dokument allein hoch.",
                     "Die Datei (%(kind)s) ist zugleich ein ZIP-Archiv mit %(n)s Einträgen. Solche zusammengesetzten "
                     "Dateien (Polyglotte) werden nicht angenommen. Bitte laden Sie das Dokument allein hoch.",
                     entries)
            % {"kind": kind.label, "n": entries}
        )


def _archive_entries(source: IO[bytes]) -> int:
    """The entries of the ZIP archive the file ends with (as unpackers find it), or 0 when it does not end with one."""
    source.seek(0, 2)
    size = source.tell()
    start = max(0, size - _EOCD_SEARCH)
    source.seek(start)
    tail = source.read()
    found = tail.rfind(_EOCD)
    if found < 0 or len(tail) - found < 22:
        return 0
    entries, directory_size = struct.unpack("<HL", tail[found + 10: found + 16])
    if entries == 0xFFFF or directory_size == 0xFFFFFFFF:  # ZIP64: its locator stands right before the end record
        return entries if start + found >= 20 and _at(source, start + found - 20, _ZIP64_LOCATOR) else 0
    directory = start + found - directory_size  # where it is, also when the archive follows another file
    return entries if entries and directory >= 0 and _at(source, directory, _CENTRAL) else 0


def _at(source: IO[bytes], offset: int, signature: bytes) -> bool:
    source.seek(offset)
    return source.read(len(signature)) == signature


def _end_of(source: IO[bytes], kind: FileKind) -> int | None:
    """The offset after the file's last end marker; None when the kind has none or the file has no marker."""
    marker = _END_MARKERS.get(kind.content_type)
    if marker is None:
        return None
    source.seek(0, 2)
    size = source.tell()
    start = max(0, size - TAIL)
    source.seek(start)
    tail = source.read()
    found = tail.rfind(marker)
    if found >= 0:
        return start + found + len(marker)
    return _first_marker_before(source, marker, start)


def _first_marker_before(source: IO[bytes], marker: bytes, limit: int) -> int | None:
    """The end of the last marker before ``limit`` (the tail had none: much data follows it), read in blocks."""
    source.seek(0)
    position, last, carry = 0, None, b""
    while position < limit:
        block = source.read(min(TAIL, limit - position))
        if not block:
            break
        window = carry + block
        found = window.rfind(marker)
        if found >= 0:
            last = position - len(carry) + found + len(marker)
        carry = window[-(len(marker) - 1):]
        position += len(block)
    return last
