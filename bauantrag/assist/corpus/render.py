"""Rendering a Sample as PDF: a text PDF with WeasyPrint (varied CSS), or a scanned-looking image-only PDF.

Scanned pages are drawn with Pillow at 200–300 dpi, then slightly rotated, blurred, noised and JPEG-compressed,
and saved as a PDF without a text layer, as a scanner would produce. Everything is deterministic per sample.
"""

from __future__ import annotations

import html
import io
import random
import textwrap
from functools import lru_cache
from typing import Any

from bauantrag.assist.corpus.model import Block, Sample

N_STYLES = 6
TEST_ONLY_STYLES = frozenset({5})
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
_FONTS = ("DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed", "DejaVuSans", "DejaVuSerifCondensed", "DejaVuSansMono")
_CSS_FAMILY = (
    "DejaVu Sans",
    "DejaVu Serif",
    "DejaVu Sans Condensed",
    "DejaVu Sans",
    "DejaVu Serif Condensed",
    "DejaVu Sans Mono",
)


def _is_drawing_page(blocks: list[Block]) -> bool:
    return any(b.kind == "drawing" for b in blocks)


# ------------------------------------------------------------------------------------------ text PDF
def _css(style: int, rng: random.Random) -> str:
    family = _CSS_FAMILY[style]
    size = rng.choice((9, 9.5, 10, 10.5, 11, 12))
    margin = rng.choice((14, 18, 20, 25))
    accent = rng.choice(("#000", "#1a3d6d", "#6d1a1a", "#205020", "#444"))
    upper = "uppercase" if style in (2, 4) else "none"
    border = rng.choice(("1px solid #333", "0.5pt solid #888", "none"))
    return f"""
    @page {{ size: A4; margin: {margin}mm; }}
    @page plan {{ size: A4 landscape; margin: 8mm; }}
    body {{ font-family: "{family}"; font-size: {size}pt; line-height: {rng.choice((1.25, 1.35, 1.5))}; }}
    section {{ break-after: page; }} section:last-child {{ break-after: auto; }}
    section.plan {{ page: plan; }}
    h1 {{ font-size: 1.6em; color: {accent}; text-transform: {upper}; margin: 0.3em 0; }}
    h2 {{ font-size: 1.25em; color: {accent}; border-bottom: {border}; }}
    h3 {{ font-size: 1.05em; margin: 0.6em 0 0.2em; }}
    .small {{ font-size: 0.8em; color: #444; }}
    table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0; }}
    td, th {{ border: {border if border != "none" else "0.5pt solid #bbb"}; padding: 2pt 4pt; text-align: left; }}
    th {{ background: {rng.choice(("#eee", "#dde6f0", "#fff"))}; }}
    table.kv td:first-child {{ width: 35%; font-weight: bold; }}
    .letterhead {{ text-align: right; font-size: 0.85em; margin-bottom: 1.5em; }}
    .address {{ margin: 1em 0 2em; }}
    .sig {{ margin-top: 2.5em; border-top: 0.5pt solid #000; width: 60%; padding-top: 4pt; }}
    .stamp {{ border: 2px solid {accent}; padding: 6pt; width: 70%; margin: 1em 0; }}
    figure {{ margin: 0.6em 0; }} figcaption {{ font-size: 0.9em; }}
    svg text {{ font-family: "{family}"; }}
    """


def _svg_drawing(block: Block, rng: random.Random) -> str:
    width, height = 1000, 680
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%">',
        f'<rect x="2" y="2" width="{width - 4}" height="{height - 4}" fill="none" stroke="#000" stroke-width="2"/>',
    ]
    for _ in range(rng.randint(6, 18)):
        x, y = rng.randint(30, 640), rng.randint(30, 560)
        w, h = rng.randint(40, 260), rng.randint(30, 200)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="none" stroke="#222" '
            f'stroke-width="{rng.choice((1, 2, 3))}"/>'
        )
    for _ in range(rng.randint(4, 14)):
        parts.append(
            f'<line x1="{rng.randint(20, 700)}" y1="{rng.randint(20, 640)}" x2="{rng.randint(20, 700)}" '
            f'y2="{rng.randint(20, 640)}" stroke="#555" stroke-width="1"/>'
        )
    long_labels = [label for label in block.items if len(label) > 24]
    short_labels = [label for label in block.items if len(label) <= 24]
    for label in short_labels:
        for line_no, line in enumerate(label.split("\n")):
            parts.append(
                f'<text x="{rng.randint(30, 620)}" y="{rng.randint(30, 650) + line_no * 14}" '
                f'font-size="{rng.choice((11, 12, 13, 15))}">{html.escape(line)}</text>'
            )
    box_y = height - 14 * len(long_labels) - 20
    parts.append(
        f'<rect x="700" y="{box_y - 16}" width="292" height="{height - box_y + 10}" fill="#fff" stroke="#000"/>'
    )
    for n, label in enumerate(long_labels):
        parts.append(f'<text x="706" y="{box_y + n * 14}" font-size="9">{html.escape(label[:60])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_photo(rng: random.Random) -> str:
    sky = rng.choice(("#9fb8d0", "#c7d3dd", "#b0c4de", "#d9d9d9"))
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 260" width="80%">',
        f'<rect width="400" height="260" fill="{sky}"/>',
        f'<rect y="{rng.randint(150, 200)}" width="400" height="120" '
        f'fill="{rng.choice(("#7a8b5a", "#8c8c8c", "#6b7b4b"))}"/>',
    ]
    for _ in range(rng.randint(1, 4)):
        x, w, h = rng.randint(0, 320), rng.randint(50, 160), rng.randint(50, 130)
        parts.append(
            f'<rect x="{x}" y="{190 - h}" width="{w}" height="{h}" '
            f'fill="{rng.choice(("#d8c8b0", "#a0522d", "#eeeeee", "#b5a58f"))}"/>'
        )
        parts.append(f'<polygon points="{x},{190 - h} {x + w / 2},{150 - h} {x + w},{190 - h}" fill="#5a3a2a"/>')
    parts.append("</svg>")
    return "".join(parts)


