"""Arbeitstage in NRW and the zehn Arbeitstage of § 71 Abs. 1 Satz 1 BauO NRW."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bauantrag.rules.calendar import add_working_days, completeness_deadline, is_working_day


@pytest.mark.parametrize(
    ("received", "deadline", "why"),
    [
        (date(2026, 12, 18), date(2027, 1, 5), "Weihnachten (25./26.12.) und Neujahr zählen nicht"),
        (date(2026, 4, 1), date(2026, 4, 17), "Karfreitag und Ostermontag zählen nicht"),
        (date(2026, 6, 1), date(2026, 6, 16), "Fronleichnam (4.6.2026) zählt in NRW nicht"),
        (date(2027, 10, 28), date(2027, 11, 12), "Allerheiligen (Montag, 1.11.2027) zählt in NRW nicht"),
        (date(2026, 11, 26), date(2026, 12, 10), "ohne Feiertag genau zwei Wochen"),
    ],
)
def test_die_vollstaendigkeitspruefung_endet_zehn_arbeitstage_nach_eingang(
    received: date, deadline: date, why: str
) -> None:
    assert completeness_deadline(received) == deadline, why


def test_heiligabend_und_silvester_sind_arbeitstage_die_weihnachtsfeiertage_nicht() -> None:
    assert is_working_day(date(2026, 12, 24))
    assert is_working_day(date(2026, 12, 31))
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 12, 26))
    assert not is_working_day(date(2027, 1, 1))


def test_ein_eingang_am_samstag_zaehlt_ab_dem_folgenden_montag() -> None:
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)


def test_null_arbeitstage_lassen_das_datum_unveraendert_und_negative_zaehlen_rueckwaerts() -> None:
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)
    assert add_working_days(date(2027, 1, 5), -3) == date(2026, 12, 30)


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), n=st.integers(0, 60))
def test_das_ergebnis_ist_ein_arbeitstag_und_dazwischen_liegen_genau_n_arbeitstage(
    start: date, n: int
) -> None:
    end = add_working_days(start, n)
    days = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(d) for d in days) == n
    if n:
        assert is_working_day(end)
