"""Images are stored as uploaded; Pillow only reads their headers to bound the declared pixel count."""

from __future__ import annotations

import warnings
from typing import IO

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from bauantrag.documents.validation import UploadRejected

MAX_PIXELS = 100_000_000  # per image or page
MAX_FRAMES = 500
_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/tiff": "TIFF"}


def check_image(source: IO[bytes], content_type: str) -> None:
    """Raise UploadRejected for unreadable images and for declared sizes above MAX_PIXELS (no pixel is decoded)."""
    source.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source, formats=[_FORMATS[content_type]]) as image:
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_FRAMES:
                    raise UploadRejected(_("Die Bilddatei hat zu viele Seiten (höchstens %(n)s).") % {"n": MAX_FRAMES})
                for frame in range(frames):
                    if frame:
                        image.seek(frame)
                    width, height = image.size
                    if width * height > MAX_PIXELS:
                        raise UploadRejected(_too_large(width, height))
    except UploadRejected:
        raise
    except Image.DecompressionBombError:
        raise UploadRejected(_too_large(0, 0)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise UploadRejected(_("Die Bilddatei ist beschädigt und kann nicht gelesen werden.")) from None
    finally:
        source.seek(0)


def _too_large(width: int, height: int) -> str:
    size = f" ({width} × {height} Pixel)" if width else ""
    return _("Das Bild ist zu groß%(size)s; erlaubt sind höchstens %(mp)s Megapixel.") % {
        "size": size, "mp": MAX_PIXELS // 1_000_000}
