"""Abstandsflächen nach § 6 BauO NRW, geometrically — each test is a sentence about one situation."""

import datetime as dt
from dataclasses import replace

import pytest
from planning_scenes import house, project, rect, site

from bauantrag.rules.nrw.bauo_nrw.abstandsflaechen import RULE_ID, AreaContext, check
from bauantrag.rules.planning.project import Roof

WA = AreaContext("WA", "Test")


def walls(finding):  # type: ignore[no-untyped-def]
    return {row["wall"]: row for row in finding.evidence["walls"]}


def test_ein_einfamilienhaus_mit_3_m_abstand_zu_allen_grenzen_haelt_die_abstandsflaechen_ein() -> None:
    scene = site(rect(0, 0, 16, 14), [house(3, 3, 10, 8, h=6.5)])
    finding = check(project(scene), WA)
    assert finding.rule == RULE_ID
    assert finding.status == "pass"
    assert finding.legal_basis == "§ 6 Abs. 2, 3, 4 und 5 BauO NRW"
    assert {row["depth_m"] for row in finding.evidence["walls"]} == {3.0}
    assert {row["depth_basis"] for row in finding.evidence["walls"]} == {"§ 6 Abs. 5 Satz 5 BauO NRW"}
    assert "Tiefen 3 m" in finding.message


def test_ein_einfamilienhaus_2_m_vor_der_grenze_verstoesst_gegen_paragraph_6_abs_2_bauo_nrw() -> None:
    scene = site(rect(0, 0, 16, 13), [house(3, 3, 10, 8, h=6.5)])  # north wall 2 m from the boundary
    finding = check(project(scene), WA)
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 6 Abs. 2 Satz 1 und 2, Abs. 5 Satz 5 BauO NRW"
    north = walls(finding)[2]
    assert north == {**north, "depth_m": 3.0, "h_m": 6.5, "area_outside_m2": 10.0, "status": "fail"}
    assert "Wand 2 von „Wohnhaus“: H 6,5 m, Tiefe 3 m" in finding.message
    assert "10 m² der Abstandsfläche liegen weder auf dem Grundstück" in finding.message


def test_ein_buerogebaeude_mit_10_m_wandhoehe_braucht_4_m_tiefe_nach_satz_1() -> None:
    office = house(4, 4, 12, 10, h=10.0, name="Büro")
    tight = check(project(site(rect(0, 0, 20, 17.5), [office]), use="buero_verwaltung", building_class=3), WA)
    wide = check(project(site(rect(0, 0, 20, 18), [office]), use="buero_verwaltung", building_class=3), WA)
    assert tight.status == "fail"
    assert walls(tight)[2]["depth_m"] == 4.0
    assert walls(tight)[2]["area_outside_m2"] == 6.0
    assert wide.status == "pass"
    assert walls(wide)[1]["depth_basis"] == "§ 6 Abs. 5 Satz 1 BauO NRW"


def test_im_gewerbegebiet_genuegen_0_2_h_also_4_m_bei_einer_20_m_hohen_halle() -> None:
    hall = house(4, 4, 30, 20, h=20.0, name="Halle")
    finding = check(
        project(site(rect(0, 0, 38, 28), [hall]), use="gewerbe", building_class=3), AreaContext("GE", "Test")
    )
    assert finding.status == "pass"
    assert {row["depth_m"] for row in finding.evidence["walls"]} == {4.0}
    assert {row["depth_basis"] for row in finding.evidence["walls"]} == {"§ 6 Abs. 5 Satz 2 BauO NRW"}


def test_im_kerngebiet_betraegt_die_tiefe_0_25_h() -> None:
    block = house(5, 5, 20, 12, h=16.0, name="Geschäftshaus")
    finding = check(
        project(site(rect(0, 0, 30, 22), [block]), use="buero_verwaltung", building_class=5), AreaContext("MK", "Test")
    )
    assert {row["depth_m"] for row in finding.evidence["walls"]} == {4.0}
    assert finding.status == "pass"


def test_im_kerngebiet_genuegen_zur_strasse_0_2_h_nach_satz_3() -> None:
    block = house(5, 5, 20, 12, h=20.0, name="Geschäftshaus")
    road = rect(-20, -20, 70, 20)  # south of the parcel
    finding = check(
        project(site(rect(0, 0, 30, 22), [block], roads=[road]), use="buero_verwaltung", building_class=5),
        AreaContext("MK", "Test"),
    )
    assert walls(finding)[4]["depth_m"] == 4.0  # south, towards the road
    assert walls(finding)[4]["depth_basis"] == "§ 6 Abs. 5 Satz 3 BauO NRW"
    assert walls(finding)[2]["depth_m"] == 5.0  # north, 0,25 H


