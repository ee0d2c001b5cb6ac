"""Fristen under § 31 VwVfG NRW: when a period begins and ends, and the move of an end off a weekend or holiday.

§ 31 Abs. 1 VwVfG NRW: „Für die Berechnung von Fristen und für die Bestimmung von Terminen gelten die §§ 187 bis 193
des Bürgerlichen Gesetzbuchs entsprechend, soweit nicht durch die Absätze 2 bis 5 etwas anderes bestimmt ist.“

* Beginning (§ 187 Abs. 1 BGB): „Ist für den Anfang einer Frist ein Ereignis oder ein in den Lauf eines Tages
  fallender Zeitpunkt maßgebend, so wird bei der Berechnung der Frist der Tag nicht mitgerechnet, in welchen das
  Ereignis oder der Zeitpunkt fällt.“ – a letter dated 24.12. starts a period on 25.12.
* End (§ 188 Abs. 2 BGB): a period in weeks or months ends „mit dem Ablauf desjenigen Tages der letzten Woche oder
  des letzten Monats, welcher durch seine Benennung oder seine Zahl dem Tage entspricht, in den das Ereignis oder der
  Zeitpunkt fällt“; § 188 Abs. 3 BGB: „Fehlt bei einer nach Monaten bestimmten Frist in dem letzten Monat der für
  ihren Ablauf maßgebende Tag, so endet die Frist mit dem Ablauf des letzten Tages dieses Monats.“
* § 31 Abs. 3 VwVfG NRW: „Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen Feiertag oder einen
  Sonnabend, so endet die Frist mit dem Ablauf des nächstfolgenden Werktages. Dies gilt nicht, wenn dem Betroffenen
  unter Hinweis auf diese Vorschrift ein bestimmter Tag als Ende der Frist mitgeteilt worden ist.“

Werktag here means Monday to Friday that is no public holiday in NRW (``calendar.is_working_day``): Saturday is
excluded by the sentence itself. Pure Python (no Django): the web application, the worker and the command line use
the same arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bauantrag.rules.calendar import add_months, is_working_day, next_working_day_on_or_after

#: The citation every finding on a period's end names (VwVfG NRW in its consolidated version of 2023).
LEGAL_BASIS = "§ 31 VwVfG NRW i.V.m. §§ 187, 188 BGB"
MOVED_BASIS = "§ 31 Abs. 3 Satz 1 VwVfG NRW"
NAMED_DAY_BASIS = "§ 31 Abs. 3 Satz 2 VwVfG NRW"


@dataclass(frozen=True)
class Fristende:
    """The end of one period: ``calendar_end`` by §§ 187, 188 BGB and ``end`` after § 31 Abs. 3 VwVfG NRW."""

    event_day: date
    calendar_end: date
    end: date
    named_day: bool

    @property
    def moved(self) -> bool:
        """True when the end fell on a Saturday, Sunday or holiday and moved to the next Werktag."""
        return self.end != self.calendar_end

    @property
    def legal_basis(self) -> str:
        if self.moved:
            return f"{LEGAL_BASIS}; {MOVED_BASIS}"
        if self.named_day and not is_working_day(self.calendar_end):
            return f"{LEGAL_BASIS}; {NAMED_DAY_BASIS}"
        return LEGAL_BASIS


def period_start(event_day: date) -> date:
    """The first day of a period set off by an event on ``event_day`` (§ 187 Abs. 1 BGB: that day does not count)."""
    return event_day + timedelta(days=1)


def calendar_end(event_day: date, *, months: int = 0, weeks: int = 0, days: int = 0) -> date:
    """The last day of a period by §§ 187 Abs. 1, 188 BGB, before § 31 Abs. 3 VwVfG NRW.

    Months: the day with the same number as ``event_day`` (or the month's last day, § 188 Abs. 3 BGB); weeks: the
    same weekday (§ 188 Abs. 2 BGB); days: ``days`` days after the event (§ 188 Abs. 1 BGB). Only one unit at a
    time, and at least one day: a period of nothing is an error of the caller."""
    units = [unit for unit in (months, weeks, days) if unit]
    if any(unit < 0 for unit in (months, weeks, days)):
        raise ValueError("Eine Frist kann nicht negativ sein.")
    if len(units) != 1:
        raise ValueError("Eine Frist braucht genau eine Einheit (Monate, Wochen oder Tage) mit einem Wert über 0.")
    if months:
        return add_months(event_day, months)
    return event_day + timedelta(weeks=weeks, days=days)


def legal_end(day: date, *, named_day: bool = False) -> date:
    """The day a period ends whose calendar end is ``day``: the next Werktag if ``day`` is a Saturday, Sunday or
    NRW public holiday (§ 31 Abs. 3 Satz 1 VwVfG NRW), unless the day was named to the person as the end „unter
    Hinweis auf diese Vorschrift“ (Satz 2, ``named_day=True``)."""
    return day if named_day else next_working_day_on_or_after(day)


def fristende(
    event_day: date, *, months: int = 0, weeks: int = 0, days: int = 0, named_day: bool = False
) -> Fristende:
    """The end of a period of ``months``/``weeks``/``days`` set off by an event on ``event_day``.

    Example (letter dated 24.12.2026, one month): the period starts on 25.12.2026, its calendar end is Sunday
    24.01.2027, so it ends with Monday 25.01.2027."""
    end = calendar_end(event_day, months=months, weeks=weeks, days=days)
    return Fristende(event_day, end, legal_end(end, named_day=named_day), named_day)


def has_ended(end: date, today: date) -> bool:
    """True when a period whose last day is ``end`` is over on ``today`` (it runs until the end of its last day)."""
    return end < today
