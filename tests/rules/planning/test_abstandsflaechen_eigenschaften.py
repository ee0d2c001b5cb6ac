"""Properties of the Abstandsflächen geometry (§ 6 BauO NRW) for random rectangular houses and parcels."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from planning_scenes import X0, Y0, project
from shapely import affinity
from shapely.geometry import Polygon, box

from bauantrag.rules.nrw.bauo_nrw import abstandsflaechen_tiefe as tiefe
from bauantrag.rules.nrw.bauo_nrw.abstandsflaechen import AreaContext, check
from bauantrag.rules.planning.project import Building, PublicArea, SitePlan

SETTINGS = settings(max_examples=60, deadline=None)
WA = AreaContext("WA", "Test")
sizes = st.floats(min_value=4.0, max_value=40.0)
heights = st.floats(min_value=2.5, max_value=40.0)
angles = st.floats(min_value=0.0, max_value=360.0)


def required(h: float) -> float:
    return max(0.4 * h, 3.0)


def scene(
    w: float,
    d: float,
    h: float,
    margins: tuple[float, float, float, float],
    road: float = 0.0,
    angle: float = 0.0,
    shift: tuple[float, float] = (0.0, 0.0),
) -> SitePlan:
    """A w × d office building; the parcel edge lies ``margins`` (east, north, west, south) from each wall."""
    east, north, west, south = margins
    house = box(X0, Y0, X0 + w, Y0 + d)
    parcel = box(X0 - west, Y0 - south, X0 + w + east, Y0 + d + north)
    roads = [box(X0 - west - 50, Y0 + d + north, X0 + w + east + 50, Y0 + d + north + road)] if road else []

    def move(shape: Polygon) -> Polygon:
        turned = affinity.rotate(shape, angle, origin=(X0, Y0))
        return affinity.translate(turned, *shift)

    return SitePlan(
        parcel=move(parcel),
        buildings=(Building("Büro", move(house), wall_height_mean_m=h),),
        public_areas=tuple(PublicArea("verkehrsflaeche", move(r)) for r in roads),
    )


def run(site: SitePlan):  # type: ignore[no-untyped-def]
    return check(project(site, use="buero_verwaltung", building_class=3), WA)


@SETTINGS
@given(w=sizes, d=sizes, h=heights, extra=st.floats(min_value=0.01, max_value=20.0), angle=angles)
def test_ein_rechteckiges_haus_mitten_auf_einem_grossen_grundstueck_haelt_die_abstandsflaechen_immer_ein(
    w: float, d: float, h: float, extra: float, angle: float
) -> None:
    margin = required(h) + extra
    finding = run(scene(w, d, h, (margin, margin, margin, margin), angle=angle))
    assert finding.status == "pass"
    assert all(row["area_outside_m2"] == 0 for row in finding.evidence["walls"])


@SETTINGS
@given(
    w=sizes,
    d=sizes,
    h=heights,
    side=st.integers(min_value=0, max_value=3),
    shortfall=st.floats(min_value=0.05, max_value=1.0),
    angle=angles,
)
def test_liegt_die_grenze_naeher_als_die_erforderliche_tiefe_an_einer_wand_verstoesst_genau_diese_wand(
    w: float, d: float, h: float, side: int, shortfall: float, angle: float
) -> None:
    depth = required(h)
    gap = max(0.2, depth * (1 - shortfall))
    margins = [depth + 1.0] * 4
    margins[side] = gap
    finding = run(scene(w, d, h, (margins[0], margins[1], margins[2], margins[3]), angle=angle))
    assert finding.status == "fail"
    rows = {row["wall"]: row for row in finding.evidence["walls"]}
    failing = {wall for wall, row in rows.items() if row["status"] == "fail"}
    assert failing == {side + 1}  # walls are numbered east, north, west, south for a shapely box
    length = d if side in (0, 2) else w
    assert rows[side + 1]["area_outside_m2"] == pytest.approx((depth - gap) * length, rel=0.01, abs=0.02)


@settings(max_examples=200, deadline=None)
@given(
    h=st.floats(min_value=0.0, max_value=300.0),
    baugebiet=st.sampled_from([None, "WR", "WA", "MI", "MU", "MK", "GE", "GI"]),
    towards_public=st.booleans(),
    flat=st.booleans(),
)
def test_die_tiefe_der_abstandsflaeche_ist_nie_kleiner_als_3_m(
    h: float, baugebiet: str | None, towards_public: bool, flat: bool
) -> None:
    assert tiefe.required_depth(h, baugebiet, towards_public=towards_public, flat=flat).depth >= 3.0


margins = st.tuples(*[st.floats(min_value=0.5, max_value=12.0)] * 4)


@SETTINGS
@given(
    w=sizes,
    d=sizes,
    h=heights,
    m=margins,
    road=st.sampled_from([0.0, 3.0, 9.0]),
    angle=angles,
    shift=st.tuples(st.floats(-2000, 2000), st.floats(-2000, 2000)),
)
def test_drehen_und_verschieben_der_ganzen_szene_aendert_das_ergebnis_nicht(
    w: float,
    d: float,
    h: float,
    m: tuple[float, float, float, float],
    road: float,
    angle: float,
    shift: tuple[float, float],
) -> None:
    plain = run(scene(w, d, h, m, road))
    moved = run(scene(w, d, h, m, road, angle=angle, shift=shift))
    assert moved.status == plain.status
    for a, b in zip(plain.evidence["walls"], moved.evidence["walls"], strict=True):
        assert b["depth_m"] == a["depth_m"]
        assert b["area_outside_m2"] == pytest.approx(a["area_outside_m2"], abs=0.05 + 0.002 * a["area_outside_m2"])


@SETTINGS
@given(w=sizes, d=sizes, h=heights, m=margins, road=st.sampled_from([0.0, 2.0, 6.0]), angle=angles)
def test_die_flaeche_ausserhalb_ist_genau_dann_null_wenn_die_regel_erfuellt_ist(
    w: float, d: float, h: float, m: tuple[float, float, float, float], road: float, angle: float
) -> None:
    finding = run(scene(w, d, h, m, road, angle=angle))
    rows = finding.evidence["walls"]
    for row in rows:
        assert (row["status"] == "pass") == (row["area_outside_m2"] == 0)
    assert (finding.status == "pass") == all(row["area_outside_m2"] == 0 for row in rows)
    if finding.status == "fail":
        assert not math.isclose(sum(row["area_outside_m2"] for row in rows), 0.0)
