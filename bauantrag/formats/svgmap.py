"""A small offline map: shapely geometries in metres (EPSG:25832) + styles → one self-contained SVG string.

Pure Python (shapely only), no Django: the plan register, the case view and the HTML check report draw with it.
Everything is drawn from the project's own vector data; no tiles, no scripts, no external references. All text
is escaped. The map is one ``role="img"`` with ``<title>`` and ``<desc>``; the legend is drawn under the map and
the caller should repeat it as text next to the image (screen readers read only title and description).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shapely.geometry import LinearRing, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")
FONT = "Arial, Helvetica, sans-serif"
BAND = 48.0  # the strip under the map with the scale bar and the north arrow


def esc(text: object) -> str:
    """Text or attribute value, escaped for XML (quotes included), without characters XML 1.0 forbids."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)


@dataclass(frozen=True)
class Hatch:
    """A fill pattern: parallel lines at ``angle`` degrees (0 = horizontal) or dots, over a background colour."""

    name: str  # unique within the map, letters/digits/-/_
    background: str
    ink: str = "#1b1b1b"
    angles: tuple[int, ...] = (45,)
    spacing: float = 8.0
    dots: bool = False


@dataclass(frozen=True)
class Style:
    fill: str = "none"
    hatch: Hatch | None = None  # overrides ``fill`` with the pattern
    fill_opacity: float = 1.0
    stroke: str = "#1b1b1b"
    stroke_width: float = 1.0  # screen pixels
    dash: str | None = None  # e.g. "8 4"
    css_class: str | None = None


@dataclass(frozen=True)
class Feature:
    geometry: BaseGeometry
    style: Style
    label: str | None = None  # drawn at a point inside the geometry
    title: str | None = None  # hover text of this shape


@dataclass(frozen=True)
class LegendEntry:
    label: str
    style: Style
    kind: str = "area"  # "area" | "line"


class _Frame:
    """Metres → SVG pixels: fit ``bounds`` into ``width`` × ``height`` (north up), keeping the aspect ratio."""

    def __init__(self, bounds: tuple[float, float, float, float], width: float, max_height: float, pad: float):
        min_x, min_y, max_x, max_y = bounds
        span_x, span_y = max(max_x - min_x, 1.0), max(max_y - min_y, 1.0)
        self.scale = min((width - 2 * pad) / span_x, (max_height - 2 * pad) / span_y)
        self.min_x, self.max_y, self.pad = min_x, max_y, pad
        self.width, self.height = width, span_y * self.scale + 2 * pad

    def xy(self, x: float, y: float) -> str:
        return f"{(x - self.min_x) * self.scale + self.pad:.1f} {(self.max_y - y) * self.scale + self.pad:.1f}"

    def ring(self, coords: Iterable[tuple[float, ...]], closed: bool) -> str:
        points = [self.xy(c[0], c[1]) for c in coords]
        if not points:
            return ""
        return "M" + " L".join(points) + (" Z" if closed else "")


def path_data(geometry: BaseGeometry, frame: _Frame) -> str:
    if isinstance(geometry, Polygon):
        rings = [geometry.exterior, *geometry.interiors]
        return " ".join(frame.ring(list(r.coords)[:-1], True) for r in rings if not r.is_empty)
    if isinstance(geometry, LineString | LinearRing):
        return frame.ring(geometry.coords, isinstance(geometry, LinearRing))
    if isinstance(geometry, MultiPolygon | MultiLineString) or geometry.geom_type == "GeometryCollection":
        return " ".join(filter(None, (path_data(part, frame) for part in geometry.geoms)))
    return ""


def _points(geometry: BaseGeometry) -> list[Point]:
    if isinstance(geometry, Point):
        return [geometry]
    if isinstance(geometry, MultiPoint):
        return list(geometry.geoms)
    return []


def _style_attrs(style: Style, prefix: str) -> str:
    fill = f"url(#{prefix}-{style.hatch.name})" if style.hatch else style.fill
    attrs = [f'fill="{esc(fill)}"', f'stroke="{esc(style.stroke)}"', f'stroke-width="{style.stroke_width:g}"']
    if style.fill_opacity != 1.0:
        attrs.append(f'fill-opacity="{style.fill_opacity:g}"')
    if style.dash:
        attrs.append(f'stroke-dasharray="{esc(style.dash)}"')
    if style.css_class:
        attrs.append(f'class="{esc(style.css_class)}"')
    return " ".join(attrs)


