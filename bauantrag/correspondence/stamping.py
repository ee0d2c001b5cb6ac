"""The Genehmigungsvermerk on every page of an approved Bauvorlage (§ 74 Abs. 2 Satz 3 BauO NRW: "Eine
Ausfertigung der mit einem Genehmigungsvermerk versehenen Bauvorlagen ist … zugänglich zu machen").

Pure functions on bytes (pikepdf, Pillow): the stamp is an overlay drawn after the page's own content, which is
wrapped in q/Q so nothing of the page's graphics state leaks into it; the page content itself is not changed.
An image (PNG, JPEG, TIFF) is first put on PDF pages. Text uses the standard Helvetica font (WinAnsi).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from PIL import Image

FONT_SIZE = 7.0
LINE_HEIGHT = 8.6
BOX_WIDTH = 235.0
MARGIN = 12.0
PAGE_LIMIT = 2000


class StampError(ValueError):
    """The file cannot be stamped (damaged, encrypted, no pages)."""


@dataclass(frozen=True)
class Stamped:
    data: bytes
    pages: int


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _overlay(lines: list[str], font: str, left: float, bottom: float) -> bytes:
    height = LINE_HEIGHT * len(lines) + 8
    parts = [
        b"Q q",
        b"1 1 1 rg 0.114 0.306 0.537 RG 1.2 w",
        f"{left:.2f} {bottom:.2f} {BOX_WIDTH:.2f} {height:.2f} re B".encode(),
        b"BT 0.114 0.306 0.537 rg",
        f"/{font} {FONT_SIZE} Tf {left + 5:.2f} {bottom + height - 4 - FONT_SIZE:.2f} Td {LINE_HEIGHT} TL".encode(),
    ]
    for index, line in enumerate(lines):
        parts.append((b"" if index == 0 else b"T* ") + _pdf_string(line) + b" Tj")
    parts += [b"ET Q"]
    return b"\n".join(parts) + b"\n"


def image_to_pdf(data: bytes) -> bytes:
    """An image Bauvorlage as a PDF (one page per frame, 150 dpi assumed where the file names none)."""
    with Image.open(io.BytesIO(data)) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("RGB"))
        resolution = float((image.info.get("dpi") or (150, 150))[0]) or 150.0
    out = io.BytesIO()
    frames[0].save(out, format="PDF", save_all=True, append_images=frames[1:], resolution=resolution)
    return out.getvalue()


def stamp_pdf(data: bytes, lines_for_page: list[str], *, page_label: str = "Seite {page} von {pages}") -> Stamped:
    """Each page gets the box with ``lines_for_page`` and "Seite n von m" in its upper right corner."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, pikepdf.PasswordError) as exc:
        raise StampError(str(exc)) from exc
    with pdf:
        count = len(pdf.pages)
        if count == 0 or count > PAGE_LIMIT:
            raise StampError(f"{count} Seiten")
        font = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for number, page in enumerate(pdf.pages, start=1):
            lines = [*lines_for_page, page_label.format(page=number, pages=count)]
            name = str(page.add_resource(font, pikepdf.Name.Font, prefix="FVermerk"))
            box = [float(v) for v in page.cropbox]
            height = LINE_HEIGHT * len(lines) + 8
            left = max(box[0] + 2, box[2] - BOX_WIDTH - MARGIN)
            bottom = max(box[1] + 2, box[3] - height - MARGIN)
            page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, _overlay(lines, name.lstrip("/"), left, bottom)), prepend=False)
        out = io.BytesIO()
        pdf.save(out)
    return Stamped(data=out.getvalue(), pages=count)
