"""Server-rendered inline SVG charts: no JavaScript, no external library, nothing loaded from elsewhere.

Accessibility: each chart is ``role="img"`` with a ``<title>`` and ``<desc>`` (referenced by ``aria-labelledby``)
that state what it shows; the template puts it in a ``<figure>`` with ``<figcaption>`` and a data table with the
same figures right after it, which is the text alternative. Colours: dark blue #004b87 (8.9:1 against white) and
vermilion #d55e00 (3.9:1, WCAG 1.4.11 needs 3:1 for graphics), a pair that stays distinguishable with the common
colour-vision deficiencies; every bar also carries its value and kind as text, so no information is in colour alone.
All text is escaped; the charts contain no user input except numbers and our own labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from bauantrag.reports.stats import rounded

TEXT = "#1b1b1b"
MUTED = "#4a4a4a"
GRID = "#b1b4b6"
PRIMARY = "#004b87"
SECONDARY = "#d55e00"
FONT = 'font-family="Segoe UI, Arial, Helvetica, sans-serif"'


def fmt(value: float, decimals: int = 1) -> str:
    """German number format of the active locale (12,5), rounded like the page's tables."""
    return number_format(rounded(value, decimals), decimals)


def nice_ceiling(value: float, ticks: int = 5) -> tuple[float, float]:
    """(axis maximum, tick step) with steps of 1, 2 or 5 × 10^k and at most about ``ticks`` ticks."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0) if value >= 1 else step
    return math.ceil(value / step) * step, step


def _svg_open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" {FONT} font-size="13" '
        f'preserveAspectRatio="xMinYMin meet" class="chart">',  # site.css .chart: no inline style (CSP)
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>',
    ]


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar (e.g. "Mär")
    sublabel: str  # second line (e.g. the year), may be empty
    value: float | None  # None: no data (drawn as a gap with "–")
    text: str  # the value as shown above the bar


def bar_chart(chart_id: str, title: str, desc: str, bars: Sequence[Bar], unit: str = "") -> SafeString:
    """Vertical bars with a value axis starting at 0."""
    width, height = 720, 300
    left, right, top, bottom = 52, 12, 28, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum, step = nice_ceiling(max([b.value or 0 for b in bars] or [0]))
    parts = _svg_open(chart_id, width, height, title, desc)
    ticks = round(maximum / step)
    for i in range(ticks + 1):
        value = i * step
        y = top + plot_h - plot_h * value / maximum
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" '
                     f'stroke-width="1"/>')  # fmt: skip
        decimals = 0 if float(step).is_integer() else 1
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                     f"{escape(fmt(value, decimals))}</text>")  # fmt: skip
    if unit:
        parts.append(f'<text x="4" y="{top - 12}" fill="{MUTED}">{escape(unit)}</text>')
    count = max(len(bars), 1)
    slot = plot_w / count
    bar_w = max(min(slot * 0.7, 48), 2)
    show_values = count <= 24
    label_every = 1 if count <= 18 else math.ceil(count / 12)
    for i, bar in enumerate(bars):
        x = left + slot * i + (slot - bar_w) / 2
        centre = left + slot * i + slot / 2
        if bar.value is not None and bar.value > 0:
            h = plot_h * bar.value / maximum
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{PRIMARY}"/>')  # fmt: skip
        if show_values:
            y = top + plot_h - (plot_h * (bar.value or 0) / maximum) - 5
            parts.append(f'<text x="{centre:.1f}" y="{y:.1f}" text-anchor="middle" fill="{TEXT}">'
                         f"{escape(bar.text)}</text>")  # fmt: skip
        if i % label_every == 0:
            parts.append(f'<text x="{centre:.1f}" y="{top + plot_h + 18}" text-anchor="middle" fill="{TEXT}">'
                         f"{escape(bar.label)}</text>")  # fmt: skip
            if bar.sublabel:
                parts.append(f'<text x="{centre:.1f}" y="{top + plot_h + 36}" text-anchor="middle" '
                             f'fill="{MUTED}">{escape(bar.sublabel)}</text>')  # fmt: skip
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{TEXT}" '
                 f'stroke-width="1.5"/>')  # fmt: skip
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic part above is escaped


@dataclass(frozen=True)
class PairGroup:
    label: str
    first: float | None  # e.g. the median
    second: float | None  # e.g. the 90th percentile
    note: str = ""  # e.g. "12 Vorgänge"


def paired_bar_chart(
    chart_id: str, title: str, desc: str, groups: Sequence[PairGroup], names: tuple[str, str], unit: str
) -> SafeString:
    """Horizontal bars, two per group (e.g. median and 90th percentile), each labelled with kind and value."""
    width = 720
    name_w, value_w, left = 96, 150, 8
    bar_x = left + name_w
    plot_w = width - bar_x - value_w
    group_h, bar_h = 70, 18
    top = 8
    height = top + group_h * max(len(groups), 1) + 8
    maximum, _step = nice_ceiling(max([v for g in groups for v in (g.first, g.second) if v is not None] or [0]))
    parts = _svg_open(chart_id, width, height, title, desc)
    for i, group in enumerate(groups):
        y0 = top + i * group_h
        heading = f"{group.label} ({group.note})" if group.note else group.label
        parts.append(f'<text x="{left}" y="{y0 + 14}" font-weight="600" fill="{TEXT}">{escape(heading)}</text>')
        for j, (name, value, colour) in enumerate(((names[0], group.first, PRIMARY), (names[1], group.second,
                                                                                        SECONDARY))):  # fmt: skip
            y = y0 + 22 + j * (bar_h + 4)
            parts.append(f'<text x="{left}" y="{y + 13}" fill="{TEXT}">{escape(name)}</text>')
            if value is None:
                parts.append(f'<text x="{bar_x}" y="{y + 13}" fill="{MUTED}">{escape("–")}</text>')
                continue
            w = max(plot_w * value / maximum, 1.5)
            parts.append(f'<rect x="{bar_x}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>')
            parts.append(f'<text x="{bar_x + w + 6:.1f}" y="{y + 13}" fill="{TEXT}">'
                         f"{escape(fmt(value))} {escape(unit)}</text>")  # fmt: skip
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic part above is escaped
