"""Worked examples of the fee, computed by hand from Tarifstelle 3.1.1.2 AVwGebO NRW (Rohbausumme = Brutto-Rauminhalt
× Rohbauwert) and the figures a Kommune enters.

The figures below are the TEST KOMMUNE'S DATA, not law: the rates of Tarifstellen 3.1.4.1–3.1.4.5, the minimum fee
and the refusal/withdrawal percentages were not retrieved. 172 €/m³ (Wohngebäude) and 120 €/m³ (Kleingaragen) are the
values of the undated copy of Anhang 1 (not the current MBl. values); 6 Tausendstel and "mindestens 50 €" are what
municipal pages state; 50 % for a refusal and 25 % for a withdrawal are made up for the test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bauantrag.rules.fees.calculation import FeeCase, Outcome, calculate, euro
from bauantrag.rules.fees.tariff import Purpose, Rate, RateKind, Rohbauwert, TariffError

D = Decimal
DAY = dt.date(2026, 12, 7)
YEAR_2026 = dt.date(2026, 1, 1)

VEREINFACHT_6 = Rate(YEAR_2026, None, Purpose.VEREINFACHT, "3.1.4.2", "vereinfachtes Verfahren", RateKind.PROMILLE,
                     D("6"), source="Gebührensatz der Testkommune")
MINIMUM_50 = Rate(YEAR_2026, None, Purpose.MINIMUM, "3.1.4", "Mindestgebühr", RateKind.FIXED, D("50"))
REFUSAL_50 = Rate(YEAR_2026, None, Purpose.REFUSAL, "3.1.4.9", "Ablehnung", RateKind.PERCENT_OF_FEE, D("50"))
WITHDRAWAL_25 = Rate(YEAR_2026, None, Purpose.WITHDRAWAL, "3.1.4.10", "Rücknahme", RateKind.PERCENT_OF_FEE, D("25"))
RATES = [VEREINFACHT_6, MINIMUM_50, REFUSAL_50, WITHDRAWAL_25]
WOHNGEBAEUDE_172 = Rohbauwert(YEAR_2026, None, "1", D("172"), "Rohbauwerte der Testkommune 2026")
KLEINGARAGE_120 = Rohbauwert(YEAR_2026, None, "18", D("120"))
VALUES = [WOHNGEBAEUDE_172, KLEINGARAGE_120]


def house(volume: str = "850", outcome: Outcome = Outcome.APPROVAL) -> FeeCase:
    return FeeCase(Purpose.VEREINFACHT, outcome, D(volume), "1", DAY)


def test_einfamilienhaus_850_m3_at_172_euro_and_6_tausendstel_costs_877_20() -> None:
    # 850 m³ × 172 €/m³ = 146 200,00 € Rohbausumme; 146 200,00 € × 6 / 1000 = 877,20 €; above the minimum of 50 €.
    result = calculate(house(), RATES, VALUES)
    assert result.missing == ()
    assert result.total == D("877.20")
    assert [(line.tarifstelle, line.amount) for line in result.lines] == [("3.1.4.2", D("877.20"))]
    assert "850 m³ × Rohbauwert 172,00 €/m³" in result.basis[0] and result.basis[0].endswith("= 146.200,00 €")
    assert result.lines[0].explanation == "6 Tausendstel der Rohbausumme von 146.200,00 €"
    assert result.legal_basis.startswith("§ 1 Abs. 1 AVwGebO NRW vom 8. August 2023")
    assert "Tarifstellen 3.1.1.2, 3.1.4.2 des Allgemeinen Gebührentarifs" in result.legal_basis


def test_a_small_garage_is_raised_to_the_minimum_fee() -> None:
    # 40 m³ × 120 €/m³ = 4 800,00 €; × 6 / 1000 = 28,80 € < 50 € → a line of 21,20 € raises it to 50,00 €.
    garage = FeeCase(Purpose.VEREINFACHT, Outcome.APPROVAL, D("40"), "18", DAY)
    result = calculate(garage, RATES, VALUES)
    assert [line.amount for line in result.lines] == [D("28.80"), D("21.20")]
    assert result.total == D("50.00") and result.lines[1].label == "Anhebung auf die Mindestgebühr"
    assert "3.1.4" in result.tarifstellen


def test_a_refusal_costs_the_kommunes_percentage_of_the_fee_that_would_have_been_due() -> None:
    # 877,20 € × 50 % = 438,60 €: the reduction line is −438,60 €.
    result = calculate(house(outcome=Outcome.REFUSAL), RATES, VALUES)
    assert [line.amount for line in result.lines] == [D("877.20"), D("-438.60")]
    assert result.total == D("438.60")
    assert result.lines[1].explanation == "zu erheben sind 50 % der Gebühr von 877,20 €"


def test_a_withdrawal_costs_a_quarter_and_never_less_than_the_minimum() -> None:
    # 877,20 € × 25 % = 219,30 €.
    assert calculate(house(outcome=Outcome.WITHDRAWAL), RATES, VALUES).total == D("219.30")
    # 150 m³ × 172 = 25 800,00 €; × 6/1000 = 154,80 €; × 25 % = 38,70 € < 50 € → 50,00 €.
    small = calculate(house("150", Outcome.WITHDRAWAL), RATES, VALUES)
    assert [line.amount for line in small.lines] == [D("154.80"), D("-116.10"), D("11.30")]
    assert small.total == D("50.00")


def test_every_line_is_rounded_to_full_cents_and_the_result_says_so() -> None:
    # 733,33 m³ × 172 €/m³ = 126 132,76 €; × 6/1000 = 756,79656 € → 756,80 € (half up).
    result = calculate(house("733.33"), RATES, VALUES)
    assert result.total == D("756.80")
    assert any("auf volle Cent" in note and "keine Rundungsregel" in note for note in result.notes)


def test_the_rohbauwert_of_the_year_applies_and_a_missing_one_is_named() -> None:
    old = Rohbauwert(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "1", D("167"))
    since_2025 = [Rate(dt.date(2025, 1, 1), None, Purpose.VEREINFACHT, "3.1.4.2", "", RateKind.PROMILLE, D("6")),
                  Rate(dt.date(2025, 1, 1), None, Purpose.MINIMUM, "3.1.4", "", RateKind.FIXED, D("50"))]
    in_2025 = FeeCase(Purpose.VEREINFACHT, Outcome.APPROVAL, D("850"), "1", dt.date(2025, 6, 1))
    assert calculate(in_2025, since_2025, [old, WOHNGEBAEUDE_172]).total == D("851.70")  # 850 × 167 × 6/1000
    result = calculate(house(), RATES, [old])
    assert result.total is None
    assert result.missing == ("Rohbauwert für Nr. 1 Wohngebäude, gültig am 07.12.2026: Wert fehlt (Anhang 1 zu "
                              "Tarifstelle 3.1.1.2; die Kommune trägt den im Ministerialblatt NRW bekanntgegebenen "
                              "Wert ein).",)


def test_without_the_kommunes_rates_the_result_names_every_missing_figure_and_invents_none() -> None:
    result = calculate(house(outcome=Outcome.REFUSAL), [], VALUES)
    assert result.total is None and result.lines == ()
    assert result.missing == (
        "Tarifstelle für Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW) (eine der Tarifstellen "
        "3.1.4.1–3.1.4.5, im abgerufenen Text nicht enthalten): Satz fehlt, gültig am 07.12.2026.",
        "Ablehnung des Bauantrags: Prozentsatz der Gebühr fehlt (Tarifstelle im abgerufenen Text nicht enthalten), "
        "gültig am 07.12.2026.",
        "Mindestgebühr: Betrag fehlt (im abgerufenen Text der Tarifstelle 3.1 nicht allgemein geregelt), gültig am "
        "07.12.2026; gibt es keine, 0 eintragen.",
    )


def test_missing_volume_and_gebaeudeart_are_named() -> None:
    result = calculate(FeeCase(Purpose.VEREINFACHT, Outcome.APPROVAL, None, None, DAY), RATES, VALUES)
    assert result.total is None
    assert any(text.startswith("Brutto-Rauminhalt (m³) nach DIN 277:2021-08 fehlt") for text in result.missing)
    assert "Gebäudeart nach Anhang 1 zu Tarifstelle 3.1.1.2 ist nicht gewählt." in result.missing


def test_a_fixed_fee_needs_no_rohbausumme_and_a_frame_is_left_to_the_clerk() -> None:
    fixed = Rate(YEAR_2026, None, Purpose.GENEHMIGUNGSFREISTELLUNG, "3.1.3", "Freistellung", RateKind.FIXED, D("50"))
    case = FeeCase(Purpose.GENEHMIGUNGSFREISTELLUNG, Outcome.APPROVAL, None, None, DAY)
    assert calculate(case, [fixed, MINIMUM_50], []).total == D("50.00")
    frame = Rate(YEAR_2026, None, Purpose.GENEHMIGUNGSFREISTELLUNG, "3.1.3", "Freistellung", RateKind.FRAME, D("50"),
                 D("500"))
    result = calculate(case, [frame, MINIMUM_50], [])
    assert result.total is None and result.frame == (D("50.00"), D("500.00"))
    assert result.missing == ("Rahmengebühr von 50,00 € bis 500,00 €: die Sachbearbeitung setzt den Betrag im "
                              "Rahmen fest.",)


def test_two_entries_valid_on_the_same_day_are_a_conflict_not_a_choice() -> None:
    second = Rate(dt.date(2026, 6, 1), None, Purpose.VEREINFACHT, "3.1.4.3", "", RateKind.PROMILLE, D("10"))
    result = calculate(house(), [*RATES, second], VALUES)
    assert result.total is None
    assert result.missing[0].startswith("Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW): am 07.12.2026 gelten "
                                        "mehrere Einträge (3.1.4.2, 3.1.4.3)")


@pytest.mark.parametrize(("rate", "message"), [
    (Rate(YEAR_2026, None, Purpose.MINIMUM, "3.1.4", "", RateKind.PROMILLE, D("6")), "passt nicht"),
    (Rate(YEAR_2026, None, Purpose.REFUSAL, "3.1.4", "", RateKind.PERCENT_OF_FEE, D("120")), "zwischen 0 und 100"),
    (Rate(YEAR_2026, None, Purpose.VEREINFACHT, "3.1.4", "", RateKind.FRAME, D("500"), D("50")), "Höchstbetrag"),
    (Rate(YEAR_2026, dt.date(2025, 1, 1), Purpose.VEREINFACHT, "3.1.4", "", RateKind.FIXED, D("5")), "Gültig bis"),
])
def test_an_entry_that_cannot_be_used_is_refused_with_a_reason(rate: Rate, message: str) -> None:
    with pytest.raises(TariffError, match=message):
        rate.check()


def test_euro_is_written_the_german_way() -> None:
    assert euro(D("146200")) == "146.200,00 €" and euro(D("0.005")) == "0,01 €"
