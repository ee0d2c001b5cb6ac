"""The file of an Einwendung (a letter or e-mail of the neighbour, a photo): checked like a Bauvorlage (content
sniffing, allowed kinds, size, virus scanner – unavailable means refused –, image bombs) and stored encrypted under a
random name with its SHA-256. It is no Bauvorlage of the case and is served only to the Bauaufsicht, as a download."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext as _

from bauantrag.documents import scanner, storage
from bauantrag.documents.images import check_image
from bauantrag.documents.validation import UploadRejected, check_upload, sanitise_display_name
from bauantrag.files import content_disposition

logger = logging.getLogger("bauantrag.neighbours")
CHUNK = 256 * 1024


@dataclass(frozen=True)
class Stored:
    name: str
    storage_name: str
    sha256: str
    size: int
    content_type: str


def _chunks(source: IO[bytes]) -> Iterator[bytes]:
    source.seek(0)
    while chunk := source.read(CHUNK):
        yield chunk


def store(tenant_id: object, upload: UploadedFile[bytes]) -> Stored:
    """Check and store the file; raises UploadRejected with a German message (nothing is stored then)."""
    name = sanitise_display_name(upload.name or "")
    upload.seek(0)
    head = upload.read(64)
    kind = check_upload(name, head, upload.size or 0, settings.DOCUMENT_MAX_BYTES)
    source: IO[bytes] = upload.file  # type: ignore[assignment]
    if scanner.configured():
        try:
            result = scanner.scan(_chunks(source))
        except scanner.ScannerUnavailable as exc:
            logger.error("Virus scanner unavailable, attachment refused: %s", exc)
            raise UploadRejected(_("Virenprüfung derzeit nicht möglich – bitte später erneut versuchen.")) from exc
        if not result.clean:
            raise UploadRejected(_("Schadsoftware erkannt (%(name)s). Die Datei wurde nicht angenommen.")
                                 % {"name": result.signature})
    if kind.content_type.startswith("image/"):
        check_image(source, kind.content_type)
    storage_name, size, sha256 = storage.write(tenant_id, _chunks(source))
    return Stored(name, storage_name, sha256, size, kind.content_type)


def discard(tenant_id: object, stored: Stored | None) -> None:
    if stored is not None:
        storage.delete(tenant_id, stored.storage_name)


def serve(tenant_id: object, storage_name: str, sha256: str, content_type: str, name: str) -> FileResponse:
    """Always a download (never shown inline); raises storage's error if the file fails its integrity check."""
    handle = storage.open_for_read(tenant_id, storage_name, sha256)
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition("attachment", name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
