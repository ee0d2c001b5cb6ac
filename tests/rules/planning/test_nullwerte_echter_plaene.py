"""A value of 0 in plan data means "not set": it is never applied as a limit, the finding says so and names what
binds instead. Plans: ``tests/data/xplan_fixtures/la22_nullwerte_xplan52.gml`` (mirrors the real Hamburg plan LA 22)
and the real HafenCity 7 (``tests/data/xplan``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from planning_scenes import by_rule, project
from shapely.geometry import Polygon, box

from bauantrag.formats.xplan import read_plan
from bauantrag.rules.model import Finding
from bauantrag.rules.planning.engine import run_planning_check
from bauantrag.rules.planning.plan import Bebauungsplan
from bauantrag.rules.planning.project import Building, BuildingHeight, SitePlan

DATA = Path(__file__).resolve().parents[2] / "data"
LA22 = read_plan(DATA / "xplan_fixtures" / "la22_nullwerte_xplan52.gml")
X0, Y0 = 565500.0, 5942000.0


def in_area(plan: Bebauungsplan, number: int, floor_m2: float, storeys: int = 2) -> dict[str, Finding]:
    """A 10 × 10 m house in the middle of Teilfläche ``number`` (1 … 5, 40 × 40 m each), the square its parcel."""
    x = X0 + (number - 1) * 40
    parcel = box(x, Y0, x + 40, Y0 + 40)
    house = Building("Wohnhaus", box(x + 15, Y0 + 15, x + 25, Y0 + 25), wall_height_mean_m=6.0)
    scene = SitePlan(parcel=parcel, buildings=(house,), accessories=())
    return by_rule(run_planning_check(project(scene, storeys_full=storeys, floor_area_m2=floor_m2), plan))


def test_die_nachbildung_von_la_22_traegt_die_nullwerte_des_originals() -> None:
    assert [a.zero_values for a in LA22.areas] == [
        ("GF",), ("GFZ",), ("GFZ", "GF", "Z"), ("GRZ", "GFZ", "GF", "Z"), ("GRZ", "GFZ")
    ]
    assert all(a.gfz is None or a.gfz > 0 for a in LA22.areas) and LA22.areas[1].gf == 360.0


def test_300_m2_geschossflaeche_im_wa_mit_gf_360_und_gfz_0_halten_paragraph_20_ein_es_gilt_die_gf() -> None:
    gfz = in_area(LA22, 2, floor_m2=300)["baunvo.20.gfz"]
    assert gfz.status == "pass", gfz.message
    assert "festgesetzt GF 360 m² (GFZ 0 in den Plandaten: nicht angewandt), eingehalten" in gfz.message


def test_400_m2_geschossflaeche_im_wa_mit_gf_360_und_gfz_0_verstossen_gegen_paragraph_20_abs_2() -> None:
    gfz = in_area(LA22, 2, floor_m2=400)["baunvo.20.gfz"]
    assert (gfz.status, gfz.legal_basis) == ("fail", "§ 20 Abs. 2 BauNVO")
    assert "festgesetzt ist GF 360 m²" in gfz.message and "überschritten um 40 m²" in gfz.message
    assert "festgesetzt ist GFZ" not in gfz.message  # the message states no limit it did not apply


def test_bei_gfz_0_und_gf_0_wird_keine_geschossflaeche_begrenzt_die_grz_wird_als_bindend_genannt() -> None:
    found = in_area(LA22, 3, floor_m2=5000)
    gfz = found["baunvo.20.gfz"]
    assert gfz.status == "needs_review", gfz.message
    assert "GFZ 0 und GF 0" in gfz.message and "Orientierungswerte des § 17 BauNVO" in gfz.message
    assert "begrenzen hier GRZ 0,3 (eigene Befunde)" in gfz.message
    assert "Die Geschossfläche wurde nicht geprüft" in gfz.message
    assert found["baunvo.19.grz"].status != "fail"  # 100 m² on 1.600 m², GRZ 0,3


def test_bei_z_0_ist_die_zahl_der_vollgeschosse_nicht_begrenzt_sondern_zu_pruefen() -> None:
    vollgeschosse = in_area(LA22, 3, floor_m2=400, storeys=4)["bauo_nrw.2.6.vollgeschosse"]
    assert vollgeschosse.status == "needs_review"
    assert "Z 0" in vollgeschosse.message and "nicht geprüft" in vollgeschosse.message


def test_bei_grz_0_ohne_grundflaeche_ist_das_mass_zu_pruefen_und_kein_verstoss() -> None:
    found = in_area(LA22, 4, floor_m2=400)
    assert found["baunvo.19.grz"].status == "needs_review"
    assert "GRZ 0" in found["baunvo.19.grz"].message and "nicht geprüft" in found["baunvo.19.grz"].message
    assert not [f.rule for f in found.values() if f.status == "fail" and f.rule != "bauo_nrw.6.abstandsflaechen"]


@pytest.mark.parametrize(("floor", "status"), [(2000.0, "pass"), (3000.0, "fail")])
def test_im_mi_mit_gfz_1_6_und_gf_0_gilt_die_gfz(floor: float, status: str) -> None:
    gfz = in_area(LA22, 1, floor_m2=floor)["baunvo.20.gfz"]
    assert gfz.status == status and "GFZ 1,6" in gfz.message and "GF 0 in den Plandaten: nicht angewandt" in gfz.message


def test_eine_gf_von_1_06_m2_ist_keine_geschossflaeche_und_wird_nicht_angewandt() -> None:
    # real data: BP_5.2_Textsortierung_2 (xplanbox) gives „GF 1.06“ (m²) – a ratio in the m² field
    odd = replace(LA22, areas=(replace(LA22.areas[0], gfz=None, gf=1.06, zero_values=()), *LA22.areas[1:]))
    gfz = in_area(odd, 1, floor_m2=200)["baunvo.20.gfz"]
    assert gfz.status == "needs_review", gfz.message
    assert "GF 1,06 m² (als Fläche nicht plausibel, vermutlich eine Verhältniszahl)" in gfz.message


def test_eine_gebaeudehoehe_von_0_m_im_echten_plan_hafencity_7_ist_keine_obergrenze() -> None:
    hafencity = read_plan(DATA / "xplan" / "hamburg_hafencity7_xplan52.gml")
    zero = next(b for b in hafencity.buildable_areas if any(h.zero_values == ("h",) for h in b.heights))
    spot = zero.geometry.buffer(-4).representative_point()
    footprint = box(spot.x - 3, spot.y - 3, spot.x + 3, spot.y + 3)
    area = hafencity.areas_at(footprint)[0][0]
    parcel = area.geometry.intersection(footprint.buffer(15))
    assert isinstance(parcel, Polygon)
    house = Building("Wohnhaus", footprint, wall_height_mean_m=6.0, heights=(BuildingHeight("gebaeudehoehe", 9.0),))
    scene = SitePlan(parcel=parcel, buildings=(house,), accessories=(), terrain_height_nhn=6.0)
    hoehe = by_rule(run_planning_check(project(scene, storeys_full=1), hafencity))["bplan.hoehe"]
    assert hoehe.status == "needs_review", hoehe.message
    assert "h 0 m" in hoehe.message and "nicht als Obergrenze angewandt" in hoehe.message
