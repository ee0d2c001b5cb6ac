"""The worked examples of the rule catalogue: small inputs (Vorhaben, Lageplan, Bebauungsplan) as plain data.

Each ``Example`` names the status it is meant to produce for its rule; the catalogue runs it through the real
engine (``run_precheck``) and shows the engine's answer, and ``tests/catalogue`` asserts that the answer is
the one claimed here. Geometry in EPSG:25832, local metres shifted to a point in the Kreis Unna.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from shapely.geometry import LineString, Polygon, box

from bauantrag.rules.model import DocumentRef, Status, Vorhaben
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.rules.planning.plan import Bebauungsplan, BoundaryLine, BuildableArea, HeightLimit, PlanArea
from bauantrag.rules.planning.project import Building, SitePlan

X0, Y0 = 400_000.0, 5_710_000.0
#: The examples are applications of 03.03.2025: the BauO NRW in der ab 01.01.2024 geltenden Fassung applies.
SUBMITTED = dt.date(2025, 3, 3)


@dataclass(frozen=True)
class Example:
    """One input for one rule and the status it is meant to give (checked by the tests, shown from the engine)."""

    expect: Status
    title: str
    vorhaben: Vorhaben
    fields: tuple[str, ...] = ()  # the Vorhaben fields worth showing for this rule
    site: SitePlan | None = None
    plan: Bebauungsplan | None = None
    show_documents: bool = False


BAUO, PRUEFVO, PLANUNG = "BauO NRW", "BauPrüfVO NRW", "BauNVO/BauGB"
LAWS = (BAUO, PRUEFVO, PLANUNG)
NO_FAIL_CLASSIFICATION = (
    "Einstufungsregel: Sie stellt etwas fest und kann daher nicht „nicht erfüllt“ (fail) ergeben; das zweite "
    "Beispiel zeigt deshalb den Fall „zu prüfen“ (needs_review)."
)


@dataclass(frozen=True)
class Entry:
    rule: str
    law: str
    title: str
    basis: str
    applies_to: str
    requires: str
    statuses: tuple[tuple[Status, str], ...]
    examples: tuple[Example, ...]
    note: str = ""


def ex(expect: Status, title: str, v: Vorhaben, *fields: str, **kw: object) -> Example:
    return Example(expect, title, v, fields, **kw)  # type: ignore[arg-type]


def rect(x: float, y: float, w: float, d: float) -> Polygon:
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + d)


def doc(code: str) -> DocumentRef:
    """A document of the given XBau code, named as the code list names it."""
    for bv in BAUVORLAGEN.values():
        if code in bv.accepted:
            return DocumentRef(code, bv.accepted[code])
    raise KeyError(code)


# --- Vorhaben -------------------------------------------------------------------------------------------------

EFH = Vorhaben(
    project_kind="neubau",
    submitted_on=SUBMITTED,
    use="wohngebaeude",
    description="freistehendes Einfamilienhaus",
    detached=True,
    units=1,
    dwellings=1,
    storeys_full=2,
    storeys_above_ground=2,
    height_m=3.1,
    structure_height_m=9.6,
    wall_height_mean_m=6.0,
    gross_floor_area_m2=160.0,
    largest_unit_floor_area_m2=80.0,
    largest_storey_area_m2=80.0,
    floor_area_m2=160.0,
    gross_volume_m3=560.0,
    has_aufenthaltsraum=True,
    underground=False,
    parcel_area_m2=840.0,
    planning_area="innenbereich_34",
    access_secured=True,
)
#: § 10 BauPrüfVO (vereinfachtes Verfahren, § 34 BauGB): every Bauvorlage present.
EFH_DOCS = (doc("1802"), doc("1803"), doc("2000"), doc("1500"), doc("2201"), doc("0401"))
EFH_COMPLETE = replace(EFH, documents=EFH_DOCS)
EFH_BPLAN = replace(EFH, planning_area="bebauungsplan_qualifiziert", plan_conforming=True)
EFH_FREISTELLUNG = replace(EFH_BPLAN, documents=(doc("1803"), doc("1901"), doc("2000"), doc("2712"), doc("0401")))
EFH_EINFACH = replace(EFH, planning_area="bebauungsplan_einfach", documents=(*EFH_DOCS, doc("1901")))
#: Wohngebäude GK 4 (H 9,5 m, sechs Wohnungen) im qualifizierten Bebauungsplan, planconform (§ 63 Abs. 1 Nr. 1)
GK4_BPLAN = replace(EFH_BPLAN, units=6, dwellings=6, height_m=9.5, structure_height_m=13.0, gross_floor_area_m2=700.0,
                    largest_unit_floor_area_m2=110.0, storeys_full=4, storeys_above_ground=4)
WERKSTATT = Vorhaben(
    project_kind="neubau",
    submitted_on=SUBMITTED,
    use="gewerbe",
    description="Kfz-Werkstatthalle",
    detached=True,
    units=1,
    storeys_full=1,
    storeys_above_ground=1,
    height_m=0.2,
    structure_height_m=6.0,
    gross_floor_area_m2=620.0,
    largest_unit_floor_area_m2=620.0,
    largest_storey_area_m2=620.0,
    has_aufenthaltsraum=True,
    underground=False,
    planning_area="innenbereich_34",
    access_secured=True,
    documents=(*EFH_DOCS, doc("1601")),
)
BUERO = Vorhaben(
    project_kind="neubau",
    submitted_on=SUBMITTED,
    use="buero_verwaltung",
    description="Bürogebäude mit 4.200 m² Geschossfläche",
    detached=True,
    units=5,
    storeys_full=5,
    storeys_above_ground=5,
    height_m=15.6,
    gross_floor_area_m2=4200.0,
    largest_unit_floor_area_m2=860.0,
    largest_storey_area_m2=880.0,
    floor_area_m2=4200.0,
    has_aufenthaltsraum=True,
    underground=False,
    planning_area="bebauungsplan_qualifiziert",
    plan_conforming=True,
    access_secured=True,
    documents=(*EFH_DOCS, doc("1901"), doc("2705"), doc("2401")),
)
GARAGE = Vorhaben(
    project_kind="neubau",
    submitted_on=SUBMITTED,
    use="garage",
    description="freistehende Garage",
    detached=True,
    units=1,
    storeys_above_ground=1,
    height_m=0.0,
    structure_height_m=2.8,
    wall_height_mean_m=2.6,
    gross_floor_area_m2=24.0,
    largest_storey_area_m2=24.0,
    garage_usable_area_m2=22.0,
    has_aufenthaltsraum=False,
    underground=False,
    planning_area="innenbereich_34",
    access_secured=True,
)
LADEN = Vorhaben(
    project_kind="neubau",
    submitted_on=SUBMITTED,
    use="verkaufsstaette",
    description="Ladengeschäft ohne Angabe der Verkaufsfläche",
    detached=True,
    units=1,
    storeys_full=1,
    storeys_above_ground=1,
    height_m=0.2,
    structure_height_m=6.0,
    gross_floor_area_m2=900.0,
    largest_unit_floor_area_m2=900.0,
    largest_storey_area_m2=900.0,
    underground=False,
    planning_area="innenbereich_34",
    access_secured=True,
)


def without(v: Vorhaben, code: str) -> Vorhaben:
    return replace(v, documents=tuple(d for d in v.documents if d.type_code != code))


# --- Lageplan and Bebauungsplan ------------------------------------------------------------------------------

PARCEL = rect(0, 0, 30, 28)


def house(x: float = 10, y: float = 10, w: float = 10, d: float = 8, **kw: object) -> Building:
    return Building(id="Wohnhaus", footprint=rect(x, y, w, d), wall_height_mean_m=6.0, **kw)  # type: ignore[arg-type]


def site(*buildings: Building) -> SitePlan:
    return SitePlan(parcel=PARCEL, buildings=buildings or (house(),), accessories=())


def wa(**kw: object) -> PlanArea:
    return PlanArea(id="WA1", geometry=rect(-100, -100, 300, 300), special_use="1200", **kw)  # type: ignore[arg-type]


def bplan(
    area: PlanArea | None = None,
    buildable: tuple[BuildableArea, ...] = (BuildableArea("UB1", rect(5, 5, 20, 18)),),
    lines: tuple[BoundaryLine, ...] = (),
) -> Bebauungsplan:
    return Bebauungsplan(
        name="Am Musterfeld",
        number="12",
        gemeinde="Kamen",
        ags="05978024",
        plan_kind=("1000",),
        legal_status="4000",
        in_force_date=dt.date(2024, 3, 1),
        drawn_up_date=None,
        baunvo_version="2023-07-03",
        xplan_version="6.0",
        source_crs="EPSG:25832",
        geltungsbereich=rect(-100, -100, 300, 300),
        areas=(area if area is not None else wa(grz=0.4),),
        buildable_areas=buildable,
        boundary_lines=lines,
        baunvo_year=2023,
    )


FIRST_10M = (HeightLimit(reference_point="2000", height_reference="2000", h_max=10.0),)
BAULINIE = (BoundaryLine("BL1", "baulinie", LineString([(X0 - 5, Y0 + 10), (X0 + 35, Y0 + 10)])),)
