"""What an upload is, decided by its content, not its name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from bauantrag.files import UploadRejected, sanitise_display_name

__all__ = ["ALLOWED", "FileKind", "UploadRejected", "check_upload", "sanitise_display_name", "sniff"]


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
