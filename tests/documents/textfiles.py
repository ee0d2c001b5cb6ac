"""Real files for the text-reading tests, made in code: text PDFs (WeasyPrint), scans (Pillow + DejaVu), images."""

from __future__ import annotations

import difflib
import io
import re
import zlib
from typing import Any

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from PIL import Image, ImageDraw, ImageFont

from bauantrag.cases.models import Case
from bauantrag.documents import storage
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
A4_300DPI = (2480, 3508)

BAUBESCHREIBUNG = [
    "Baubeschreibung zum Bauantrag",
    "Flurstück 123/4 in der Gemarkung Unna",
    "Größe des Grundstücks: 612 m²",
    "Überbaute Fläche: 98 m²",
]


def text_pdf(pages: list[str]) -> bytes:
    """A real text PDF (WeasyPrint), one HTML fragment per page; the fragments are HTML as given."""
    from weasyprint import HTML

    body = "".join(f'<section style="page-break-after: always">{page}</section>' for page in pages)
    head = '<head><meta charset="utf-8"></head>'
    html = f'<html lang="de">{head}<body style="font-family: DejaVu Sans">{body}</body></html>'
    return bytes(HTML(string=html).write_pdf())


def scanned_page(lines: list[str], size: tuple[int, int] = A4_300DPI, font_size: int = 48) -> Image.Image:
    """A page as a scanner delivers it: grey pixels, no text layer, 300 dpi."""
    image = Image.new("L", size, 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_size)
    for index, line in enumerate(lines):
        draw.text((220, 260 + index * int(font_size * 2.2)), line, font=font, fill=20)
    return image


def scanned_pdf(pages: list[list[str]]) -> bytes:
    images = [scanned_page(lines) for lines in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return out.getvalue()


def image_file(lines: list[str], fmt: str, frames: int = 1) -> bytes:
    pages = [scanned_page(lines if not index else [*lines, f"Blatt {index + 1}"]) for index in range(frames)]
    out = io.BytesIO()
    options: dict[str, Any] = {"dpi": (300, 300)}
    if frames > 1:
        options.update(save_all=True, append_images=pages[1:])
    pages[0].save(out, fmt, **options)
    return out.getvalue()


def merged(*pdfs: bytes) -> bytes:
    """The pages of several PDFs in one file (pikepdf)."""
    target = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(data)) for data in pdfs]
    for source in sources:
        target.pages.extend(source.pages)
    out = io.BytesIO()
    target.save(out)
    for source in sources:
        source.close()
    return out.getvalue()


def encrypted(pdf: bytes, password: str = "geheim") -> bytes:  # noqa: S107 - a test file
    with pikepdf.open(io.BytesIO(pdf)) as source:
        out = io.BytesIO()
        source.save(out, encryption=pikepdf.Encryption(user=password, owner=password + "-owner"))
        return out.getvalue()


def image_pdf(width: int, height: int, data: bytes, media_box: str = "0 0 595 842") -> bytes:
    """A hand-written PDF showing one grey image XObject with the declared size and the given Flate data."""
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box.encode() + b"] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(data)) + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zeros_deflated(megabytes: int) -> bytes:
    packer = zlib.compressobj(9)
    block = bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def upload_and_read(case: Case, name: str, content: bytes, document_type: str = "1502") -> Document:
    """Upload through the real action and run what it schedules after commit (the text task, eager)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = upload_document(case.applicant, case, SimpleUploadedFile(name, content), document_type)
    document.refresh_from_db()
    return document


def store_unchecked(case: Case, name: str, content: bytes, content_type: str) -> Document:
    """A file stored (encrypted, as always) without the upload checks: data from before those checks existed.

    Used for what the upload refuses today, to show that the text reader copes on its own too.
    """
    storage_name, size, sha256 = storage.write(case.tenant_id, [content])
    return Document.objects.create(
        tenant_id=case.tenant_id, case=case, document_type="1502", display_name=name, storage_name=storage_name,
        content_type=content_type, size=size, sha256=sha256, round=case.round + 1, uploaded_by=case.applicant,
    )


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def ocr_found(word: str, text: str, cutoff: float = 0.8) -> bool:
    """The word is in the OCR text, exactly or with at most a letter or two misread (OCR noise)."""
    candidates = words(text)
    return word in candidates or bool(difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff))
