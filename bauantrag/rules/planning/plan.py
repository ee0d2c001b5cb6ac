"""The Bebauungsplan data model shared by the XPlanGML reader and the planning-law rules.

Geometry: shapely 2 geometries in EPSG:25832 (metres). Codes are the XPlanGML (6.0) enumeration codes as strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class HeightLimit:  # XP_Hoehenangabe
    reference_point: str | None  # bezugspunkt: "1000" Traufhöhe, "2000" Firsthöhe, "3000" Oberkante, "6000" Gebäudehöhe
    height_reference: str | None  # hoehenbezug (6.0 codes): "1000" absolut NHN, "2000" relativ Gelände, ...
    h: float | None = None
    h_min: float | None = None
    h_max: float | None = None
    h_exact: float | None = None  # hZwingend


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


@dataclass(frozen=True)
class BoundaryLine:  # BP_BauGrenze / BP_BauLinie
    id: str
    kind: str  # "baugrenze" | "baulinie"
    geometry: BaseGeometry  # LineString/MultiLineString (or polygon ring as a line)


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
