"""Große Sonderbauten nach § 50 Abs. 2 BauO NRW."""

from dataclasses import replace

from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.bauo_nrw.sonderbau import RULE_ID, assess
from tests.rules.rechtslagen import RL

BUERO = Vorhaben(
    project_kind="neubau",
    use="buero_verwaltung",
    height_m=15.6,
    structure_height_m=19.8,
    largest_storey_area_m2=880.0,
    floor_area_m2=4200.0,
)


def test_ein_buerogebaeude_mit_4200_m2_geschossflaeche_ist_ein_grosser_sonderbau_nach_nr_5() -> None:
    result = assess(BUERO, RL)
    assert result.is_large is True
    assert result.numbers == ("5",)
    assert result.finding.rule == RULE_ID
    assert result.finding.status == "pass"
    assert result.finding.legal_basis == "§ 50 Abs. 2 Nr. 5 BauO NRW"
    assert "4.200" in result.finding.message


def test_ein_buerogebaeude_mit_genau_3000_m2_geschossflaeche_ist_kein_grosser_sonderbau() -> None:
    result = assess(replace(BUERO, floor_area_m2=3000.0), RL)
    assert result.is_large is False
    assert result.finding.status == "pass"
    assert "kein großer Sonderbau" in result.finding.message


def test_ohne_geschossflaeche_bleibt_bei_einem_buerogebaeude_offen_ob_es_ein_grosser_sonderbau_ist() -> None:
    result = assess(replace(BUERO, floor_area_m2=None), RL)
    assert result.is_large is None
    assert result.finding.status == "needs_review"
    assert "Geschossfläche" in result.finding.message
    assert "floor_area_m2" not in result.finding.message


def test_ein_wohnhaus_mit_22_5_m_hoehe_ist_ein_hochhaus_nach_nr_1() -> None:
    result = assess(
        Vorhaben(project_kind="neubau", use="wohngebaeude", height_m=22.5, structure_height_m=26.0), RL)
    assert result.numbers == ("1",)


def test_ein_wohngebaeude_mit_2000_m2_geschossgrundflaeche_faellt_nicht_unter_nr_3() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="wohngebaeude",
        height_m=6.0,
        structure_height_m=10.0,
        largest_storey_area_m2=2000.0,
    )
    assert assess(v, RL).is_large is False


def test_eine_lagerhalle_mit_2000_m2_geschossgrundflaeche_ist_ein_grosser_sonderbau_nach_nr_3() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="lager",
        height_m=0.0,
        structure_height_m=9.0,
        largest_storey_area_m2=2000.0,
    )
    assert assess(v, RL).numbers == ("3",)


def test_bei_einer_landwirtschaftlichen_halle_ueber_1600_m2_ist_die_gewaechshaus_ausnahme_zu_pruefen() -> (
    None
):
    v = Vorhaben(
        project_kind="neubau",
        use="land_forstwirtschaft",
        height_m=0.0,
        structure_height_m=6.0,
        largest_storey_area_m2=2000.0,
    )
    result = assess(v, RL)
    assert result.is_large is None
    assert "Gewächshaus" in result.finding.message


def test_eine_kita_fuer_zehn_kinder_ist_kein_grosser_sonderbau_aber_fuer_elf_kinder_nach_nr_11() -> None:
    kita = Vorhaben(
        project_kind="neubau",
        use="kita",
        height_m=0.0,
        structure_height_m=5.0,
        largest_storey_area_m2=300.0,
        persons_cared=10,
    )
    assert assess(kita, RL).is_large is False
    assert assess(replace(kita, persons_cared=11), RL).numbers == ("11",)


def test_ein_krankenhaus_ist_immer_ein_grosser_sonderbau_nach_nr_9() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="krankenhaus",
        height_m=4.0,
        structure_height_m=12.0,
        largest_storey_area_m2=900.0,
    )
    assert assess(v, RL).numbers == ("9",)


def test_ein_hotel_mit_31_betten_ist_ein_grosser_sonderbau_nach_nr_7() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="beherbergung",
        height_m=6.0,
        structure_height_m=11.0,
        largest_storey_area_m2=400.0,
        beds=31,
    )
    assert assess(v, RL).numbers == ("7",)


def test_eine_tiefgarage_mit_1200_m2_nutzflaeche_ist_ein_grosser_sonderbau_nach_nr_18() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="wohngebaeude",
        height_m=6.0,
        structure_height_m=10.0,
        garage_usable_area_m2=1200.0,
    )
    assert assess(v, RL).numbers == ("18",)


def test_bei_einer_gewerbehalle_nennt_die_pruefung_die_nicht_pruefbaren_nummern_16_und_17() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="gewerbe",
        height_m=0.0,
        structure_height_m=7.5,
        largest_storey_area_m2=620.0,
    )
    result = assess(v, RL)
    assert result.is_large is False
    assert any(item.startswith("Nr. 16") for item in result.finding.evidence["not_checkable"])
    assert "Nr. 17" in result.finding.message
