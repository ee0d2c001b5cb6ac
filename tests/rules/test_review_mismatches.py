"""The mismatches of the legal review (REVIEW-2026-12.md, section 6) that live in the engine, each with the sentence
of the statute it implements (law/BauO-NRW-2024.md; the 2021 wording from LAW.md Part A). M6–M10, M12, M14 and M15
are tested beside their rules (planning/, test_vollstaendigkeit.py, test_verfahrensart.py)."""

import datetime as dt
from dataclasses import replace

from bauantrag.rules.catalogue import build_catalogue
from bauantrag.rules.engine import run_precheck
from bauantrag.rules.model import DocumentRef, Finding, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.building_class import classify
from bauantrag.rules.nrw.baupruefvo.completeness import check
from tests.rules.rechtslagen import RL, RL_2023

GK4_WOHNEN = Vorhaben(
    project_kind="neubau", use="wohngebaeude", detached=True, units=6, dwellings=6, height_m=10.0,
    structure_height_m=14.0, gross_floor_area_m2=720.0, largest_unit_floor_area_m2=120.0,
    largest_storey_area_m2=250.0, storeys_above_ground=4, has_aufenthaltsraum=True, underground=False,
    planning_area="bebauungsplan_qualifiziert", plan_conforming=True, access_secured=True,
)


def finding(result_findings: tuple[Finding, ...], rule: str) -> Finding:
    return next(f for f in result_findings if f.rule == rule)


def test_m1_ein_wohngebaeude_der_gebaeudeklasse_4_ist_seit_2024_freigestellt_aber_zu_pruefen() -> None:
    """§ 63 Abs. 1 Satz 1 BauO NRW (2024): „Keiner Baugenehmigung bedarf unter den Voraussetzungen des Absatzes 2
    die Errichtung, Änderung oder Nutzungsänderung von 1. Wohngebäuden der Gebäudeklassen 1 bis 4, …“ – one
    consolidated copy only, so the Freistellung stays „zu prüfen“ and the clerk is told why (probe A)."""
    result = run_precheck(replace(GK4_WOHNEN, submitted_on=dt.date(2025, 5, 2)))
    procedure = finding(result.findings, "bauo_nrw.62-65.verfahrensart")
    assert (result.building_class, result.procedure) == (4, "genehmigungsfreistellung")
    assert procedure.status == "needs_review"
    assert "Wohngebäude der Gebäudeklasse 4 (bis GK 4)" in procedure.message
    assert "nur in einer konsolidierten Abschrift" in procedure.review_note


def test_m1_bis_ende_2023_blieben_wohngebaeude_der_gebaeudeklasse_4_im_vereinfachten_verfahren() -> None:
    """§ 63 Abs. 1 Satz 1 Nr. 1 BauO NRW (2021): „Wohngebäuden der Gebäudeklassen 1 bis 3“."""
    result = run_precheck(replace(GK4_WOHNEN, submitted_on=dt.date(2023, 11, 30)))
    assert result.procedure == "vereinfachtes_verfahren"
    assert finding(result.findings, "bauo_nrw.62-65.verfahrensart").status == "pass"


def test_m11_die_bauvorlageberechtigung_in_der_freistellung_stuetzt_sich_ab_2024_auf_paragraph_63_abs_7() -> None:
    """§ 63 Abs. 7 Satz 1 BauO NRW (2024): „Die §§ 67, 68 und 84 Absatz 4 bleiben unberührt.“ (2021: Abs. 8)."""
    v = replace(GK4_WOHNEN, documents=(DocumentRef("0401", "Architektenkammer"),))
    now = {f.rule: f for f in check(v, "genehmigungsfreistellung", 4, RL)}
    before = {f.rule: f for f in check(v, "genehmigungsfreistellung", 3, RL_2023)}
    assert "§ 63 Abs. 7 Satz 1" in now["baupruefvo.completeness.bauvorlageberechtigung"].legal_basis
    assert "§ 63 Abs. 8 Satz 1" in before["baupruefvo.completeness.bauvorlageberechtigung"].legal_basis


def test_m16_ein_solarpark_als_grosser_sonderbau_bleibt_seit_2024_im_vereinfachten_verfahren() -> None:
    """§ 64 Abs. 2 BauO NRW (2024): „Absatz 1 gilt auch für Sonderbauten, die in den Anwendungsbereich der
    Richtlinie (EU) 2018/2001 … fallen.“ – whether the plant does is for the clerk."""
    anlage = Vorhaben(
        project_kind="neubau", use="erneuerbare_energien", structure_height_m=35.0, height_m=0.0, units=1,
        detached=True, gross_floor_area_m2=40.0, largest_unit_floor_area_m2=40.0, largest_storey_area_m2=40.0,
        underground=False, planning_area="aussenbereich_35", access_secured=True,
    )
    now = run_precheck(replace(anlage, submitted_on=dt.date(2025, 3, 3)))
    before = run_precheck(replace(anlage, submitted_on=dt.date(2023, 3, 3)))
    procedure = finding(now.findings, "bauo_nrw.62-65.verfahrensart")
    assert (now.procedure, procedure.status, procedure.legal_basis) == (
        "vereinfachtes_verfahren", "needs_review", "§ 64 Abs. 2 BauO NRW"
    )
    assert before.procedure == "baugenehmigungsverfahren"


