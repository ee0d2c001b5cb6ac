"""Working-day arithmetic for statutory deadlines in Nordrhein-Westfalen.

Arbeitstage are Monday to Friday except the public holidays of NRW (``holidays.Germany(subdiv="NW")``:
Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen
Einheit, Allerheiligen, 1. und 2. Weihnachtstag). 24 and 31 December are not public holidays and count as
working days. The day of receipt does not count (§ 31 Abs. 1 VwVfG NRW with § 187 Abs. 1 BGB): the deadline
is the n-th working day after it.

Deadlines in months or weeks (e.g. the two months of § 36 Abs. 2 Satz 2 BauGB and § 71 Abs. 4 BauO NRW) follow
§ 31 Abs. 1 VwVfG NRW with §§ 187, 188 BGB: the day of the event does not count, the deadline ends on the day of
the last month (week) with the same number (weekday) as the day of the event, or on the month's last day when that
month is shorter (§ 188 Abs. 3 BGB: 31 January + 1 month = 28/29 February). If that day is a Saturday, Sunday or
public holiday the deadline ends on the next working day (§ 31 Abs. 3 Satz 1 VwVfG NRW).
"""

from __future__ import annotations

import calendar
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


def next_working_day_on_or_after(day: date) -> date:
    """``day`` if it is a working day, else the next one (§ 31 Abs. 3 Satz 1 VwVfG NRW, § 193 BGB)."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_months(start: date, months: int) -> date:
    """The day of the month ``months`` later with the same number as ``start`` (§ 188 Abs. 2 BGB), or that
    month's last day when it has no such day (§ 188 Abs. 3 BGB). Not moved off weekends or holidays."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_months_deadline(start: date, months: int) -> date:
    """Last day of a deadline of ``months`` months that starts with the event on ``start`` (e.g. receipt of the
    request): §§ 187 Abs. 1, 188 Abs. 2 and 3 BGB, moved to the next working day if it falls on a Saturday, Sunday
    or NRW public holiday (§ 31 Abs. 3 VwVfG NRW). Example: receipt 31.01.2026 + 1 Monat → 28.02.2026 is a
    Saturday → Monday 02.03.2026."""
    if months < 0:
        raise ValueError("months must not be negative")
    return next_working_day_on_or_after(add_months(start, months))


def add_weeks_deadline(start: date, weeks: int) -> date:
    """Last day of a deadline of ``weeks`` weeks from the event on ``start`` (§ 188 Abs. 2 BGB: the same weekday),
    moved to the next working day if needed (§ 31 Abs. 3 VwVfG NRW)."""
    if weeks < 0:
        raise ValueError("weeks must not be negative")
    return next_working_day_on_or_after(start + timedelta(weeks=weeks))


def working_days_between(start: date, end: date) -> int:
    """Number of working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))
