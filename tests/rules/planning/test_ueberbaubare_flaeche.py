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
    [crossing] = finding.evidence["crossings"]
    assert (crossing["area_m2"], crossing["depth_m"], crossing["width_m"]) == (16.0, 2.0, 8.0)
    assert "das Gebäude auf 8 m Breite (Gebäude 8 m breit) bis zu 2 m vor der Linie, 16 m²" in finding.message


def test_eine_ganze_aussenwand_30_cm_vor_der_baugrenze_ist_kein_gebaeudeteil_und_verstoesst_gegen_abs_3() -> None:
    # REVIEW-2026-12, Q-§ 23 Abs. 3: only untergeordnete Gebäudeteile may stand out (OVG NRW 11 B 970/96)
    finding = check_baugrenze(project(site(buildings=[house(9.3, 6, 10, 8)])), context())
    assert (finding.status, finding.legal_basis) == ("fail", "§ 23 Abs. 3 Satz 1 BauNVO")
    assert "bis zu 0,3 m vor der Linie" in finding.message and "nicht das Gebäude selbst" in finding.message


def test_ein_erker_von_1_m_breite_und_0_8_m_tiefe_ist_ein_gebaeudeteil_und_zu_pruefen_mit_seinen_massen() -> None:
    bay = Polygon([(X0 + 10, Y0 + 17), (X0 + 11, Y0 + 17), (X0 + 11, Y0 + 17.8), (X0 + 10, Y0 + 17.8)])
    body = rect(6, 9, 10, 8)
    the_house = house(6, 9, 10, 8)
    scene = site(buildings=[replace(the_house, footprint=body.union(bay))])
    finding = check_baugrenze(project(scene), context())
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 23 Abs. 3 Satz 2 BauNVO")
    assert "ein Gebäudeteil auf 1 m Breite (Gebäude 10 m breit) bis zu 0,8 m vor der Linie" in finding.message
    assert "halten das Maß untergeordneter Vorbauten ein" in finding.message


def test_ein_vorbau_ueber_ein_drittel_der_gebaeudebreite_ist_das_gebaeude_selbst_und_verstoesst() -> None:
    wing = Polygon([(X0 + 6, Y0 + 17), (X0 + 11, Y0 + 17), (X0 + 11, Y0 + 18), (X0 + 6, Y0 + 18)])  # 5 of 10 m
    scene = site(buildings=[replace(house(6, 9, 10, 8), footprint=rect(6, 9, 10, 8).union(wing))])
    assert check_baugrenze(project(scene), context()).status == "fail"


def test_ein_haus_das_die_baugrenze_nur_durch_gerundete_koordinaten_um_4_cm_beruehrt_haelt_sie_ein() -> None:
    finding = check_baugrenze(project(site(buildings=[house(9.04, 6, 10, 8)])), context())  # east wall at 19.04
    assert finding.status == "pass" and "Lagetoleranz 5 cm" in finding.message


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


# A Baulinie digitised 18 cm beyond the edge of the überbaubare Fläche, as in the real xplanbox plan BP2070.
BAULINIE_APART = BoundaryLine("BL3", "baulinie", LineString([(X0 - 5, Y0 + 17.18), (X0 + 40, Y0 + 17.18)]))


def test_ein_haus_auf_der_baulinie_die_18_cm_neben_dem_rand_der_flaeche_liegt_haelt_abs_2_und_3_ein() -> None:
    on_line = project(site(buildings=[house(6, 9.18, 10, 8)]))  # north wall at y 17.18, on the Baulinie
    ctx = context(lines=(BAULINIE_APART,))
    assert check_baugrenze(on_line, ctx).status == "pass"
    finding = check_baulinie(on_line, ctx)
    assert finding is not None and finding.status == "pass", finding and finding.message


def test_ein_haus_1_m_ueber_diese_baulinie_verstoesst_gegen_abs_2_gemessen_ab_der_baulinie() -> None:
    over = project(site(buildings=[house(6, 10.18, 10, 8)]))  # north wall at y 18.18
    finding = check_baulinie(over, context(lines=(BAULINIE_APART,)))
    assert finding is not None and (finding.status, finding.legal_basis) == ("fail", "§ 23 Abs. 2 Satz 1 BauNVO")
    [crossing] = finding.evidence["crossings"]
    assert (crossing["depth_m"], crossing["line"]) == (1.0, "Baulinie 1 von 1")
    assert check_baugrenze(over, context(lines=(BAULINIE_APART,))).status == "pass"  # reported as Baulinie only