def test_m17_paragraph_65_hat_keine_absaetze() -> None:
    """§ 65 BauO NRW: „Bei großen Sonderbauten nach § 50 Absatz 2 prüft die Bauaufsichtsbehörde die Übereinstimmung
    …“ – one paragraph without Absätze."""
    catalogue = build_catalogue()
    texts = [r["legal_basis"] for r in catalogue["rules"]]
    assert not [t for t in texts if "§ 65 Abs." in t]


def test_m19_fuer_gebaeudeklasse_1_und_2_koennen_auch_meister_bauvorlageberechtigt_sein() -> None:
    """§ 67 Abs. 4a Satz 1 BauO NRW (2024): „Bauvorlageberechtigt für die Gebäudeklassen 1 und 2 ist auch, wer als
    Meisterin oder Meister des Maurer-, Betonbauer- oder des Zimmererhandwerks … in das Verzeichnis der
    eingeschränkt Bauvorlageberechtigten bei der Ingenieurkammer-Bau Nordrhein-Westfalen eingetragen ist.“"""
    v = replace(GK4_WOHNEN, planning_area="innenbereich_34", documents=())
    gk1 = {f.rule: f for f in check(v, "vereinfachtes_verfahren", 1, RL)}
    gk4 = {f.rule: f for f in check(v, "vereinfachtes_verfahren", 4, RL)}
    gk1_2023 = {f.rule: f for f in check(v, "vereinfachtes_verfahren", 1, RL_2023)}
    rule = "baupruefvo.completeness.bauvorlageberechtigung"
    assert gk1[rule].status == "needs_review" and "§ 67 Abs. 4a" in gk1[rule].message
    assert gk1[rule].legal_basis == "§ 67 Abs. 1 und 4a BauO NRW"
    assert gk4[rule].status == "fail"
    assert gk1_2023[rule].status == "fail"


def test_m22_die_erklaerung_zum_brandschutz_nennt_ihre_vorschrift_nur_einmal() -> None:
    rules = {r["rule"]: r for r in build_catalogue()["rules"]}
    basis = rules["baupruefvo.completeness.erklaerung_brandschutz"]["legal_basis"]
    assert basis.count("§ 13 Abs. 1 Satz 3") == 1


def test_m23_ein_nicht_freistehender_stall_ist_seit_2024_zu_pruefen_weil_freistehende_im_text_fehlt() -> None:
    """§ 2 Abs. 3 Satz 1 Nr. 1 BauO NRW: 2021 „b) freistehende land- oder forstwirtschaftlich genutzte Gebäude …“,
    the 2024 copy „b) land- oder forstwirtschaftlich genutzte Gebäude und Gebäude vergleichbarer Nutzung“ –
    unconfirmed, so both classes are named (probe C)."""
    stall = Vorhaben(
        project_kind="neubau", use="land_forstwirtschaft", detached=False, height_m=8.0, units=1,
        largest_unit_floor_area_m2=600.0, gross_floor_area_m2=600.0, structure_height_m=11.0,
        planning_area="aussenbereich_35", underground=False,
    )
    now, before = classify(stall, RL), classify(stall, RL_2023)
    assert (now.building_class, now.finding.status) == (None, "needs_review")
    assert "Gebäudeklasse 1 oder 5" in now.finding.message
    assert "„freistehende“" in now.finding.review_note
    assert (before.building_class, before.finding.status) == (5, "pass")
    assert classify(replace(stall, detached=True), RL).building_class == 1


def test_eine_freistellung_gibt_es_nicht_wenn_die_vorpruefung_einen_planverstoss_findet() -> None:
    """§ 63 Abs. 2 Satz 1 Nr. 2 BauO NRW: genehmigungsfrei nur, wenn es „den Festsetzungen des Bebauungsplans …
    nicht widerspricht“ – a GRZ violation found by the same check rules it out (one consistent result)."""
    from bauantrag.rules.catalogue_examples import EFH_BPLAN, bplan, house, site, wa

    too_big = site(house(7, 8, 16, 12))
    result = run_precheck(EFH_BPLAN, plan=bplan(wa(grz=0.2)), site=too_big)
    procedure = finding(result.findings, "bauo_nrw.62-65.verfahrensart")
    assert finding(result.findings, "baunvo.19.grz").status == "fail"
    assert result.procedure == "vereinfachtes_verfahren"
    assert "widerspricht nach der Vorprüfung den Festsetzungen des Bebauungsplans: Grundflächenzahl" in (
        procedure.message
    )
    ok = run_precheck(EFH_BPLAN, plan=bplan(wa(grz=0.4)), site=site())
    assert ok.procedure == "genehmigungsfreistellung"
