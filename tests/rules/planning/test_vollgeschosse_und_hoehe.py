"""Zahl der Vollgeschosse (§ 20 Abs. 1 BauNVO, § 2 Abs. 6 BauO NRW) and Höhe baulicher Anlagen (§ 16 BauNVO)."""

import datetime as dt

from planning_scenes import area, height, house, limit, plan, project, rect, site

from bauantrag.rules.nrw.baunvo import hoehe, vollgeschosse
from bauantrag.rules.nrw.baunvo.common import PlanContext
from bauantrag.rules.planning.plan import BuildableArea


def context(
    *,
    in_force: dt.date | None = dt.date(2024, 3, 1),
    ags: str = "05978024",
    buildable: tuple[BuildableArea, ...] = (),
    **values: object,
) -> PlanContext:
    the_area = area("1200", **values)
    the_plan = plan(areas=[the_area], buildable=buildable, in_force=in_force, ags=ags)
    return PlanContext(the_plan, the_area, buildable, 500.0, 500.0)


def test_drei_vollgeschosse_bei_hoechstens_zwei_festgesetzten_verstossen_gegen_paragraph_16_und_20_baunvo() -> None:
    finding = vollgeschosse.check(project(storeys_full=3), context(z=2))
    assert finding.rule == "bauo_nrw.2.6.vollgeschosse"
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO i.V.m. § 2 Abs. 6 BauO NRW"
    assert "„Wohnhaus“: 3 Vollgeschosse, höchstens zulässig sind 2" in finding.message


def test_zwei_vollgeschosse_in_einem_plan_von_2020_halten_z_2_nach_dem_begriff_der_bauo_nrw_2018_ein() -> None:
    finding = vollgeschosse.check(project(storeys_full=2), context(z=2))
    assert finding.status == "pass"
    assert "§ 2 Abs. 6 BauO NRW 2018" in finding.message
    assert finding.evidence["definition"] == "2018"


def test_in_einem_plan_von_1995_gilt_der_vollgeschossbegriff_der_bauo_nrw_2000() -> None:
    """§ 20 Abs. 1 BauNVO: „Als Vollgeschosse gelten Geschosse, die nach landesrechtlichen Vorschriften
    Vollgeschosse sind …“ – the BauO at the plan's date (1985–2018: BauO NW 1984/1995, BauO NRW 2000). The
    application counts by § 2 Abs. 6 BauO NRW 2018, so the clerk counts again (M6)."""
    finding = vollgeschosse.check(project(storeys_full=2), context(z=2, in_force=dt.date(1995, 3, 1)))
    assert finding.status == "needs_review"
    assert finding.legal_basis.endswith("§ 2 Abs. 5 BauO NW 1984/1995 bzw. BauO NRW 2000")
    assert "Staffel- und Dachgeschosse" in finding.message
    assert "höchstens in der Anrechnung eines Geschosses" in finding.review_note


def test_in_einem_plan_von_1975_gilt_der_vollgeschossbegriff_der_bauo_nw_1970_nicht_der_von_2000() -> None:
    """REVIEW-2026-12.md Q-Vollgeschoss: BauO NW 1962/1970 until 31.12.1984 (M6, probe 2)."""
    finding = vollgeschosse.check(project(storeys_full=2), context(z=2, in_force=dt.date(1975, 5, 1)))
    assert finding.status == "needs_review"
    assert finding.legal_basis.endswith("§ 2 BauO NW 1962/1970")
    assert "2000" not in finding.legal_basis


def test_fuenf_vollgeschosse_bei_hoechstens_zwei_verstossen_auch_nach_dem_aelteren_begriff() -> None:
    finding = vollgeschosse.check(project(storeys_full=5), context(z=2, in_force=dt.date(1995, 3, 1)))
    assert finding.status == "fail"


def test_drei_vollgeschosse_bei_hoechstens_zwei_sind_in_einem_plan_von_1995_zu_pruefen() -> None:
    finding = vollgeschosse.check(project(storeys_full=3), context(z=2, in_force=dt.date(1995, 3, 1)))
    assert finding.status == "needs_review"


def test_ohne_datum_des_inkrafttretens_ist_der_vollgeschossbegriff_zu_pruefen() -> None:
    finding = vollgeschosse.check(project(storeys_full=2), context(z=2, in_force=None))
    assert finding.status == "needs_review"
    assert "Datum des Plans ist nicht angegeben" in finding.message


def test_ein_plan_ausserhalb_nrw_verweist_auf_den_vollgeschossbegriff_seines_landes() -> None:
    finding = vollgeschosse.check(project(storeys_full=2), context(z=2, ags="02000000"))
    assert finding.status == "needs_review"
    assert "AGS 02000000" in finding.message


