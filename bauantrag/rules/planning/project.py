"""The planning input: the Lageplan geometry of a Vorhaben (``SitePlan``) and the project as the planning-law
rules see it (``PlanningProject``).

Geometry in EPSG:25832 (metres). ``None`` means "not stated"; the rules then answer ``needs_review``.
Baulasten (§ 6 Abs. 2 Satz 3 BauO NRW) are not evaluated: the applicant can only declare that one exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.rules.model import Use, Vorhaben

HeightReference = Literal[
    "traufhoehe", "firsthoehe", "oberkante", "hoehe_baulicher_anlagen", "gebaeudehoehe", "wandhoehe"
]
BuildingKind = Literal["hauptgebaeude", "garage", "nebengebaeude"]
AccessoryKind = Literal["garagen_stellplaetze", "nebenanlage", "unterirdisch"]
PublicAreaKind = Literal["verkehrsflaeche", "gruenflaeche", "wasserflaeche"]

HEIGHT_REFERENCES: tuple[str, ...] = get_args(HeightReference)
BUILDING_KINDS: tuple[str, ...] = get_args(BuildingKind)
ACCESSORY_KINDS: tuple[str, ...] = get_args(AccessoryKind)
PUBLIC_AREA_KINDS: tuple[str, ...] = get_args(PublicAreaKind)

#: XPlanGML ``bezugspunkt`` code of each height reference (XP_Hoehenangabe, 6.0).
HEIGHT_REFERENCE_CODES: dict[str, str] = {
    "traufhoehe": "1000",
    "firsthoehe": "2000",
    "oberkante": "3000",
    "hoehe_baulicher_anlagen": "5000",
    "gebaeudehoehe": "6000",
    "wandhoehe": "6500",
}
HEIGHT_REFERENCE_LABELS: dict[str, str] = {
    "traufhoehe": "Traufhöhe",
    "firsthoehe": "Firsthöhe",
    "oberkante": "Oberkante",
    "hoehe_baulicher_anlagen": "Höhe baulicher Anlagen",
    "gebaeudehoehe": "Gebäudehöhe",
    "wandhoehe": "Wandhöhe",
}
ACCESSORY_LABELS: dict[str, str] = {
    "garagen_stellplaetze": "Garagen und Stellplätze mit ihren Zufahrten (§ 19 Abs. 4 Satz 1 Nr. 1 BauNVO)",
    "nebenanlage": "Nebenanlagen im Sinne des § 14 BauNVO (§ 19 Abs. 4 Satz 1 Nr. 2 BauNVO)",
    "unterirdisch": "bauliche Anlagen unterhalb der Geländeoberfläche (§ 19 Abs. 4 Satz 1 Nr. 3 BauNVO)",
}


@dataclass(frozen=True)
class BuildingHeight:
    """A height of the building above the Geländeoberfläche (im Mittel), with what it measures."""

    reference: HeightReference
    value_m: float


@dataclass(frozen=True)
class Roof:
    """Roof data for § 6 Abs. 4 Satz 7 BauO NRW; ``height_m`` is the roof's height above the eaves walls."""

    pitch_deg: float
    height_m: float
    gable_edges: tuple[int, ...] = ()  # indices of the exterior-ring edges that are gable walls
    dormers_over_half: bool = False  # Dachgauben/-aufbauten longer than half the wall below (Satz 7 Nr. 2 b)


@dataclass(frozen=True)
class Building:
    """One building of the Vorhaben. ``wall_heights_m`` gives the Wandhöhe per edge of the exterior ring."""

    id: str
    footprint: Polygon
    kind: BuildingKind = "hauptgebaeude"
    wall_heights_m: tuple[float, ...] | None = None
    wall_height_mean_m: float | None = None
    roof: Roof | None = None
    storeys_full: int | None = None
    storeys_above_ground: int | None = None
    floor_area_m2: float | None = None
    heights: tuple[BuildingHeight, ...] = ()

    @property
    def is_main(self) -> bool:
        return self.kind == "hauptgebaeude"


