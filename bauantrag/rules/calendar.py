"""Working-day arithmetic for statutory deadlines in Nordrhein-Westfalen.

Arbeitstage are Monday to Friday except the public holidays of NRW (``holidays.Germany(subdiv="NW")``:
Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen
Einheit, Allerheiligen, 1. und 2. Weihnachtstag). 24 and 31 December are not public holidays and count as
working days. The day of receipt does not count (§ 31 Abs. 1 VwVfG NRW with § 187 Abs. 1 BGB): the deadline
is the n-th working day after it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from holidays.countries.germany import Germany

#: § 71 Abs. 1 Satz 1 BauO NRW: "innerhalb von zehn Arbeitstagen nach Eingang".
COMPLETENESS_CHECK_WORKING_DAYS = 10


@lru_cache(maxsize=64)
def _nrw_holidays(year: int) -> frozenset[date]:
    return frozenset(Germany(subdiv="NW", years=year).keys())


def is_working_day(day: date) -> bool:
    """True on Monday to Friday unless the day is a public holiday in NRW."""
    return day.weekday() < 5 and day not in _nrw_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (before it for negative n); ``start`` itself for n == 0."""
    step = timedelta(days=1 if n >= 0 else -1)
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def completeness_deadline(received: date) -> date:
    """Last day of the Vollständigkeitsprüfung: zehn Arbeitstage nach Eingang (§ 71 Abs. 1 S. 1 BauO NRW)."""
    return add_working_days(received, COMPLETENESS_CHECK_WORKING_DAYS)
