"""What an upload is, decided by its content, not its name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.utils.translation import gettext as _


class UploadRejected(ValueError):
    """The upload is refused; the message is shown to the user as it is."""


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extensions: frozenset[str]
    label: str


PDF = FileKind("application/pdf", frozenset({".pdf"}), "PDF")
PNG = FileKind("image/png", frozenset({".png"}), "PNG-Bild")
JPEG = FileKind("image/jpeg", frozenset({".jpg", ".jpeg"}), "JPEG-Bild")
TIFF = FileKind("image/tiff", frozenset({".tif", ".tiff"}), "TIFF-Bild")
IFC = FileKind("application/x-step", frozenset({".ifc"}), "IFC-Modell")
ALLOWED = (PDF, PNG, JPEG, TIFF, IFC)

_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def sniff(head: bytes) -> FileKind | None:
    """The kind of file its first bytes show, or None when it is none we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"ISO-10303-21;"):
        return IFC
    return None


def sanitise_display_name(name: str) -> str:
    """A display name safe to show and to put in a header: no path, no control or bidi characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" and ch not in '"\\/<>|:*?')
    name = name.strip(" .")
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 140] + dot + ext[:9]) if dot and len(ext) <= 9 else name[:150]
    if not name or _WINDOWS_RESERVED.match(name):
        suffix = PurePosixPath(name).suffix if name else ""
        name = "Dokument" + (suffix if suffix[1:].isalnum() and len(suffix) <= 10 else "")
    return name


def check_upload(display_name: str, head: bytes, size: int, max_bytes: int) -> FileKind:
    """Raise UploadRejected with a clear German message, or return the detected kind."""
    if size == 0:
        raise UploadRejected(_("Die Datei ist leer."))
    if size > max_bytes:
        raise UploadRejected(
            _("Die Datei ist zu groß (%(size)s MB, höchstens %(max)s MB).")
            % {"size": round(size / 1_048_576, 1), "max": round(max_bytes / 1_048_576)}
        )
    kind = sniff(head)
    if kind is None:
        raise UploadRejected(
            _("Dateiformat nicht zulässig. Erlaubt sind PDF, PNG, JPEG, TIFF und IFC; der Inhalt der Datei "
              "entspricht keinem dieser Formate.")
        )
    suffix = PurePosixPath(display_name.lower()).suffix
    if suffix not in kind.extensions:
        raise UploadRejected(
            _("Die Datei „%(name)s“ ist nach ihrem Inhalt ein %(kind)s, trägt aber die Endung „%(suffix)s“. "
              "Bitte laden Sie die Datei mit der richtigen Endung hoch.")
            % {"name": display_name, "kind": kind.label, "suffix": suffix or "(keine)"}
        )
    return kind
