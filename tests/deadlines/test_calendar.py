"""Deadline arithmetic around holidays, month ends, leap years and year ends (§§ 187, 188 BGB, § 31 VwVfG NRW)."""

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bauantrag.rules.calendar import (
    add_months,
    add_months_deadline,
    add_weeks_deadline,
    add_working_days,
    is_working_day,
    next_working_day_on_or_after,
    working_days_between,
)


@pytest.mark.parametrize(
    ("start", "months", "deadline", "why"),
    [
        (date(2026, 1, 31), 1, date(2026, 3, 2), "31.1. + 1 Monat = 28.2.2026 (Samstag) → Montag 2.3."),
        (date(2028, 1, 31), 1, date(2028, 2, 29), "Schaltjahr: 31.1.2028 + 1 Monat = Dienstag 29.2.2028"),
        (date(2028, 2, 29), 12, date(2029, 2, 28), "29.2.2028 + 12 Monate = 28.2.2029 (kein Schaltjahr)"),
        (date(2026, 10, 25), 2, date(2026, 12, 28), "25.12. und 26.12. Feiertage, 27.12. Sonntag"),
        (date(2026, 10, 1), 3, date(2027, 1, 4), "Neujahr 2027 (Freitag) → Montag 4.1.2027 (Jahreswechsel)"),
        (date(2026, 12, 31), 2, date(2027, 3, 1), "31.12. + 2 Monate = 28.2.2027 (Sonntag) → 1.3."),
        (date(2026, 2, 3), 2, date(2026, 4, 7), "Karfreitag 3.4., Wochenende, Ostermontag 6.4.2026"),
        (date(2026, 4, 4), 2, date(2026, 6, 5), "Fronleichnam (4.6.2026) ist in NRW Feiertag"),
        (date(2027, 9, 1), 2, date(2027, 11, 2), "Allerheiligen (Montag, 1.11.2027) ist in NRW Feiertag"),
        (date(2026, 3, 10), 2, date(2026, 5, 11), "10.5.2026 ist ein Sonntag"),
        (date(2026, 3, 17), 2, date(2026, 5, 18), "kein Feiertag, kein Wochenende: gleiche Tageszahl"),
    ],
)
def test_monatsfrist_endet_am_gleichen_tag_oder_am_naechsten_arbeitstag(
    start: date, months: int, deadline: date, why: str
) -> None:
    assert add_months_deadline(start, months) == deadline, why


def test_monatsende_ohne_verschiebung() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert add_months(date(2026, 11, 15), 2) == date(2027, 1, 15)
    assert add_months(date(2026, 5, 15), 0) == date(2026, 5, 15)
    assert add_months(date(2027, 1, 15), -2) == date(2026, 11, 15)


def test_negative_fristen_werden_abgelehnt() -> None:
    with pytest.raises(ValueError):
        add_months_deadline(date(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        add_weeks_deadline(date(2026, 1, 1), -1)


def test_wochenfrist_endet_am_gleichen_wochentag_oder_am_naechsten_arbeitstag() -> None:
    assert add_weeks_deadline(date(2026, 12, 11), 2) == date(2026, 12, 28)  # 25.12. → Montag 28.12.
    assert add_weeks_deadline(date(2026, 11, 18), 2) == date(2026, 12, 2)
    assert add_weeks_deadline(date(2026, 3, 20), 2) == date(2026, 4, 7)  # 3.4. Karfreitag … 6.4. Ostermontag


def test_heiligabend_und_silvester_verschieben_nicht() -> None:
    assert next_working_day_on_or_after(date(2026, 12, 24)) == date(2026, 12, 24)
    assert next_working_day_on_or_after(date(2026, 12, 31)) == date(2026, 12, 31)
    assert next_working_day_on_or_after(date(2026, 12, 25)) == date(2026, 12, 28)


def test_arbeitstage_zwischen_zwei_daten_ueber_den_jahreswechsel() -> None:
    # 21.–23.12., 24.12., 28.–31.12.2026, 4.1.2027 (1.1. Neujahr, 2./3.1. Wochenende)
    assert working_days_between(date(2026, 12, 18), date(2027, 1, 4)) == 9
    assert working_days_between(date(2027, 1, 4), date(2026, 12, 18)) == -9
    assert working_days_between(date(2026, 12, 18), date(2026, 12, 18)) == 0
    assert add_working_days(date(2026, 12, 18), 9) == date(2027, 1, 4)


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), months=st.integers(0, 24))
def test_monatsfrist_ist_ein_arbeitstag_hoechstens_vier_tage_nach_dem_kalenderdatum(
    start: date, months: int
) -> None:
    raw = add_months(start, months)
    end = add_months_deadline(start, months)
    assert is_working_day(end)
    assert raw <= end <= raw + timedelta(days=4)
    assert all(not is_working_day(raw + timedelta(days=i)) for i in range((end - raw).days))
    assert raw.day == min(start.day, calendar.monthrange(raw.year, raw.month)[1])
