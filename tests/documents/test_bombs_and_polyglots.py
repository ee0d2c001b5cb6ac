"""Polyglots and decompression bombs at upload (SECURITY.md rows 2 and 5; ASVS 5.2.3, 5.2.6): refused with a
German message that names what was refused, nothing stored, the refusal in the audit trail.

The findings reproduced: a PDF with a ZIP archive appended was accepted; a PNG with a zTXt bomb passed the upload.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

import pytest
from django.test import Client
from PIL import Image, PngImagePlugin

from bauantrag.audit.models import AuditEvent
from bauantrag.documents.events import DocumentEvent
from tests.documents.helpers import nothing_stored, upload
from tests.factories import draft_case
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(*extra: bytes, size: tuple[int, int] = (4, 3), idat: bytes | None = None, interlace: int = 0) -> bytes:
    """An RGB PNG with the given chunks after its image data (as Pillow reads them only when decoding pixels)."""
    width, height = size
    raw = (b"\0" + b"\xff" * 3 * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, interlace))
            + chunk(b"IDAT", zlib.compress(raw if idat is None else idat, 9)) + b"".join(extra)
            + chunk(b"IEND", b""))  # fmt: skip


def ztxt(size: int) -> bytes:
    return chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"\0" * size, 9))


def itxt(size: int) -> bytes:
    return chunk(b"iTXt", b"XML:com.adobe.xmp\0\x01\0de\0\0" + zlib.compress(b" " * size, 9))


def a_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("payload.html", "<script>alert(1)</script>")
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "JPEG")
    return out.getvalue()


def tiff() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "TIFF")
    return out.getvalue()


def refused(client: Client, case: Any, name: str, content: bytes, *expected: str) -> str:
    response = upload(client, case, name, content, "2003")
    assert response.status_code == 400, response.content
    detail = response.json()["errors"][0]["detail"]
    for part in expected:
        assert part in detail, detail
    assert nothing_stored()
    assert AuditEvent.objects.filter(event=DocumentEvent.DOCUMENT_REJECTED, after__reason=detail).exists()
    return str(detail)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("plan.pdf", minimal_pdf() + a_zip(), "Die Datei (PDF) ist zugleich ein ZIP-Archiv mit 1 Eintrag."),
        ("plan.pdf", minimal_pdf() + a_zip() + b"\n%%EOF\n", "Die Datei (PDF) ist zugleich ein ZIP-Archiv"),
        ("plan.pdf", minimal_pdf() + b"<html><script>alert(1)</script></html>",
         "Die Datei (PDF) enthält nach ihrem Ende weitere Daten (39 Bytes)"),
        ("plan.pdf", minimal_pdf() + b" " * 2000,
         "Die Datei (PDF) enthält nach ihrem Ende weitere Daten (2.001 Bytes)"),
        ("foto.png", png() + a_zip(), "Die Datei (PNG-Bild) ist zugleich ein ZIP-Archiv"),
        ("foto.png", png() + b"<html><script>alert(1)</script></html>",
         "Die Datei (PNG-Bild) enthält nach ihrem Ende weitere Daten"),
        ("foto.jpg", jpeg() + b"<svg onload=alert(1)>", "Die Datei (JPEG-Bild) enthält nach ihrem Ende weitere Daten"),
        ("scan.tif", tiff() + a_zip(), "Die Datei (TIFF-Bild) ist zugleich ein ZIP-Archiv"),
    ],
    ids=["pdf-zip", "pdf-zip-eof", "pdf-html", "pdf-padding", "png-zip", "png-html", "jpeg-svg", "tiff-zip"],
)
def test_polyglots_are_refused(applicant: Any, applicant_client: Client, name: str, content: bytes,
                               expected: str) -> None:
    detail = refused(applicant_client, draft_case(applicant), name, content, expected)
    assert "Polyglotte" in detail


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (png(ztxt(1024 ** 3)), "komprimierten Text (zTXt), der entpackt mehr als 1 MB ergäbe"),
        (png(itxt(64 * 1024 ** 2)), "komprimierten Text (iTXt), der entpackt mehr als 1 MB ergäbe"),
        (png(*[ztxt(1000 * 1024)] * 9), "komprimierten Text (zTXt), der entpackt mehr als 8 MB ergäbe"),
        (png(size=(100, 100), idat=b"\0" * 200 * 1024 ** 2), "Die Bilddaten der PNG-Datei ergäben entpackt mehr"),
        (png(size=(100, 100), idat=b"\0" * 2 * 100 * 301, interlace=1),
         "Die Bilddaten der PNG-Datei ergäben entpackt mehr"),
    ],
    ids=["ztxt-1gb", "itxt-64mb", "ztxt-many", "idat-200mb", "idat-interlaced-twice"],
)
def test_png_decompression_bombs_are_refused(applicant: Any, applicant_client: Client, content: bytes,
                                             expected: str) -> None:
    assert len(content) < 1024 * 1024  # the bomb is small; what it inflates to is not
    detail = refused(applicant_client, draft_case(applicant), "bombe.png", content, expected)
    assert "Dekomprimierungsbombe" in detail


def test_a_truncated_png_is_refused_as_damaged(applicant: Any, applicant_client: Client) -> None:
    whole = png(ztxt(100))
    refused(applicant_client, draft_case(applicant), "halb.png", whole[: len(whole) - 30],
            "Die Bilddatei ist beschädigt")


def test_ordinary_files_with_metadata_and_padding_are_stored(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "Lageplan " * 2000, zip=True)
    info.add_itxt("Beschreibung", "Grundriss Erdgeschoss " * 1000, lang="de", zip=True)
    out = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(out, "PNG", pnginfo=info, icc_profile=b"\0" * 200_000)
    # Adam7 passes of 10 × 10 RGB pixels: rows × (filter byte + 3 bytes per pixel) = 14 + 8 + 10 + 21 + 32 + 80 + 155
    interlaced = png(size=(10, 10), idat=b"\0" * 320, interlace=1)
    for name, content in (("foto.png", out.getvalue()), ("zeilensprung.png", interlaced),
                          ("plan.pdf", minimal_pdf() + b"\r\n\0\0\0\0"), ("foto.jpg", jpeg() + b"\0" * 16),
                          ("scan.tif", tiff())):
        response = upload(applicant_client, case, name, content, "2003")
        assert response.status_code == 201, (name, response.content)