def _block_html(block: Block, rng: random.Random) -> str:
    e = html.escape
    kind = block.kind
    if kind in ("h1", "h2", "h3"):
        return f"<{kind}>{e(block.text)}</{kind}>"
    if kind == "p":
        return f"<p>{e(block.text)}</p>"
    if kind == "small":
        return f'<p class="small">{e(block.text)}</p>'
    if kind in ("ul", "ol"):
        return f"<{kind}>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + f"</{kind}>"
    if kind in ("kv", "table"):
        rows = []
        for index, row in enumerate(block.rows):
            cell = "th" if (kind == "table" and block.header and index == 0) else "td"
            rows.append("<tr>" + "".join(f"<{cell}>{e(c)}</{cell}>" for c in row) + "</tr>")
        return f'<table class="{kind}">' + "".join(rows) + "</table>"
    if kind in ("letterhead", "address", "sig", "stamp"):
        return f'<div class="{kind}">' + "<br>".join(e(line) for line in block.items) + "</div>"
    if kind == "drawing":
        return _svg_drawing(block, rng)
    if kind == "photo":
        return f"<figure>{_svg_photo(rng)}<figcaption>{e(block.text)}</figcaption></figure>"
    raise ValueError(kind)


def sample_html(sample: Sample) -> str:
    rng = random.Random(sample.seed ^ 0x5EED)  # noqa: S311 - layout noise only
    sections = []
    for blocks in sample.layout:
        cls = ' class="plan"' if _is_drawing_page(blocks) else ""
        sections.append(f"<section{cls}>" + "".join(_block_html(b, rng) for b in blocks) + "</section>")
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(sample.title)}</title>'
        f"<style>{_css(sample.style, rng)}</style></head><body>{''.join(sections)}</body></html>"
    )


# ------------------------------------------------------------------------------------------ scanned
@lru_cache(maxsize=64)
def _font(name: str, size: int) -> object:
    from PIL import ImageFont

    return ImageFont.truetype(f"{FONT_DIR}{name}.ttf", size)


