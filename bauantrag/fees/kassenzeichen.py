"""The Kassenzeichen: the Kommune's format with the placeholders {JAHR} and {NR} (models.validate_kassenzeichen_format
allows nothing else, so no format string of the Kommune is ever evaluated as code)."""

from __future__ import annotations


def render_kassenzeichen(template: str, year: int, number: int, digits: int) -> str:
    """render_kassenzeichen("BA-{JAHR}-{NR}", 2026, 17, 6) == "BA-2026-000017"."""
    if number < 1:
        raise ValueError("the running number starts at 1")
    return template.replace("{JAHR}", f"{year:04d}").replace("{NR}", f"{number:0{digits}d}")
