"""Scenes for the planning-law tests: parcels, houses and small Bebauungspläne built from plain values.

Coordinates are local metres, shifted to a point in NRW (EPSG:25832).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from shapely.geometry import Polygon, box

from bauantrag.rules.model import Finding
from bauantrag.rules.planning.plan import Bebauungsplan, BoundaryLine, BuildableArea, HeightLimit, PlanArea
from bauantrag.rules.planning.project import (
    AccessoryArea,
    Building,
    BuildingHeight,
    PlanningProject,
    PublicArea,
    SitePlan,
)

X0, Y0 = 400_000.0, 5_710_000.0  # Kreis Unna, ETRS89/UTM32N


def rect(x: float, y: float, w: float, h: float) -> Polygon:
    """A rectangle with its lower left corner at local (x, y)."""
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)


def house(
    x: float = 10,
    y: float = 10,
    w: float = 10,
    d: float = 8,
    *,
    h: float | None = 6.0,
    name: str = "Wohnhaus",
    **kw: Any,
) -> Building:
    return Building(id=name, footprint=rect(x, y, w, d), wall_height_mean_m=h, **kw)


def site(
    parcel: Polygon | None = None,
    buildings: Iterable[Building] | None = None,
    *,
    accessories: tuple[AccessoryArea, ...] | None = (),
    roads: Iterable[Polygon] = (),
    **kw: Any,
) -> SitePlan:
    return SitePlan(
        parcel=parcel if parcel is not None else rect(0, 0, 30, 28),
        buildings=tuple(buildings) if buildings is not None else (house(),),
        accessories=accessories,
        public_areas=tuple(PublicArea("verkehrsflaeche", road) for road in roads),
        **kw,
    )


def project(
    the_site: SitePlan | None = None,
    *,
    use: str = "wohngebaeude",
    building_class: int | None = 1,
    storeys_full: int | None = 2,
    storeys_above_ground: int | None = 2,
    **kw: Any,
) -> PlanningProject:
    return PlanningProject(
        site=the_site if the_site is not None else site(),
        use=use,  # type: ignore[arg-type]
        building_class=building_class,
        storeys_full=storeys_full,
        storeys_above_ground=storeys_above_ground,
        **kw,
    )


def area(code: str = "1200", geometry: Polygon | None = None, name: str = "WA1", **kw: Any) -> PlanArea:
    return PlanArea(
        id=name, geometry=geometry if geometry is not None else rect(-100, -100, 300, 300), special_use=code, **kw
    )


def plan(
    areas: Iterable[PlanArea] | None = None,
    buildable: Iterable[BuildableArea] | None = None,
    lines: Iterable[BoundaryLine] = (),
    *,
    in_force: dt.date | None = dt.date(2024, 3, 1),
    ags: str | None = "05978024",
    legal_status: str | None = "4000",
    baunvo_year: int | None = 2023,
    geltungsbereich: Polygon | None = None,
) -> Bebauungsplan:
    return Bebauungsplan(
        name="Am Musterfeld",
        number="12",
        gemeinde="Kamen",
        ags=ags,
        plan_kind=("1000",),
        legal_status=legal_status,
        in_force_date=in_force,
        drawn_up_date=None,
        baunvo_version=str(baunvo_year) if baunvo_year else None,
        xplan_version="6.0",
        source_crs="EPSG:25832",
        geltungsbereich=geltungsbereich if geltungsbereich is not None else rect(-100, -100, 300, 300),
        areas=tuple(areas) if areas is not None else (area(grz=0.4),),
        buildable_areas=tuple(buildable) if buildable is not None else (BuildableArea("UB1", rect(5, 5, 20, 18)),),
        boundary_lines=tuple(lines),
        baunvo_year=baunvo_year,
    )


def height(reference: str, value: float) -> BuildingHeight:
    return BuildingHeight(reference, value)  # type: ignore[arg-type]


def limit(point: str | None, bezug: str | None = "2000", **kw: float) -> HeightLimit:
    return HeightLimit(reference_point=point, height_reference=bezug, **kw)


def by_rule(findings: Iterable[Finding]) -> dict[str, Finding]:
    return {f.rule: f for f in findings}
