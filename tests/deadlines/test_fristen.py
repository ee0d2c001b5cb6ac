"""§ 31 VwVfG NRW with §§ 187, 188 BGB, computed by hand on the calendar of NRW.

§ 31 Abs. 3 VwVfG NRW: „Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen Feiertag oder einen
Sonnabend, so endet die Frist mit dem Ablauf des nächstfolgenden Werktages. Dies gilt nicht, wenn dem Betroffenen
unter Hinweis auf diese Vorschrift ein bestimmter Tag als Ende der Frist mitgeteilt worden ist.“
"""

from datetime import date

import pytest

from bauantrag.rules.fristen import calendar_end, fristende, has_ended, legal_end, period_start


def test_der_tag_des_ereignisses_wird_nicht_mitgerechnet() -> None:
    # § 187 Abs. 1 BGB: „… so wird bei der Berechnung der Frist der Tag nicht mitgerechnet, in welchen das Ereignis
    # … fällt.“ A letter dated Thursday 24.12.2026 starts the period on Friday 25.12.2026.
    assert period_start(date(2026, 12, 24)) == date(2026, 12, 25)


def test_ein_monat_ab_heiligabend_endet_am_montag_25_januar_2027() -> None:
    # 24.12.2026 + 1 Monat → 24.01.2027 (§ 188 Abs. 2 BGB), a Sunday → Monday 25.01.2027 (§ 31 Abs. 3 Satz 1).
    end = fristende(date(2026, 12, 24), months=1)
    assert end.calendar_end == date(2027, 1, 24)
    assert end.calendar_end.weekday() == 6
    assert end.end == date(2027, 1, 25)
    assert end.moved
    assert "§ 31 Abs. 3 Satz 1 VwVfG NRW" in end.legal_basis


def test_ein_unter_hinweis_auf_die_vorschrift_genannter_tag_bleibt_das_ende() -> None:
    # § 31 Abs. 3 Satz 2: „Dies gilt nicht, wenn … unter Hinweis auf diese Vorschrift ein bestimmter Tag als Ende der
    # Frist mitgeteilt worden ist.“
    end = fristende(date(2026, 12, 24), months=1, named_day=True)
    assert end.end == date(2027, 1, 24)
    assert not end.moved
    assert "§ 31 Abs. 3 Satz 2 VwVfG NRW" in end.legal_basis
    assert legal_end(date(2026, 12, 19), named_day=True) == date(2026, 12, 19)


@pytest.mark.parametrize(
    ("event", "months", "calendar", "end", "why"),
    [
        (date(2026, 11, 19), 1, date(2026, 12, 19), date(2026, 12, 21), "Sonnabend 19.12.2026 → Montag (Probe D)"),
        (date(2026, 11, 25), 1, date(2026, 12, 25), date(2026, 12, 28),
         "1. Weihnachtstag (Fr), 2. Weihnachtstag (Sa), Sonntag → Montag 28.12."),
        (date(2027, 1, 31), 1, date(2027, 2, 28), date(2027, 3, 1),
         "§ 188 Abs. 3 BGB: kein 31.02. → 28.02.2027, ein Sonntag → 01.03."),
        (date(2028, 1, 31), 1, date(2028, 2, 29), date(2028, 2, 29), "Schaltjahr: Dienstag 29.02.2028 bleibt"),
        (date(2026, 10, 1), 1, date(2026, 11, 1), date(2026, 11, 2), "Allerheiligen (NRW) und Sonntag → 02.11."),
        (date(2027, 4, 27), 1, date(2027, 5, 27), date(2027, 5, 28), "Fronleichnam 27.05.2027 ist in NRW Feiertag"),
        (date(2026, 3, 17), 2, date(2026, 5, 17), date(2026, 5, 18), "17.05.2026 ist ein Sonntag"),
        (date(2026, 3, 18), 2, date(2026, 5, 18), date(2026, 5, 18), "Montag: keine Verschiebung"),
    ],
)
def test_monatsfristen_von_hand(event: date, months: int, calendar: date, end: date, why: str) -> None:
    result = fristende(event, months=months)
    assert (result.calendar_end, result.end) == (calendar, end), why


def test_eine_wochenfrist_endet_am_gleichen_wochentag() -> None:
    # § 188 Abs. 2 BGB: the day of the last week „welcher durch seine Benennung … dem Tage entspricht“.
    # Wednesday 09.12.2026 + 6 Wochen → Wednesday 20.01.2027.
    assert fristende(date(2026, 12, 9), weeks=6).end == date(2027, 1, 20)
    # Friday 20.11.2026 + 5 Wochen → Friday 25.12.2026 (holiday), 26.12. (Sa), 27.12. (So) → Monday 28.12.2026.
    assert fristende(date(2026, 11, 20), weeks=5).end == date(2026, 12, 28)


def test_eine_tagesfrist_zaehlt_ab_dem_folgetag() -> None:
    # § 188 Abs. 1 BGB: 10 Tage ab Montag 07.12.2026 → Thursday 17.12.2026.
    assert calendar_end(date(2026, 12, 7), days=10) == date(2026, 12, 17)


@pytest.mark.parametrize("kwargs", [{}, {"months": 1, "weeks": 1}, {"months": -1}, {"days": 0}])
def test_eine_frist_ohne_genau_eine_positive_einheit_ist_ein_fehler(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="Frist"):
        calendar_end(date(2026, 12, 7), **kwargs)


def test_eine_frist_laeuft_bis_zum_ende_ihres_letzten_tages() -> None:
    assert not has_ended(date(2026, 12, 21), date(2026, 12, 21))
    assert has_ended(date(2026, 12, 21), date(2026, 12, 22))
