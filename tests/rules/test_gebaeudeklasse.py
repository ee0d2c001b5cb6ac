"""Gebäudeklasse nach § 2 Abs. 3 BauO NRW — each test is a sentence about one building."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.bauo_nrw.building_class import RULE_ID, classify
from tests.rules.rechtslagen import RL

EFH = Vorhaben(
    project_kind="neubau",
    use="wohngebaeude",
    detached=True,
    units=1,
    height_m=6.5,
    gross_floor_area_m2=180.0,
    largest_unit_floor_area_m2=95.0,
    underground=False,
)


def test_ein_freistehendes_einfamilienhaus_mit_6_5_m_hoehe_ist_gebaeudeklasse_1() -> None:
    decision = classify(EFH, RL)
    assert decision.building_class == 1
    assert decision.finding.rule == RULE_ID
    assert decision.finding.status == "pass"
    assert decision.finding.legal_basis == "§ 2 Abs. 3 Satz 1 Nr. 1 Buchst. a BauO NRW"
    assert "Gebäudeklasse 1 nach § 2 Abs. 3 Satz 1 Nr. 1 Buchst. a BauO NRW" in decision.finding.message
    assert decision.finding.evidence["inputs"]["height_m"] == 6.5


def test_eine_doppelhaushaelfte_mit_6_5_m_hoehe_ist_gebaeudeklasse_2() -> None:
    assert classify(replace(EFH, detached=False), RL).building_class == 2


def test_ein_wohnhaus_mit_drei_wohnungen_bis_7_m_hoehe_ist_gebaeudeklasse_3() -> None:
    decision = classify(replace(EFH, detached=False, units=3), RL)
    assert decision.building_class == 3
    assert "3 Nutzungseinheiten (mehr als 2)" in decision.finding.message


def test_ein_haus_mit_450_m2_nutzungseinheiten_bis_7_m_hoehe_ist_gebaeudeklasse_3() -> None:
    assert classify(replace(EFH, gross_floor_area_m2=450.0), RL).building_class == 3


def test_genau_7_m_hoehe_und_400_m2_gehoeren_noch_zur_gebaeudeklasse_1() -> None:
    assert classify(replace(EFH, height_m=7.0, gross_floor_area_m2=400.0, units=2), RL).building_class == 1


def test_ein_mehrfamilienhaus_mit_12_m_hoehe_und_wohnungen_bis_400_m2_je_geschoss_ist_gebaeudeklasse_4() -> (
    None
):
    decision = classify(replace(EFH, units=10, height_m=12.0, largest_unit_floor_area_m2=120.0), RL)
    assert decision.building_class == 4
    assert decision.finding.legal_basis == "§ 2 Abs. 3 Satz 1 Nr. 4 BauO NRW"


def test_12_m_hoehe_und_eine_nutzungseinheit_mit_450_m2_in_einem_geschoss_ergeben_gebaeudeklasse_5() -> None:
    assert classify(replace(EFH, height_m=12.0, largest_unit_floor_area_m2=450.0), RL).building_class == 5


def test_ein_gebaeude_mit_mehr_als_13_m_hoehe_ist_gebaeudeklasse_5() -> None:
    decision = classify(replace(EFH, height_m=13.01), RL)
    assert decision.building_class == 5
    assert "13,01 m" in decision.finding.message


def test_ein_unterirdisches_gebaeude_ist_gebaeudeklasse_5() -> None:
    assert classify(replace(EFH, underground=True, height_m=None), RL).building_class == 5


def test_eine_freistehende_scheune_ist_gebaeudeklasse_1_auch_wenn_sie_hoeher_als_7_m_ist() -> None:
    decision = classify(replace(EFH, use="land_forstwirtschaft", height_m=9.0, gross_floor_area_m2=900.0), RL)
    assert decision.building_class == 1
    assert decision.finding.legal_basis == "§ 2 Abs. 3 Satz 1 Nr. 1 Buchst. b BauO NRW"


def test_ohne_hoehe_kann_die_gebaeudeklasse_nicht_bestimmt_werden_und_die_meldung_nennt_die_angabe() -> None:
    decision = classify(replace(EFH, height_m=None), RL)
    assert decision.building_class is None
    assert decision.finding.status == "needs_review"
    assert "height_m" not in decision.finding.message  # no internal field names for the applicant
    assert "Höhe nach § 2 Abs. 3 Satz 2" in decision.finding.message
    assert decision.finding.evidence["missing"] == ["height_m"]


def test_ohne_angabe_freistehend_bleibt_offen_ob_gebaeudeklasse_1_oder_2() -> None:
    decision = classify(replace(EFH, detached=None), RL)
    assert decision.building_class is None
    assert "Gebäudeklasse 1 oder 2" in decision.finding.message


def test_ueber_7_m_hoehe_ohne_flaeche_der_groessten_nutzungseinheit_bleibt_gk_4_oder_5_offen() -> None:
    decision = classify(replace(EFH, height_m=10.0, largest_unit_floor_area_m2=None), RL)
    assert decision.building_class is None
    assert "4 oder 5" in decision.finding.message


@given(
    height=st.one_of(st.none(), st.floats(min_value=0, max_value=200, allow_nan=False)),
    units=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
    area=st.one_of(st.none(), st.floats(min_value=0, max_value=10_000, allow_nan=False)),
    largest=st.one_of(st.none(), st.floats(min_value=0, max_value=5_000, allow_nan=False)),
    detached=st.one_of(st.none(), st.booleans()),
    underground=st.one_of(st.none(), st.booleans()),
)
def test_die_regel_antwortet_immer_mit_einer_klasse_oder_mit_needs_review(
    height: float | None,
    units: int | None,
    area: float | None,
    largest: float | None,
    detached: bool | None,
    underground: bool | None,
) -> None:
    v = replace(
        EFH,
        height_m=height,
        units=units,
        gross_floor_area_m2=area,
        largest_unit_floor_area_m2=largest,
        detached=detached,
        underground=underground,
    )
    decision = classify(v, RL)
    if decision.building_class is None:
        assert decision.finding.status == "needs_review"
    else:
        assert decision.finding.status == "pass"
        assert 1 <= decision.building_class <= 5
        if height is not None and height > 13:
            assert decision.building_class == 5