def test_die_abstandsflaeche_darf_bis_zur_mitte_einer_oeffentlichen_strasse_reichen() -> None:
    scene = site(rect(0, 0, 16, 12), [house(3, 3, 10, 8)], roads=[rect(-20, 12, 60, 8)])  # 8 m wide road
    finding = check(project(scene), WA)
    assert finding.status == "pass"  # 1 m on the parcel + 2 m on the road, middle at 4 m


def test_ueber_die_mitte_einer_schmalen_strasse_hinaus_verstoesst_die_abstandsflaeche_gegen_abs_2_satz_2() -> None:
    scene = site(rect(0, 0, 16, 12), [house(3, 3, 10, 8)], roads=[rect(-20, 12, 60, 2)])  # 2 m wide road
    finding = check(project(scene), WA)
    assert finding.status == "fail"
    assert walls(finding)[2]["area_outside_m2"] == pytest.approx(10.0)  # 1 m beyond the middle, 10 m wall


def test_zwei_gegenueberliegende_haeuser_deren_abstandsflaechen_sich_ueberdecken_verstossen_gegen_abs_3() -> None:
    left, right = house(3, 3, 8, 8, name="Haus A"), house(15, 3, 8, 8, name="Haus B")  # 4 m apart
    finding = check(project(site(rect(0, 0, 26, 14), [left, right])), WA)
    assert finding.status == "fail"
    assert "§ 6 Abs. 3 BauO NRW" in finding.legal_basis
    assert "überdecken sich auf 16 m²" in finding.message


def test_ein_haus_in_der_abstandsflaeche_eines_anderen_verstoesst_gegen_abs_1() -> None:
    big, small = house(3, 3, 10, 8, name="Haus A"), house(14.5, 5, 1.0, 1.0, name="Haus B")
    finding = check(project(site(rect(-10, -10, 40, 40), [big, small])), WA)
    assert finding.status == "fail"
    assert "§ 6 Abs. 1 Satz 1 BauO NRW" in finding.legal_basis


def test_eine_wand_auf_der_grenze_in_geschlossener_bauweise_ist_zu_pruefen() -> None:
    """§ 6 Abs. 1 Satz 4 BauO NRW (2024; bis 2023 Satz 3): „Eine Abstandsfläche ist nicht erforderlich vor
    Außenwänden, die an Grundstücksgrenzen errichtet werden, wenn nach planungsrechtlichen Vorschriften 1. an die
    Grenze gebaut werden muss …“ (M9)."""
    scene = site(rect(0, 0, 16, 14), [house(0, 3, 13, 8)])
    finding = check(project(scene, submitted_on=dt.date(2025, 3, 3)), AreaContext("WA", "Test",
                                                                                   closed_construction=True))
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 6 Abs. 1 Satz 4 Nr. 1 BauO NRW"
    assert walls(finding)[3]["on_boundary"] is True  # west wall
    before = check(project(scene, submitted_on=dt.date(2023, 6, 15)), AreaContext("WA", "Test",
                                                                                    closed_construction=True))
    assert before.legal_basis == "§ 6 Abs. 1 Satz 3 Nr. 1 BauO NRW"


def test_eine_garage_mit_2_7_m_wandhoehe_an_der_grenze_ist_als_privileg_nach_abs_8_zu_pruefen() -> None:
    garage = house(0, 0, 3, 6, h=2.7, name="Garage", kind="garage")
    """§ 6 Abs. 8 letzter Satz BauO NRW (2024): „Die Gesamtlänge der Bebauung nach Satz 1 Nummern 1 bis 4 und 6 darf
    je Nachbargrenze 9 m und auf einem Grundstück zu allen Nachbargrenzen insgesamt 18 m nicht überschreiten.“
    (2021: „Nummern 1 bis 5 … insgesamt 15 m“) (M10)."""
    scene = site(rect(0, 0, 16, 14), [house(5, 3, 8, 8), garage])
    finding = check(project(scene, submitted_on=dt.date(2025, 3, 3)), WA)
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 6 Abs. 8 Satz 1 Nr. 1 BauO NRW"
    assert "insgesamt 18 m" in finding.message and "Wärmepumpen" in finding.message
    assert "15 m" not in finding.message
    before = check(project(scene, submitted_on=dt.date(2023, 6, 15)), WA)
    assert "insgesamt 15 m" in before.message and "18 m" not in before.message
    assert "§ 90 Abs. 4" in before.review_note


