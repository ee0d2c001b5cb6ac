"""What real plan data bends: several plans per file, AGS without leading zero, Baugebiet-like areas of 6.0,
values on überbaubare Flächen, names instead of gml:ids. Synthetic files name the real file they mirror."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bauantrag.formats.xplan import PlanFormatError, read_plan, read_plans
from bauantrag.formats.xplan.plan_meta import normalise_ags

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "xplan_fixtures"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("05978024", "05978024"),
        ("5978024", "05978024"),  # a number field lost the leading zero (real: „4011000“ Bremen, xplanbox BP2070)
        ("05 978 024", "05978024"),
        ("059780000024", "05978024"),  # a twelve-digit Regionalschlüssel
        ("020000000", None),  # nine digits (real: xplanbox test data) – no Gemeindeschlüssel
        ("00000000", None),
        ("asdf", None),
    ],
)
def test_the_ags_is_normalised_to_eight_digits_or_left_out_with_a_warning(written: str, read: str | None) -> None:
    warnings: list[str] = []
    assert normalise_ags(written, warnings) == read
    assert bool(warnings) == (written != read)


def test_a_plan_with_the_ags_without_leading_zero_is_recognised_as_nrw(xp: SimpleNamespace) -> None:
    extra = "<xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>5978024</xplan:ags></xplan:XP_Gemeinde></xplan:gemeinde>"
    plan = read_plan(xp.plan(plan_extra=extra))
    assert plan.ags == "05978024" and "als 05978024 gelesen" in plan.warnings[0]


def test_a_plan_without_a_name_is_read_under_its_number(xp: SimpleNamespace) -> None:
    plan = read_plan(xp.plan().replace(b"<xplan:name>Testplan</xplan:name>", b""))  # real: xplanbox BP2070 (4.1)
    assert plan.name == "Nr. 7" and "keinen Namen" in plan.warnings[0]


def test_read_plans_reads_all_three_plans_of_langenhorn_51_and_read_plan_refuses_them() -> None:
    plans = read_plans(FIXTURES / "langenhorn51_aenderungen_xplan52.gml")
    assert [(p.name, p.in_force_date.isoformat() if p.in_force_date else None) for p in plans] == [
        ("Langenhorn 51 (1. Änderung)", "1983-06-29"), ("Langenhorn 51 (2. Änderung)", "2001-04-10"),
        ("Langenhorn 51", "1976-06-25"),
    ]  # fmt: skip
    assert {round(p.areas[0].grz or 0, 1) for p in plans} == {0.3, 0.6, 0.4}
    with pytest.raises(PlanFormatError, match="3 Bebauungspläne"):
        read_plan(FIXTURES / "langenhorn51_aenderungen_xplan52.gml")


def test_a_wfs_feature_collection_of_two_plans_is_read_with_the_features_of_each() -> None:
    first, second = read_plans(FIXTURES / "wfs_zwei_plaene_xplan53.gml")
    assert (first.xplan_version, first.name, second.name) == ("5.3", "BPlan003_5-3", "BPlan001_5-3")
    assert (first.areas[0].special_use, second.areas[0].special_use) == ("1200", "1500")
    assert first.geltungsbereich is not None and first.geltungsbereich.contains(first.areas[0].geometry.centroid)


def test_features_without_bereich_go_to_the_plan_whose_geltungsbereich_holds_them(xp: SimpleNamespace) -> None:
    second = (
        "<gml:featureMember><xplan:BP_Plan gml:id='P2'><xplan:name>Fern</xplan:name><xplan:raeumlicherGeltungsbereich>"
        f"{xp.polygon(xp.square(xp.X0 + 500, xp.Y0))}</xplan:raeumlicherGeltungsbereich></xplan:BP_Plan>"
        "</gml:featureMember>"
    )
    near = (
        f"<xplan:raeumlicherGeltungsbereich>{xp.polygon(xp.square(xp.X0 - 5, xp.Y0 - 5, 20))}"
        "</xplan:raeumlicherGeltungsbereich>"
    )
    first, far = read_plans(xp.plan(plan_extra=near, features=second))
    assert (len(first.areas), len(far.areas)) == (1, 0)
    assert "nach ihrer Lage im Geltungsbereich zugeordnet" in first.warnings[-1]


def test_a_6_0_wohngebaeudeflaeche_with_grz_gfz_z_is_read_as_an_area(xp: SimpleNamespace) -> None:
    # mirrors BP_WohngebaeudeFlaeche of xplanbox BPlan001_6-0.zip / BP_6.0.zip (Bebauungsplan zur Wohnraumversorgung)
    feature = (
        "<gml:featureMember><xplan:BP_WohngebaeudeFlaeche gml:id='W1'>"
        f"<xplan:position>{xp.polygon(xp.square(xp.X0 + 20, xp.Y0))}</xplan:position>"
        "<xplan:GFZ>0.8</xplan:GFZ><xplan:GRZ>0.4</xplan:GRZ><xplan:Z>2</xplan:Z><xplan:bebauungsArt>1000</xplan:bebauungsArt>"
        "<xplan:typ>1000</xplan:typ></xplan:BP_WohngebaeudeFlaeche></gml:featureMember>"
    )
    plan = read_plan(xp.plan(features=feature))
    wohnen = plan.areas[1]
    assert (wohnen.kind, wohnen.grz, wohnen.gfz, wohnen.z, wohnen.bebauungsart) == (
        "BP_WohngebaeudeFlaeche", 0.4, 0.8, 2, "1000"
    )
    assert wohnen.name == "Teilfläche 2 von 2"


def test_values_on_ueberbaubare_flaechen_are_read_zeros_as_not_set(xp: SimpleNamespace) -> None:
    feature = (
        "<gml:featureMember><xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id='U1'>"
        f"<xplan:position>{xp.polygon(xp.square(size=6))}</xplan:position>"
        "<xplan:GR uom='m2'>120</xplan:GR><xplan:GF uom='m2'>0</xplan:GF><xplan:Zzwingend>3</xplan:Zzwingend>"
        "<xplan:bebauungsArt>2000</xplan:bebauungsArt></xplan:BP_UeberbaubareGrundstuecksFlaeche></gml:featureMember>"
    )
    buildable = read_plan(xp.plan(features=feature)).buildable_areas[0]
    assert (buildable.gr, buildable.gf, buildable.z_exact, buildable.bebauungsart) == (120.0, None, 3, "2000")
    assert buildable.zero_values == ("GF",) and buildable.name == "überbaubare Fläche 1 von 1"


def test_areas_are_named_by_number_and_what_the_drawing_prints(xp: SimpleNamespace) -> None:
    values = "<xplan:gliederung1>WA</xplan:gliederung1><xplan:gliederung2>2</xplan:gliederung2>"
    area = read_plan(xp.plan(values=values)).areas[0]
    assert area.name == "Teilfläche 1 von 1 „WA 2“" and area.id == "F1"
