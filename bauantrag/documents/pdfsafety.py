"""PDF checks with pikepdf: refuse broken PDFs and decompression bombs, find and strip active content.

pikepdf (qpdf) resolves object streams and normalises hex-escaped names (/J#61vaScript is /JavaScript),
so hidden or obfuscated objects are seen like any other.
"""

from __future__ import annotations

import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, cast

import pikepdf
from django.utils.translation import gettext as _

from bauantrag.documents.validation import UploadRejected

MAX_STREAM_BYTES = 128 * 1024 * 1024  # inflated size of one stream
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # inflated size of all streams together
MAX_OBJECTS = 500_000
MAX_DEPTH = 64

# Action types (/S) that run code, leave the document or send data.
ACTIONS = {
    "/JavaScript": "JavaScript", "/Launch": "Launch", "/SubmitForm": "SubmitForm", "/ImportData": "ImportData",
    "/URI": "URI", "/GoToR": "GoToR", "/GoToE": "GoToE", "/RichMediaExecute": "RichMedia",
}
# Keys that trigger or carry active content; all are removed from the clerk's copy.
TRIGGER_KEYS = {"/OpenAction": "OpenAction", "/AA": "AA", "/XFA": "XFA"}
REMOVED_KEYS = (*TRIGGER_KEYS, "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/RichMediaContent",
                "/RichMediaSettings")
_INFLATING = {"/FlateDecode", "/Fl", "/LZWDecode", "/LZW", "/RunLengthDecode", "/RL"}
_WORST_RATIO = 1100  # DEFLATE cannot inflate more than ~1032:1; LZW and RunLength stay below that too


@dataclass
class PdfReport:
    findings: dict[str, int] = field(default_factory=dict)


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[Any]:
    """Every dictionary and stream of the file, indirect objects and their direct children alike."""
    def walk(obj: Any, depth: int) -> Iterator[Any]:
        if depth > MAX_DEPTH:
            raise UploadRejected(_("Die PDF-Datei ist zu tief verschachtelt und wird nicht angenommen."))
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            yield obj
            children = [obj[key] for key in list(obj.keys())]
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            return
        for child in children:
            if isinstance(child, pikepdf.Object) and not child.is_indirect:
                yield from walk(child, depth + 1)

    yield from walk(pdf.trailer, 0)
    for obj in pdf.objects:
        yield from walk(obj, 0)


def _name(value: Any) -> str:
    return str(value) if isinstance(value, pikepdf.Name) else ""


def _filters(stream: Any) -> list[str]:
    value = stream.get("/Filter")
    if isinstance(value, pikepdf.Array):
        return [_name(v) for v in value]
    return [_name(value)] if value is not None else []


def _inflated_size(stream: Any, budget: int) -> int:
    """The size of the stream after its first decompression step, counted without keeping the output."""
    filters = _filters(stream)
    if not filters or filters[0] not in _INFLATING:
        return 0
    raw = stream.read_raw_bytes()
    if filters[0] not in {"/FlateDecode", "/Fl"} or (len(filters) > 1 and filters[1] in _INFLATING):
        worst = len(raw) * _WORST_RATIO ** (2 if len(filters) > 1 and filters[1] in _INFLATING else 1)
        return worst if worst > budget else 0  # small enough that even the worst case is harmless
    inflater = zlib.decompressobj()
    total = 0
    data = raw
    while data and total <= budget:
        try:
            total += len(inflater.decompress(data, 1024 * 1024))
        except zlib.error:
            return total  # damaged stream: viewers stop here too
        data = inflater.unconsumed_tail
    return total


def _refuse_bombs(pdf: pikepdf.Pdf) -> None:
    if len(pdf.objects) > MAX_OBJECTS:
        raise UploadRejected(_("Die PDF-Datei enthält zu viele Objekte und wird nicht angenommen."))
    total = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        size = _inflated_size(obj, MAX_STREAM_BYTES)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
            raise UploadRejected(
                _("Die PDF-Datei entpackt sich auf mehr als %(mb)s MB (mögliche „Dekompressionsbombe“) und wird "
                  "nicht angenommen.") % {"mb": (MAX_STREAM_BYTES if size > MAX_STREAM_BYTES else MAX_TOTAL_BYTES)
                                           // 1_048_576}
            )


def _is_active(obj: Any) -> str:
    action = ACTIONS.get(_name(obj.get("/S")))
    if action:
        return action
    if "/JS" in obj:
        return "JavaScript"
    if _name(obj.get("/Subtype")) == "/RichMedia":
        return "RichMedia"
    if _name(obj.get("/Type")) == "/EmbeddedFile":
        return "EmbeddedFile"
    return ""


def _scan(pdf: pikepdf.Pdf, neutralise: bool) -> Counter[str]:
    findings: Counter[str] = Counter()
    for obj in _dictionaries(pdf):
        keys = set(obj.keys())
        kind = _is_active(obj)
        if kind:
            findings[kind] += 1
        findings.update(label for key, label in TRIGGER_KEYS.items() if key in keys)
        if not neutralise:
            continue
        if kind == "EmbeddedFile":
            for key in keys.intersection({"/Filter", "/DecodeParms", "/Params"}):
                del obj[key]
            obj.write(b"")
        elif kind in ACTIONS.values() or kind == "JavaScript":
            for key in keys:
                del obj[key]
            continue
        for key in keys.intersection(REMOVED_KEYS):
            del obj[key]
    return findings


def inspect(source: IO[bytes]) -> tuple[PdfReport, IO[bytes] | None]:
    """Check the PDF; return its findings and, when it has active content, a neutralised copy (rewound).

    Raises UploadRejected for broken, encrypted, bomb-like PDFs.
    """
    source.seek(0)
    try:
        pdf = pikepdf.open(cast(BinaryIO, source))
    except pikepdf.PasswordError:
        raise UploadRejected(
            _("Die PDF-Datei ist mit einem Kennwort geschützt. Bitte laden Sie sie ohne Kennwortschutz hoch.")
        ) from None
    except (pikepdf.PdfError, ValueError, RuntimeError, OSError):
        raise UploadRejected(
            _("Die PDF-Datei ist beschädigt und kann nicht gelesen werden. Bitte speichern oder exportieren Sie "
              "sie erneut als PDF.")
        ) from None
    try:
        with pdf:
            _refuse_bombs(pdf)
            findings = _scan(pdf, neutralise=False)
            if not findings:
                return PdfReport(), None
            _scan(pdf, neutralise=True)
            clean: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=2 * 1024 * 1024)  # noqa: SIM115
            pdf.save(cast(BinaryIO, clean), stream_decode_level=pikepdf.StreamDecodeLevel.none)
            clean.seek(0)
            return PdfReport(dict(sorted(findings.items()))), clean
    except pikepdf.PdfError:
        raise UploadRejected(_("Die PDF-Datei ist beschädigt und kann nicht gelesen werden.")) from None
    finally:
        source.seek(0)
