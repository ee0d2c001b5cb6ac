"""What every app that takes or serves a file shares: the error of a refused upload, a display name safe to show
and to put in a header, and the Content-Disposition of a download. Below all apps (documents, plans, parcels,
correspondence use it); the limits of the child process that reads imported plans and parcels."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from bauantrag.sandbox import ChildLimits


class UploadRejected(ValueError):
    """The upload is refused; the message is shown to the user as it is."""


_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


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


def content_disposition(kind: str, name: str) -> str:
    """RFC 6266 header value: an ASCII fallback and the exact UTF-8 name in filename*."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(ch if ch.isprintable() and ch not in '"\\;' else "_" for ch in ascii_name)
    return f"{kind}; filename=\"{ascii_name or 'Dokument'}\"; filename*=UTF-8''{quote(name, safe='')}"


def import_limits() -> ChildLimits:
    """The limits of the child process that reads an imported Bebauungsplan or Flurstücksdatei (settings IMPORT_*)."""
    from django.conf import settings

    return ChildLimits(memory_mb=int(settings.IMPORT_MEMORY_MB), seconds=float(settings.IMPORT_TIMEOUT))
