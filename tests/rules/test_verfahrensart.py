"""Verfahrensart nach §§ 62–65 BauO NRW."""

from dataclasses import replace

from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.bauo_nrw.building_class import classify
from bauantrag.rules.nrw.bauo_nrw.procedure import RULE_ID, ProcedureDecision, determine
from bauantrag.rules.nrw.bauo_nrw.sonderbau import assess
from tests.rules.rechtslagen import RL

EFH_IM_BPLAN = Vorhaben(
    project_kind="neubau",
    use="wohngebaeude",
    detached=True,
    units=1,
    height_m=3.1,
    structure_height_m=9.4,
    gross_floor_area_m2=186.0,
    largest_unit_floor_area_m2=98.0,
    has_aufenthaltsraum=True,
    underground=False,
    planning_area="bebauungsplan_qualifiziert",
    plan_conforming=True,
    access_secured=True,
)
GARAGE = Vorhaben(
    project_kind="neubau",
    use="garage",
    detached=True,
    units=1,
    height_m=0.0,
    structure_height_m=2.9,
    wall_height_mean_m=2.6,
    gross_floor_area_m2=24.0,
    largest_storey_area_m2=24.0,
    garage_usable_area_m2=21.5,
    has_aufenthaltsraum=False,
    underground=False,
    planning_area="innenbereich_34",
)


def decide(v: Vorhaben) -> ProcedureDecision:
    return determine(v, classify(v, RL), assess(v, RL), RL)


def test_ein_buerogebaeude_mit_4200_m2_geschossflaeche_braucht_das_baugenehmigungsverfahren_nach_65() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="buero_verwaltung",
        height_m=15.6,
        structure_height_m=19.8,
        largest_storey_area_m2=880.0,
        largest_unit_floor_area_m2=860.0,
        floor_area_m2=4200.0,
    )
    decision = decide(v)
    assert decision.procedure == "baugenehmigungsverfahren"
    assert decision.finding.rule == RULE_ID
    assert decision.finding.status == "pass"
    assert decision.finding.legal_basis == "§ 65 i.V.m. § 50 Abs. 2 BauO NRW"


def test_eine_garage_mit_24_m2_ist_verfahrensfrei_und_bleibt_zu_pruefen_weil_vorhandene_garagen_mitzaehlen() -> (
    None
):
    """§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b BauO NRW (2021 und 2024 gleich): „Garagen einschließlich überdachter
    Stellplätze mit einer mittleren Wandhöhe bis zu 3 m und einer Brutto-Grundfläche bis zu insgesamt 30 m², außer
    im Außenbereich“."""
    decision = decide(GARAGE)
    assert decision.procedure == "verfahrensfrei"
    assert decision.finding.status == "needs_review"
    assert decision.finding.legal_basis == "§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b BauO NRW"
    assert "bis zu insgesamt 30 m²" in decision.finding.message
    assert "nicht bestätigt" not in decision.finding.message
    assert decision.finding.law_version == "BauO NRW in der ab 01.01.2024 geltenden Fassung"


def test_eine_garage_mit_24_m2_neben_einer_vorhandenen_mit_10_m2_ist_nicht_verfahrensfrei() -> None:
    """§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b: „bis zu insgesamt 30 m²“ – 24 + 10 = 34 m² > 30 m² (M15)."""
    decision = decide(replace(GARAGE, existing_garages_area_m2=10.0))
    assert decision.procedure == "vereinfachtes_verfahren"
    assert "insgesamt 34 m² (mehr als 30 m²)" in str(decision.finding.evidence)


def test_eine_garage_mit_36_m2_ist_nach_dem_wortlaut_2021_nicht_verfahrensfrei_und_bleibt_zu_pruefen() -> (
    None
):
    decision = decide(replace(GARAGE, gross_floor_area_m2=36.0, largest_storey_area_m2=36.0))
    assert decision.procedure == "vereinfachtes_verfahren"
    assert decision.finding.status == "needs_review"
    assert "Brutto-Grundfläche 36 m² (mehr als 30 m²)" in str(decision.finding.evidence)


def test_eine_garage_im_aussenbereich_ist_nicht_verfahrensfrei() -> None:
    decision = decide(replace(GARAGE, planning_area="aussenbereich_35"))
    assert decision.procedure == "vereinfachtes_verfahren"


def test_ohne_mittlere_wandhoehe_bleibt_offen_ob_die_garage_verfahrensfrei_ist() -> None:
    decision = decide(replace(GARAGE, wall_height_mean_m=None))
    assert decision.procedure is None
    assert decision.finding.status == "needs_review"
    assert "Fehlende Angaben: mittlere Wandhöhe." in decision.finding.message
    assert "wall_height_mean_m" not in decision.finding.message


def test_ein_einfamilienhaus_im_qualifizierten_bebauungsplan_kommt_fuer_die_freistellung_in_betracht() -> (
    None
):
    decision = decide(EFH_IM_BPLAN)
    assert decision.procedure == "genehmigungsfreistellung"
    assert decision.finding.status == "needs_review"
    assert "§ 63 Abs. 2 Satz 1 Nr. 5" in decision.finding.message


def test_ein_einfamilienhaus_mit_befreiung_vom_bebauungsplan_braucht_das_vereinfachte_verfahren() -> None:
    decision = decide(replace(EFH_IM_BPLAN, plan_conforming=False))
    assert decision.procedure == "vereinfachtes_verfahren"
    assert decision.finding.status == "pass"
    assert "Befreiung" in decision.finding.message


def test_ein_mehrfamilienhaus_im_innenbereich_braucht_das_vereinfachte_verfahren_nach_64() -> None:
    v = replace(EFH_IM_BPLAN, units=8, height_m=8.7, planning_area="innenbereich_34", plan_conforming=None)
    decision = decide(v)
    assert decision.procedure == "vereinfachtes_verfahren"
    assert decision.finding.status == "pass"
    assert decision.finding.legal_basis == "§ 64 Abs. 1 BauO NRW"


def test_ohne_angabe_zur_erschliessung_bleibt_offen_ob_freistellung_oder_vereinfachtes_verfahren() -> None:
    decision = decide(replace(EFH_IM_BPLAN, access_secured=None))
    assert decision.procedure is None
    assert "gesicherte Erschließung nicht angegeben" in decision.finding.message


def test_eine_kleine_gaststaette_im_bebauungsplan_ist_wegen_50_abs_1_nicht_sicher_freigestellt() -> None:
    v = replace(EFH_IM_BPLAN, use="gaststaette", guest_places_inside=40, largest_storey_area_m2=150.0)
    decision = decide(v)
    assert decision.procedure is None
    assert "§ 50 Abs. 1" in decision.finding.message


def test_ist_offen_ob_ein_grosser_sonderbau_vorliegt_bleibt_auch_die_verfahrensart_offen() -> None:
    v = Vorhaben(project_kind="neubau", use="buero_verwaltung", height_m=9.0, structure_height_m=14.0)
    decision = decide(v)
    assert decision.procedure is None
    assert "§ 50 Abs. 2" in decision.finding.message


def test_eine_nutzungsaenderung_zum_buero_im_innenbereich_braucht_das_vereinfachte_verfahren() -> None:
    v = Vorhaben(
        project_kind="nutzungsaenderung",
        use="buero_verwaltung",
        detached=False,
        units=1,
        height_m=3.0,
        structure_height_m=10.0,
        gross_floor_area_m2=250.0,
        largest_storey_area_m2=250.0,
        floor_area_m2=250.0,
        underground=False,
        planning_area="innenbereich_34",
    )
    assert decide(v).procedure == "vereinfachtes_verfahren"
