"""A Flurstück as read from a cadastre file, and the NRW Flurstückskennzeichen.

The Flurstückskennzeichen has 20 characters: Land (2), Gemarkungsnummer (4), Flur (3), Zähler (5), Nenner (4)
and Folge (2); an absent Nenner or Folge is written with "_" (``05329001100085______`` = Land 05, Gemarkung
3290, Flur 11, Flurstück 85).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shapely.geometry.base import BaseGeometry

GEMARKUNGEN_FILE = Path(__file__).with_name("data") / "katasteraemter-gemarkungen-fluren-nrw.json"
LAND_NRW = "05"
_KENNZEICHEN = re.compile(r"^(\d{2})(\d{4})(\d{3})(\d{5})(\d{4}|_{4})(\d{2}|_{2})$")
_NAME_SUFFIX = re.compile(r"\s*\(\d{4}\)\s*$")


@dataclass(frozen=True)
class Parcel:
    """One Flurstück; ``geometry`` is a shapely (Multi)Polygon in EPSG:25832, ``area_m2`` the amtliche Fläche
    when the file gives one (else None)."""

    kennzeichen: str
    gemarkung_number: str
    gemarkung_name: str
    flur: int
    zaehler: int
    nenner: int | None
    area_m2: float | None
    geometry: BaseGeometry

    @property
    def label(self) -> str:
        return f"{self.zaehler}/{self.nenner}" if self.nenner is not None else str(self.zaehler)


@dataclass(frozen=True)
class Kennzeichen:
    land: str
    gemarkung_number: str
    flur: int
    zaehler: int
    nenner: int | None
    folge: str = "__"

    @property
    def text(self) -> str:
        """The normalised form: an absent Nenner as "____", Folge "00" as "__"."""
        nenner = f"{self.nenner:04d}" if self.nenner is not None else "____"
        return f"{self.land}{self.gemarkung_number}{self.flur:03d}{self.zaehler:05d}{nenner}{self.folge}"


def parse_kennzeichen(value: str) -> Kennzeichen:
    """Parse a Flurstückskennzeichen; a shortened one (trailing "_" dropped) is accepted. ValueError (German)."""
    text = value.strip()
    if 14 <= len(text) < 20:
        text = text.ljust(20, "_")
    match = _KENNZEICHEN.match(text)
    if match is None:
        raise ValueError(
            f"Flurstückskennzeichen „{value.strip()[:40]}“ hat nicht das Format LLGGGGFFFZZZZZNNNN__ (20 Zeichen)"
        )
    land, gemarkung, flur, zaehler, nenner, folge = match.groups()
    if int(zaehler) == 0:
        raise ValueError(f"Flurstückskennzeichen „{text}“: Zähler 0 gibt es nicht")
    denominator = int(nenner) if nenner.isdigit() and int(nenner) else None
    return Kennzeichen(land, gemarkung, int(flur), int(zaehler), denominator, "__" if folge == "00" else folge)


@lru_cache(maxsize=1)
def gemarkung_names() -> dict[str, str]:
    """Gemarkungsnummer → name for all of NRW (from the Katasterämter list, see data/SOURCES.md)."""
    data = json.loads(GEMARKUNGEN_FILE.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for gemarkungen in data.values():
        for label, entry in gemarkungen.items():
            names.setdefault(str(entry["schluessel"]).zfill(4), _NAME_SUFFIX.sub("", label))
    return names


def gemarkung_name(number: str, land: str = LAND_NRW) -> str:
    """The Gemarkung's name, or "" outside NRW or for an unknown number."""
    return gemarkung_names().get(number, "") if land == LAND_NRW else ""