def test_zwei_vollgeschosse_bei_zwingend_drei_verstossen_gegen_paragraph_16_abs_4_satz_2() -> None:
    finding = vollgeschosse.check(project(storeys_full=2), context(z_exact=3))
    assert finding.status == "fail"
    assert "zwingend festgesetzt sind 3" in finding.message


def test_die_zahl_der_vollgeschosse_einer_ueberbaubaren_flaeche_geht_der_des_baugebiets_vor() -> None:
    ub = (BuildableArea("UB", rect(0, 0, 40, 40), z=1),)
    assert vollgeschosse.check(project(storeys_full=2), context(z=3, buildable=ub)).status == "fail"


def test_ohne_festgesetzte_zahl_der_vollgeschosse_gibt_es_nichts_zu_pruefen() -> None:
    assert vollgeschosse.check(project(storeys_full=5), context()).status == "pass"


def test_ohne_angabe_der_vollgeschosse_ist_zu_pruefen() -> None:
    assert vollgeschosse.check(project(storeys_full=None), context(z=2)).status == "needs_review"


def firsthaus(first: float) -> object:
    return project(site(buildings=[house(heights=(height("firsthoehe", first), height("traufhoehe", 6.0)))]))


def traufhaus(eaves: float) -> object:
    return project(site(buildings=[house(heights=(height("traufhoehe", eaves),))]))


def test_eine_firsthoehe_von_10_5_m_ueberschreitet_die_festgesetzten_10_m() -> None:
    finding = hoehe.check(firsthaus(10.5), context(heights=(limit("2000", h_max=10.0),)))  # type: ignore[arg-type]
    assert finding.rule == "bplan.hoehe"
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 16 Abs. 2 Nr. 4 und Abs. 4 BauNVO"
    assert "Firsthöhe 10,5 m über Gelände – höchstens 10 m zulässig, überschritten um 0,5 m" in finding.message


def test_eine_firsthoehe_von_9_5_m_haelt_die_festgesetzten_10_m_ein() -> None:
    assert hoehe.check(firsthaus(9.5), context(heights=(limit("2000", h=10.0),))).status == "pass"  # type: ignore[arg-type]


def test_eine_absolute_hoehe_ueber_nhn_braucht_die_gelaendehoehe() -> None:
    limits = (limit("2000", bezug="1000", h_max=60.0),)
    without = hoehe.check(firsthaus(9.5), context(heights=limits))  # type: ignore[arg-type]
    scene = site(buildings=[house(heights=(height("firsthoehe", 9.5),))], terrain_height_nhn=52.0)
    with_terrain = hoehe.check(project(scene), context(heights=limits))
    assert without.status == "needs_review"
    assert "Geländehöhe über NHN ist nicht angegeben" in without.message
    assert "terrain_height_nhn" not in without.message
    assert with_terrain.status == "fail"
    assert "61,5 m ü. NHN" in with_terrain.message


def test_eine_festgesetzte_traufhoehe_wird_nicht_mit_der_firsthoehe_verglichen() -> None:
    scene = site(buildings=[house(heights=(height("firsthoehe", 9.0),))])
    finding = hoehe.check(project(scene), context(heights=(limit("1000", h_max=6.5),)))
    assert finding.status == "needs_review"
    assert "Traufhöhe festgesetzt, aber nicht angegeben (angegeben: Firsthöhe)" in finding.message


def test_eine_hoehe_bezogen_auf_die_strassenmitte_ist_zu_pruefen() -> None:
    finding = hoehe.check(firsthaus(9.0), context(heights=(limit("2000", bezug="3500", h_max=10.0),)))  # type: ignore[arg-type]
    assert finding.status == "needs_review"
    assert "Straßenmitte" in finding.message


def test_eine_zwingende_traufhoehe_von_6_5_m_wird_mit_5_8_m_verfehlt() -> None:
    finding = hoehe.check(traufhaus(5.8), context(heights=(limit("1000", h_exact=6.5),)))  # type: ignore[arg-type]
    assert finding.status == "fail"
    assert "zwingend festgesetzt 6,5 m" in finding.message


def test_eine_zwingende_firsthoehe_von_10_m_um_10_cm_verfehlt_ist_eine_moegliche_geringfuegige_abweichung() -> None:
    """§ 18 Abs. 2 BauNVO: „Ist die Höhe baulicher Anlagen als zwingend festgesetzt (§ 16 Absatz 4 Satz 2), können
    geringfügige Abweichungen zugelassen werden.“ (M8)"""
    finding = hoehe.check(firsthaus(10.1), context(heights=(limit("2000", h_exact=10.0),)))  # type: ignore[arg-type]
    assert finding.status == "needs_review"
    assert "§ 18 Abs. 2 BauNVO" in finding.legal_basis
    assert "0,50 m" in finding.review_note


def test_ohne_hoehenfestsetzung_gibt_es_nichts_zu_pruefen() -> None:
    assert hoehe.check(firsthaus(15.0), context()).status == "pass"  # type: ignore[arg-type]
