"""Überbaubare Grundstücksfläche (§ 23 BauNVO): Baugrenzen and Baulinien."""

from dataclasses import replace

from planning_scenes import X0, Y0, area, house, plan, project, rect, site
from shapely.geometry import LineString, Polygon

from bauantrag.rules.nrw.baunvo.common import PlanContext
from bauantrag.rules.nrw.baunvo.ueberbaubare_flaeche import check_baugrenze, check_baulinie
from bauantrag.rules.planning.plan import BoundaryLine, BuildableArea

UB = BuildableArea("UB1", rect(5, 5, 14, 12))  # x 5..19, y 5..17


def context(*, buildable: tuple[BuildableArea, ...] = (UB,), lines: tuple[BoundaryLine, ...] = ()) -> PlanContext:
    the_area = area("1200", grz=0.4)
    return PlanContext(plan(areas=[the_area], buildable=buildable, lines=lines), the_area, buildable, 840.0, 840.0)


def test_ein_haus_innerhalb_der_baugrenzen_haelt_paragraph_23_abs_3_ein() -> None:
    finding = check_baugrenze(project(site(buildings=[house(6, 6, 10, 8)])), context())
    assert finding.rule == "baunvo.23.baugrenze"
    assert (finding.status, finding.legal_basis) == ("pass", "§ 23 Abs. 3 Satz 1 BauNVO")


def test_ein_haus_das_die_baugrenze_um_2_m_ueberschreitet_verstoesst_gegen_paragraph_23_abs_3_satz_1() -> None:
    finding = check_baugrenze(project(site(buildings=[house(11, 6, 10, 8)])), context())  # east wall at x 21
    assert (finding.status, finding.legal_basis) == ("fail", "§ 23 Abs. 3 Satz 1 BauNVO")
    assert finding.evidence["area_outside_m2"] == 16.0
    assert finding.evidence["max_distance_m"] == 2.0
    assert "auf 16 m², bis zu 2 m außerhalb" in finding.message


def test_ein_vortreten_um_30_cm_ist_geringfuegig_und_zu_pruefen_nie_bestanden_oder_verstoss() -> None:
    finding = check_baugrenze(project(site(buildings=[house(9.3, 6, 10, 8)])), context())
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 23 Abs. 3 Satz 2 BauNVO")
    assert "in geringfügigem Ausmaß" in finding.message


def test_ein_erker_von_0_8_m2_ausserhalb_ist_geringfuegig_und_zu_pruefen() -> None:
    bay = Polygon([(X0 + 10, Y0 + 17), (X0 + 11, Y0 + 17), (X0 + 11, Y0 + 17.8), (X0 + 10, Y0 + 17.8)])
    body = rect(6, 9, 10, 8)
    the_house = house(6, 9, 10, 8)
    scene = site(buildings=[replace(the_house, footprint=body.union(bay))])
    assert check_baugrenze(project(scene), context()).status == "needs_review"


def test_eine_garage_ausserhalb_der_baugrenzen_kann_nach_abs_5_zugelassen_werden_und_ist_zu_pruefen() -> None:
    garage = house(20, 6, 3, 6, h=2.6, name="Garage", kind="garage")
    finding = check_baugrenze(project(site(buildings=[house(6, 6, 10, 8), garage])), context())
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 23 Abs. 5 BauNVO")
    assert finding.evidence["accessory_buildings_outside"] == ["Garage"]


def test_ohne_ueberbaubare_flaechen_im_plan_sind_die_baugrenzen_zu_pruefen() -> None:
    assert check_baugrenze(project(), context(buildable=())).status == "needs_review"


BAULINIE = BoundaryLine("BL1", "baulinie", LineString([(X0 - 5, Y0 + 6), (X0 + 40, Y0 + 6)]))


def test_ein_haus_das_auf_der_baulinie_steht_haelt_paragraph_23_abs_2_ein() -> None:
    finding = check_baulinie(project(site(buildings=[house(6, 6, 10, 8)])), context(lines=(BAULINIE,)))
    assert finding is not None
    assert finding.rule == "baunvo.23.baulinie"
    assert (finding.status, finding.legal_basis) == ("pass", "§ 23 Abs. 2 Satz 1 BauNVO")


def test_ein_haus_das_hinter_der_baulinie_zuruecktritt_ist_zu_pruefen() -> None:
    finding = check_baulinie(project(site(buildings=[house(6, 7, 10, 8)])), context(lines=(BAULINIE,)))
    assert finding is not None
    assert finding.status == "needs_review"
    assert "Vor- oder Zurücktreten" in finding.message


def test_ohne_baulinie_auf_dem_grundstueck_gibt_es_keinen_befund_zur_baulinie() -> None:
    far = BoundaryLine("BL2", "baulinie", LineString([(X0 + 100, Y0), (X0 + 120, Y0)]))
    assert check_baulinie(project(), context(lines=(far,))) is None