@dataclass(frozen=True)
class AccessoryArea:
    """An area counted under § 19 Abs. 4 BauNVO: stated in m² or drawn as a polygon."""

    kind: AccessoryKind
    area_m2: float | None = None
    polygon: Polygon | None = None

    def size_m2(self) -> float:
        if self.polygon is not None:
            return float(self.polygon.area)
        return float(self.area_m2 or 0.0)


@dataclass(frozen=True)
class PublicArea:
    """A public traffic, green or water area next to the parcel (§ 6 Abs. 2 Satz 2 BauO NRW)."""

    kind: PublicAreaKind
    polygon: Polygon


@dataclass(frozen=True)
class SitePlan:
    """The geometry of the Lageplan. ``accessories`` ``None`` means: § 19 Abs. 4 areas not stated."""

    parcel: Polygon
    buildings: tuple[Building, ...]
    accessories: tuple[AccessoryArea, ...] | None = None
    public_areas: tuple[PublicArea, ...] = ()
    terrain_height_nhn: float | None = None
    baugebiet: str | None = None  # BauNVO abbreviation ("WA", "GE", ...) where no plan is given
    baulast_abstandsflaechen: bool = False  # the applicant declares a Baulast under § 6 Abs. 2 Satz 3
    plan_ref: str | None = None  # path of the XPlanGML file, relative to the application file (CLI only)


@dataclass(frozen=True)
class PlanningProject:
    """What the planning-law rules check: the site plus the Vorhaben's use and totals."""

    site: SitePlan
    use: Use
    building_class: int | None = None
    storeys_full: int | None = None
    storeys_above_ground: int | None = None
    floor_area_m2: float | None = None
    wall_height_mean_m: float | None = None
    sales_area_m2: float | None = None
    uses: tuple[Use, ...] = ()  # every use of the Vorhaben (mixed use); () means just ``use``
    submitted_on: dt.date | None = None  # the Antragstellung: decides the Fassung of the BauO NRW (§ 90 Abs. 4)
    newer_law_requested: bool = False
    dwellings: int | None = None  # Wohnungen (for the Hausform of § 22 Abs. 2 BauNVO)

    @classmethod
    def from_vorhaben(cls, v: Vorhaben, site: SitePlan, building_class: int | None = None) -> PlanningProject:
        return cls(
            site=site,
            use=v.use,
            uses=v.all_uses(),
            submitted_on=v.submitted_on,
            newer_law_requested=bool(v.newer_law_requested),
            building_class=building_class,
            storeys_full=v.storeys_full,
            storeys_above_ground=v.storeys_above_ground,
            floor_area_m2=v.floor_area_m2,
            wall_height_mean_m=v.wall_height_mean_m,
            sales_area_m2=v.sales_area_m2,
            dwellings=v.dwellings,
        )

    def all_uses(self) -> tuple[Use, ...]:
        return self.uses or (self.use,)

    def main_buildings(self) -> Iterator[Building]:
        return (b for b in self.site.buildings if b.is_main)

    def footprint(self) -> BaseGeometry:
        """The union of all building footprints (main and accessory buildings)."""
        return unary_union([b.footprint for b in self.site.buildings])

    def main_footprint(self) -> BaseGeometry:
        return unary_union([b.footprint for b in self.main_buildings()])

    def storeys_full_of(self, building: Building) -> int | None:
        return building.storeys_full if building.storeys_full is not None else self.storeys_full

    def storeys_above_ground_of(self, building: Building) -> int | None:
        if building.storeys_above_ground is not None:
            return building.storeys_above_ground
        return self.storeys_above_ground

    def total_floor_area_m2(self) -> float | None:
        """Geschossfläche (§ 20 Abs. 3 BauNVO): per main building if all state it, else the Vorhaben's total."""
        values = [b.floor_area_m2 for b in self.main_buildings()]
        if values and all(value is not None for value in values):
            return float(sum(value for value in values if value is not None))
        return self.floor_area_m2