def _pattern(hatch: Hatch, prefix: str) -> str:
    s = hatch.spacing
    parts = [f'<rect width="{s:g}" height="{s:g}" fill="{esc(hatch.background)}"/>']
    if hatch.dots:
        parts.append(f'<circle cx="{s / 2:g}" cy="{s / 2:g}" r="1.2" fill="{esc(hatch.ink)}"/>')
    for angle in () if hatch.dots else hatch.angles:
        parts.append(
            f'<line x1="0" y1="{s / 2:g}" x2="{s:g}" y2="{s / 2:g}" stroke="{esc(hatch.ink)}" stroke-width="0.8" '
            f'transform="rotate({angle} {s / 2:g} {s / 2:g})"/>'
        )
    return (
        f'<pattern id="{prefix}-{esc(hatch.name)}" width="{s:g}" height="{s:g}" patternUnits="userSpaceOnUse">'
        + "".join(parts)
        + "</pattern>"
    )


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 × 10^n not above ``metres``."""
    if metres <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(metres))
    return float(max(step * power for step in (1, 2, 5) if step * power <= metres))


def _scale_bar(frame: _Frame) -> str:
    metres = nice_length((frame.width - 2 * frame.pad) / 4 / frame.scale)
    length = metres * frame.scale
    x, y = frame.pad, frame.height + BAND - 10
    text = f"{metres:g} m".replace(".", ",")
    return (
        '<g class="scale-bar">'
        f'<rect x="{x - 4:.1f}" y="{y - 20:.1f}" width="{length + 8:.1f}" height="26" fill="#fff" fill-opacity="0.85"/>'
        f'<path d="M{x:.1f} {y - 6:.1f} V{y:.1f} H{x + length:.1f} V{y - 6:.1f}" fill="none" stroke="#000" '
        'stroke-width="2"/>'
        f'<text x="{x:.1f}" y="{y - 9:.1f}" font-size="12" font-family="{FONT}">0</text>'
        f'<text x="{x + length:.1f}" y="{y - 9:.1f}" font-size="12" font-family="{FONT}" text-anchor="end">'
        f"{esc(text)}</text></g>"
    )


def _north_arrow(frame: _Frame) -> str:
    x, y = frame.width - frame.pad - 14, frame.height + 4
    return (
        '<g class="north-arrow">'
        f'<rect x="{x - 14:.1f}" y="{y - 4:.1f}" width="28" height="44" fill="#fff" fill-opacity="0.85"/>'
        f'<path d="M{x:.1f} {y + 16:.1f} l-8 20 l8 -6 l8 6 Z" fill="#000"/>'
        f'<text x="{x:.1f}" y="{y + 12:.1f}" font-size="13" font-weight="bold" font-family="{FONT}" '
        'text-anchor="middle">N</text></g>'
    )


def _label(feature: Feature, frame: _Frame) -> str:
    if not feature.label or feature.geometry.is_empty:
        return ""
    point = feature.geometry.representative_point()
    x, y = frame.xy(point.x, point.y).split()
    return (
        f'<text x="{x}" y="{y}" font-size="11" font-family="{FONT}" text-anchor="middle" dominant-baseline="middle" '
        f'paint-order="stroke" stroke="#fff" stroke-width="3" fill="#000">{esc(feature.label)}</text>'
    )


def _shape(feature: Feature, frame: _Frame, prefix: str) -> str:
    attrs = _style_attrs(feature.style, prefix)
    title = f"<title>{esc(feature.title)}</title>" if feature.title else ""
    points = _points(feature.geometry)
    if points:
        return "".join(
            f'<circle cx="{frame.xy(p.x, p.y).split()[0]}" cy="{frame.xy(p.x, p.y).split()[1]}" r="4" {attrs}>'
            f"{title}</circle>"
            for p in points
        )
    data = path_data(feature.geometry, frame)
    if not data:
        return ""
    return f'<path d="{data}" fill-rule="evenodd" {attrs}>{title}</path>'


def _legend(entries: Sequence[LegendEntry], top: float, width: float, prefix: str) -> tuple[str, float]:
    if not entries:
        return "", 0.0
    columns = max(1, int(width // 260))
    row_height, column_width = 24.0, width / columns
    parts = [f'<g class="legend"><text x="10" y="{top + 16:.1f}" font-size="13" font-weight="bold" '
             f'font-family="{FONT}">Legende</text>']
    for index, entry in enumerate(entries):
        x = 10 + (index % columns) * column_width
        y = top + 26 + (index // columns) * row_height
        attrs = _style_attrs(entry.style, prefix)
        if entry.kind == "line":
            parts.append(f'<path d="M{x:.1f} {y + 8:.1f} h28" {attrs}/>')
        else:
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="28" height="16" {attrs}/>')
        parts.append(
            f'<text x="{x + 36:.1f}" y="{y + 12:.1f}" font-size="12" font-family="{FONT}">{esc(entry.label)}</text>'
        )
    rows = math.ceil(len(entries) / columns)
    parts.append("</g>")
    return "".join(parts), 34 + rows * row_height


def render_map(
    features: Sequence[Feature],
    *,
    title: str,
    description: str,
    legend: Sequence[LegendEntry] = (),
    width: int = 880,
    max_height: int = 640,
    id_prefix: str = "karte",
    bounds: tuple[float, float, float, float] | None = None,
) -> str:
    """The features drawn in order (first = bottom), labels on top, with scale bar, north arrow and legend."""
    prefix = _ID_SAFE.sub("", id_prefix) or "karte"
    shapes = [f for f in features if not f.geometry.is_empty]
    if bounds is None:
        boxes = [f.geometry.bounds for f in shapes]
        bounds = (
            (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
            if boxes else (0.0, 0.0, 100.0, 100.0)
        )  # fmt: skip
    frame = _Frame(bounds, float(width), float(max_height), pad=24.0)
    legend_svg, legend_height = _legend(legend, frame.height + BAND, frame.width, prefix)
    total_height = frame.height + BAND + legend_height
    hatches = {s.hatch.name: s.hatch for s in [*(f.style for f in shapes), *(e.style for e in legend)] if s.hatch}
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {frame.width:.0f} {total_height:.0f}" '
            f'aria-labelledby="{prefix}-title {prefix}-desc" class="svg-map">',
            f'<title id="{prefix}-title">{esc(title)}</title><desc id="{prefix}-desc">{esc(description)}</desc>',
            "<defs>" + "".join(_pattern(h, prefix) for h in hatches.values()) + "</defs>",
            f'<rect x="0.5" y="0.5" width="{frame.width - 1:.0f}" height="{total_height - 1:.0f}" fill="#fff" '
            'stroke="#b1b4b6"/>',
            '<g class="shapes">' + "".join(_shape(f, frame, prefix) for f in shapes) + "</g>",
            '<g class="labels">' + "".join(_label(f, frame) for f in shapes) + "</g>",
            _scale_bar(frame),
            _north_arrow(frame),
            legend_svg,
            "</svg>",
        ]
    )
