"""The Bebauungsplan data model shared by the XPlanGML reader and the planning-law rules.

Geometry: shapely 2 geometries in EPSG:25832 (metres). Codes are the XPlanGML (6.0) enumeration codes as strings.
A value the plan gives as 0 (GRZ 0, GF 0, Z 0, h 0 …) is what plan data uses for "not set": the reader stores
``None`` and names the attribute in ``zero_values``, so no rule ever takes it for a limit.

``id`` fields are the file's internal identifiers (gml:id): for linking only, never shown to a person. What a
person reads is ``name`` ("Teilfläche 3 von 42 „WA 2“"), given by the reader or, for plans built in code, by
``Bebauungsplan`` itself from the order of the features.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal, TypeVar

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

#: XPlanGML classes read as areas a building can stand on, with the German name of each.
AREA_KINDS = {
    "BP_BaugebietsTeilFlaeche": "Baugebietsteilfläche",
    "BP_WohngebaeudeFlaeche": "Fläche für Wohngebäude (§ 9 Abs. 2d BauGB)",
    "BP_GemeinbedarfsFlaeche": "Fläche für den Gemeinbedarf (§ 9 Abs. 1 Nr. 5 BauGB)",
    "BP_BesondererNutzungszweckFlaeche": "Fläche mit besonderem Nutzungszweck (§ 9 Abs. 1 Nr. 9 BauGB)",
}
BAUGEBIET = "BP_BaugebietsTeilFlaeche"


@dataclass(frozen=True)
class HeightLimit:  # XP_Hoehenangabe
    reference_point: str | None  # bezugspunkt: "1000" Traufhöhe, "2000" Firsthöhe, "3000" Oberkante, "6000" Gebäudehöhe
    height_reference: str | None  # hoehenbezug (6.0 codes): "1000" absolut NHN, "2000" relativ Gelände, ...
    h: float | None = None
    h_min: float | None = None
    h_max: float | None = None
    h_exact: float | None = None  # hZwingend
    zero_values: tuple[str, ...] = ()  # XPlanGML names of values given as 0 ("h", "hMax" …), read as not set


@dataclass(frozen=True)
class PlanArea:  # one BP_BaugebietsTeilFlaeche
    id: str  # gml:id
    geometry: BaseGeometry  # Polygon/MultiPolygon, EPSG:25832
    general_use: str | None = None  # allgArtDerBaulNutzung
    special_use: str | None = None  # besondereArtDerBaulNutzung ("1100" WR, "1200" WA, "1500" MI, "1700" GE, ...)
    special_use_detail: str | None = None  # detaillierteArtDerBaulNutzung text or sondernutzung code if present
    grz: float | None = None
    grz_max: float | None = None
    grz_min: float | None = None
    gr: float | None = None
    gr_max: float | None = None
    gfz: float | None = None
    gfz_max: float | None = None
    gfz_min: float | None = None
    gf: float | None = None
    gf_max: float | None = None
    bmz: float | None = None
    z: int | None = None
    z_max: int | None = None
    z_min: int | None = None
    z_exact: int | None = None
    bauweise: str | None = None  # "1000" offen, "2000" geschlossen, "3000" abweichend
    heights: tuple[HeightLimit, ...] = ()
    # added beyond the contract: every simple attribute of the feature as (XPlanGML name, text) in file order,
    # e.g. ("GRZ_Ausn", "0.5"), ("MaxZahlWohnungen", "2"), ("bebauungsArt", "1000")
    values: tuple[tuple[str, str], ...] = ()
    bebauungsart: str | None = None  # BP_BebauungsArt: "1000" nur Einzelhäuser … "7000" nur Reihenhäuser
    zero_values: tuple[str, ...] = ()  # XPlanGML names of Maß values given as 0 ("GFZ", "GF", "Z" …), read as None
    kind: str = BAUGEBIET  # XPlanGML class, one of AREA_KINDS
    purpose: str | None = None  # zweckbestimmung code of a Gemeinbedarfs- or Nutzungszweckfläche
    name: str = ""  # what a person can see: "Teilfläche 3 von 42 „WA 2“"


@dataclass(frozen=True)
class BuildableArea:  # BP_UeberbaubareGrundstuecksFlaeche
    id: str
    geometry: BaseGeometry
    z: int | None = None
    z_max: int | None = None
    grz: float | None = None
    gfz: float | None = None
    heights: tuple[HeightLimit, ...] = ()
    # added beyond the contract
    z_min: int | None = None
    z_exact: int | None = None  # Zzwingend
    values: tuple[tuple[str, str], ...] = ()  # every simple attribute as (XPlanGML name, text), e.g. ("Zmax", "5")
    grz_max: float | None = None
    gr: float | None = None
    gr_max: float | None = None
    gfz_max: float | None = None
    gf: float | None = None
    gf_max: float | None = None
    bauweise: str | None = None
    bebauungsart: str | None = None
    zero_values: tuple[str, ...] = ()
    name: str = ""  # "überbaubare Fläche 2 von 7"


@dataclass(frozen=True)
class BoundaryLine:  # BP_BauGrenze / BP_BauLinie
    id: str
    kind: str  # "baugrenze" | "baulinie"
    geometry: BaseGeometry  # LineString/MultiLineString (or polygon ring as a line)
    name: str = ""  # "Baulinie 1 von 3"


ChangeKind = Literal["aenderung", "ergaenzung", "ersetzung", "streichung", "aufhebung", "ueberplanung", "unbekannt"]
CHANGE_KIND_LABELS: dict[str, str] = {
    "aenderung": "Änderung",
    "ergaenzung": "Ergänzung",
    "ersetzung": "Ersetzung einzelner Inhalte",
    "streichung": "Streichung einzelner Inhalte",
    "aufhebung": "Aufhebung",
    "ueberplanung": "Überplanung",
    "unbekannt": "Änderung (Art nicht angegeben)",
}


@dataclass(frozen=True)
class PlanLink:  # XP_VerbundenerPlan under aendert / wurdeGeaendertVon (4.1, 5.x), aendertPlan … (6.0)
    relation: Literal["aendert", "geaendert_durch"]  # this plan changes the other one / was changed by it
    kind: ChangeKind
    name: str | None = None  # planName of the other plan
    number: str | None = None
    date: dt.date | None = None  # aenderungsdatum (6.0)
    target: str | None = None  # gml:id of the other plan when the file holds it

    def describe(self) -> str:
        """„Langenhorn 51“ Nr. 2; a plan the file names only by its internal reference: "einen Plan ohne Namen"."""
        if not self.name and not self.number:
            return "einen Plan ohne Namensangabe"
        shown = f"„{self.name}“" if self.name else "den Plan"
        return shown + (f" Nr. {self.number}" if self.number else "")


@dataclass(frozen=True)
class Bebauungsplan:
    name: str
    number: str | None
    gemeinde: str | None
    ags: str | None
    plan_kind: tuple[str, ...]  # planArt codes
    legal_status: str | None  # rechtsstand code
    in_force_date: dt.date | None  # inkrafttretensDatum
    drawn_up_date: dt.date | None  # technHerstellDatum / aufstellungsbeschlussDatum if useful, else None
    baunvo_version: str | None  # versionBauNVO code / text as in the file
    xplan_version: str  # "4.1" | "5.0" ... | "6.0"
    source_crs: str  # as in the file, e.g. "EPSG:25832", "urn:adv:crs:ETRS89_UTM32", "EPSG:31467"
    geltungsbereich: BaseGeometry | None
    areas: tuple[PlanArea, ...] = ()
    buildable_areas: tuple[BuildableArea, ...] = ()
    boundary_lines: tuple[BoundaryLine, ...] = ()
    # added beyond the contract
    ordinance_date: dt.date | None = None  # rechtsverordnungsDatum (Hamburg: plans are Rechtsverordnungen)
    baunvo_year: int | None = None  # 1962, 1968, 1977, 1990, 2017, ... derived from versionBauNVO*, if given
    ref: str = ""  # gml:id of the BP_Plan (to link plans of one file; never shown)
    links: tuple[PlanLink, ...] = ()  # changes this plan makes to others, and changes made to it
    warnings: tuple[str, ...] = ()  # what the reader read differently from the file (German, for the operator)

    def __post_init__(self) -> None:
        """Give every area, überbaubare Fläche and line a name a person can recognise, where the reader did not."""
        named = (
            _named(self.areas, "Teilfläche"),
            _named(self.buildable_areas, "überbaubare Fläche"),
            _named(self.boundary_lines, ""),
        )
        for field_name, value in zip(("areas", "buildable_areas", "boundary_lines"), named, strict=True):
            object.__setattr__(self, field_name, value)

    @cached_property
    def buildable_region(self) -> BaseGeometry:
        """The union of the überbaubaren Grundstücksflächen (computed once per plan; empty when there are none)."""
        return unary_union([area.geometry for area in self.buildable_areas])

    def label(self) -> str:
        """Bebauungsplan „Name“ Nr. 12"""
        return f"Bebauungsplan „{self.name}“" + (f" Nr. {self.number}" if self.number else "")

    def areas_at(self, geometry: BaseGeometry) -> list[tuple[PlanArea, float]]:
        """The plan areas the geometry overlaps, with the overlapping area in m², largest first.

        A geometry without area (a point or a line) yields the areas it lies in or crosses, each with 0.0.
        """
        hits: list[tuple[PlanArea, float]] = []
        if geometry.is_empty:
            return hits
        has_area = geometry.area > 0.0
        for area in self.areas:
            if not area.geometry.intersects(geometry):
                continue
            overlap = float(area.geometry.intersection(geometry).area)
            if overlap > 0.0 or not has_area:
                hits.append((area, overlap))
        hits.sort(key=lambda hit: hit[1], reverse=True)
        return hits


_Named = TypeVar("_Named", PlanArea, BuildableArea, BoundaryLine)


def _named(items: tuple[_Named, ...], word: str) -> tuple[_Named, ...]:
    """Items without a name get "<word> 3 von 7" (lines: "Baulinie 1 von 2", counted per kind)."""
    if all(item.name for item in items):
        return items
    totals: dict[str, int] = {}
    for item in items:
        key = getattr(item, "kind", "") if isinstance(item, BoundaryLine) else ""
        totals[key] = totals.get(key, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for item in items:
        key = item.kind if isinstance(item, BoundaryLine) else ""
        seen[key] = seen.get(key, 0) + 1
        if item.name:
            out.append(item)
            continue
        title = ("Baulinie" if key == "baulinie" else "Baugrenze") if isinstance(item, BoundaryLine) else word
        out.append(replace(item, name=f"{title} {seen[key]} von {totals[key]}"))
    return tuple(out)