def _draw_page(blocks: list[Block], style: int, dpi: int, rng: random.Random) -> object:
    from PIL import Image, ImageDraw

    landscape = _is_drawing_page(blocks)
    width_mm, height_mm = (297, 210) if landscape else (210, 297)
    width, height = int(width_mm / 25.4 * dpi), int(height_mm / 25.4 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    base = _FONTS[style]
    pt = rng.choice((10, 10.5, 11, 12))
    px = max(12, int(pt / 72 * dpi))
    font = _font(base, px)
    bold = _font("DejaVuSans-Bold" if "Serif" not in base else "DejaVuSerif-Bold", int(px * 1.3))
    margin = int(20 / 25.4 * dpi)
    y = margin
    line_h = int(px * 1.45)

    def text_line(x: int, line: str, f: object = font) -> None:
        nonlocal y
        draw.text((x, y), line, fill=rng.randint(0, 60), font=f)  # type: ignore[arg-type]
        y += line_h

    def wrapped(x: int, text: str, f: object = font) -> None:
        chars = max(20, int((width - x - margin) / (px * 0.55)))
        for paragraph in text.split("\n"):
            for line in textwrap.wrap(paragraph, chars) or [""]:
                text_line(x, line, f)

    for block in blocks:
        if y > height - margin - line_h:
            break
        kind = block.kind
        if kind in ("h1", "h2", "h3"):
            y += line_h // 2
            wrapped(margin, block.text, bold)
        elif kind in ("p", "small"):
            wrapped(margin, block.text)
            y += line_h // 3
        elif kind in ("ul", "ol"):
            for n, item in enumerate(block.items, start=1):
                wrapped(margin + px, (f"{n}. " if kind == "ol" else "• ") + item)
        elif kind in ("kv", "table"):
            columns = max(len(r) for r in block.rows) if block.rows else 1
            col_w = (width - 2 * margin) // columns
            chars = max(8, int(col_w / (px * 0.55)) - 1)
            for row in block.rows:
                top = y
                lines_max = 1
                for c, cell in enumerate(row):
                    lines = textwrap.wrap(cell, chars) or [""]
                    lines_max = max(lines_max, len(lines))
                    for n, line in enumerate(lines):
                        draw.text((margin + c * col_w + 6, top + n * line_h), line, fill=20, font=font)  # type: ignore[arg-type]
                y = top + lines_max * line_h + 4
                if style % 2 == 0:
                    draw.line((margin, y - 2, width - margin, y - 2), fill=120, width=1)
        elif kind == "letterhead":
            for line in block.items:
                w = int(draw.textlength(line, font=font))  # type: ignore[arg-type]
                draw.text((width - margin - w, y), line, fill=30, font=font)  # type: ignore[arg-type]
                y += line_h
            y += line_h
        elif kind in ("address", "sig", "stamp"):
            y += line_h // 2
            if kind == "sig":
                y += line_h
                draw.line((margin, y - 4, margin + width // 3, y - 4), fill=0, width=2)
            top = y
            for line in block.items:
                wrapped(margin + (8 if kind == "stamp" else 0), line)
            if kind == "stamp":
                draw.rectangle((margin - 4, top - 6, width - margin, y + 4), outline=40, width=3)
            y += line_h // 2
        elif kind == "photo":
            box_h = int(height * rng.uniform(0.18, 0.26))
            box_w = int((width - 2 * margin) * 0.8)
            for _ in range(rng.randint(2, 6)):
                x0, y0 = margin + rng.randint(0, box_w - 60), y + rng.randint(0, box_h - 40)
                draw.rectangle(
                    (
                        x0,
                        y0,
                        min(margin + box_w, x0 + rng.randint(40, box_w // 2)),
                        min(y + box_h, y0 + rng.randint(30, box_h)),
                    ),
                    fill=rng.randint(60, 200),
                )
            draw.rectangle((margin, y, margin + box_w, y + box_h), outline=0, width=2)
            y += box_h + line_h // 2
            wrapped(margin, block.text)
            y += line_h // 2
        elif kind == "drawing":
            area = (margin, margin, int(width * 0.72), height - margin)
            for _ in range(rng.randint(6, 16)):
                x0, y0 = rng.randint(area[0], area[2] - 80), rng.randint(area[1], area[3] - 80)
                draw.rectangle(
                    (x0, y0, min(area[2], x0 + rng.randint(60, 500)), min(area[3], y0 + rng.randint(40, 400))),
                    outline=rng.randint(0, 90),
                    width=rng.choice((1, 2, 3)),
                )
            long_labels = [label for label in block.items if len(label) > 24]
            small = _font(base, max(10, int(px * 0.85)))
            for label in (label for label in block.items if len(label) <= 24):
                ly = rng.randint(area[1], area[3] - 2 * line_h)
                for n, line in enumerate(label.split("\n")):
                    draw.text((rng.randint(area[0], area[2] - 150), ly + n * line_h), line, fill=10, font=small)  # type: ignore[arg-type]
            x_box = int(width * 0.74)
            y = height - margin - line_h * (len(long_labels) + 1)
            draw.rectangle((x_box - 8, y - 8, width - margin + 4, height - margin + 4), outline=0, width=2)
            chars = int((width - margin - x_box) / (px * 0.47))
            for label in long_labels:
                draw.text((x_box, y), label[:chars], fill=10, font=small)  # type: ignore[arg-type]
                y += line_h
        else:
            raise ValueError(kind)
    return image


def _degrade(image: object, rng: random.Random) -> object:
    import numpy as np
    from PIL import Image, ImageFilter

    assert isinstance(image, Image.Image)
    angle = rng.uniform(-1.6, 1.6)
    image = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    pixels = np.asarray(image, dtype=np.int16)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, rng.uniform(4, 14), pixels.shape)
    pixels = np.clip(pixels + noise + rng.randint(-12, 0), 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, mode="L")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(35, 75))
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def scanned_pages(sample: Sample) -> tuple[list[object], int]:
    """The pages of the scanned-looking rendering as Pillow images, and their resolution in dpi."""
    rng = random.Random(sample.seed ^ 0x5CA9)  # noqa: S311 - layout noise only
    dpi = rng.choice((200, 200, 240, 300))
    return [_degrade(_draw_page(blocks, sample.style, dpi, rng), rng) for blocks in sample.layout], dpi


def render_pdf(sample: Sample) -> bytes:
    """The PDF of the sample: a text PDF (WeasyPrint), or without text layer when ``sample.scanned``."""
    if sample.scanned:
        images, dpi = scanned_pages(sample)
        buffer = io.BytesIO()
        first, *rest = images
        first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=float(dpi))  # type: ignore[attr-defined]
        return buffer.getvalue()
    import importlib

    weasyprint: Any = importlib.import_module("weasyprint")  # untyped package
    pdf = weasyprint.HTML(string=sample_html(sample)).write_pdf()
    return bytes(pdf)