def test_ohne_wandhoehe_kann_die_abstandsflaeche_nicht_bestimmt_werden() -> None:
    finding = check(project(site(buildings=[house(h=None)])), WA)
    assert finding.status == "needs_review"
    assert "Wandhöhe nicht angegeben" in finding.message


def test_ein_steildach_ueber_70_grad_wird_der_wandhoehe_voll_hinzugerechnet() -> None:
    steep = house(6, 6, 10, 8, h=6.0, roof=Roof(pitch_deg=75, height_m=6.0))
    finding = check(project(site(rect(0, 0, 20, 20), [steep]), use="buero_verwaltung", building_class=3), WA)
    assert {row["h_m"] for row in finding.evidence["walls"]} == {12.0}
    assert {row["depth_m"] for row in finding.evidence["walls"]} == {4.8}
    assert finding.status == "fail"


def test_giebelwaende_eines_satteldachs_zaehlen_ein_drittel_der_dachhoehe() -> None:
    gabled = house(6, 6, 10, 8, h=6.0, roof=Roof(pitch_deg=40, height_m=3.0, gable_edges=(1, 3)))
    finding = check(project(site(rect(0, 0, 22, 20), [gabled]), use="buero_verwaltung", building_class=3), WA)
    rows = walls(finding)
    assert (rows[1]["h_m"], rows[2]["h_m"]) == (6.0, 7.0)
    assert "Giebelfläche zu einem Drittel" in rows[2]["roof_rule"]


def test_bei_unbekanntem_baugebiet_ist_eine_halle_die_nur_0_2_h_einhaelt_zu_pruefen() -> None:
    hall = house(5, 5, 30, 20, h=20.0, name="Halle")
    finding = check(project(site(rect(0, 0, 40, 30), [hall]), use="gewerbe", building_class=3), AreaContext())
    assert finding.status == "needs_review"
    assert "in GE/GI (0,2 H, § 6 Abs. 5 Satz 2) wäre sie eingehalten" in finding.message


def test_mit_angegebener_baulast_wird_aus_dem_verstoss_ein_pruefbedarf() -> None:
    scene = site(rect(0, 0, 16, 13), [house(3, 3, 10, 8)], baulast_abstandsflaechen=True)
    assert check(project(scene), WA).status == "needs_review"


def test_zu_einem_angrenzenden_wohngebiet_gilt_im_gewerbegebiet_die_groessere_tiefe_nach_satz_4() -> None:
    hall = house(5, 5, 30, 20, h=20.0, name="Halle")
    scene = site(rect(0, 0, 40, 35), [hall])
    neighbour = ("WA", rect(-50, 30, 150, 50))
    finding = check(project(scene, use="gewerbe", building_class=3), AreaContext("GE", "Test", neighbours=(neighbour,)))
    north = walls(check(project(scene, use="gewerbe", building_class=3), AreaContext("GE", "Test")))[2]
    assert north["depth_m"] == 4.0
    assert walls(finding)[2]["depth_m"] == 8.0
    assert "i.V.m. Satz 4 (angrenzend WA)" in walls(finding)[2]["depth_basis"]
    assert walls(finding)[4]["depth_m"] == 4.0  # the south wall does not face the WA


def test_ohne_gebaeude_im_lageplan_ist_nichts_pruefbar() -> None:
    finding = check(project(replace(site(), buildings=())), WA)
    assert finding.status == "needs_review"


def test_eine_garage_mit_3_5_m_wandhoehe_ist_nicht_privilegiert_und_braucht_eine_eigene_abstandsflaeche() -> None:
    garage = house(0.5, 0.5, 3, 6, h=3.5, name="Garage", kind="garage")
    finding = check(project(site(rect(0, 0, 20, 14), [house(8, 3, 8, 8), garage])), WA)
    assert finding.status == "fail"
    assert {row["building"] for row in finding.evidence["walls"]} == {"Wohnhaus", "Garage"}
    assert "§ 6 Abs. 8" not in finding.legal_basis
