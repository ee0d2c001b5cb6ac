"""Pure arithmetic of the statistics: percentiles and working-day counts. No database.

Percentile method: linear interpolation between the closest ranks (Hyndman & Fan type 7), the method of
Excel/LibreOffice ``PERCENTILE.INC``/``QUANTIL.INKL``, numpy's default and ``statistics.quantiles(method="inclusive")``.
For sorted values x[0..n-1] the p-quantile is at position h = (n - 1) * p:
x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). The median (p = 0.5) is the usual median
(the mean of the two middle values for an even count). A clerk can check any figure with QUANTIL.INKL in a
spreadsheet on the per-case export.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from bauantrag.rules.calendar import is_working_day


def percentile(values: Iterable[float], p: float) -> float | None:
    """The p-quantile (0 <= p <= 1) by linear interpolation (type 7); None for no values."""
    if not 0 <= p <= 1:
        raise ValueError("p must lie between 0 and 1")
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * p
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    fraction = position - lower
    return ordered[lower] + fraction * (ordered[upper] - ordered[lower])


@dataclass(frozen=True)
class Summary:
    """Number of values, median and 90th percentile of one stage (None where there are no values)."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        return cls(len(values), percentile(values, 0.5), percentile(values, 0.9))


class WorkingDays:
    """Counts NRW working days between dates with a prefix sum, so that thousands of cases cost one pass over
    the calendar instead of one per case.

    ``between(start, end)`` is the number of working days after ``start`` up to and including ``end`` — the
    counting of § 71 Abs. 1 BauO NRW with § 187 Abs. 1 BGB (the day of receipt does not count). 0 for the same day.
    """

    def __init__(self) -> None:
        self._origin: dt.date | None = None
        self._cumulative: list[int] = []

    def _extend(self, low: dt.date, high: dt.date) -> None:
        origin, size = self._origin, len(self._cumulative)
        if origin is not None and origin <= low and (high - origin).days < size:
            return
        if origin is not None:
            low, high = min(low, origin), max(high, origin + dt.timedelta(days=size - 1))
        high += dt.timedelta(days=366)  # room for later dates without rebuilding for each case
        cumulative, total = [], 0
        for offset in range((high - low).days + 1):
            total += is_working_day(low + dt.timedelta(days=offset))
            cumulative.append(total)
        self._origin, self._cumulative = low, cumulative

    def between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.between(end, start)
        self._extend(start, end)
        assert self._origin is not None
        return self._cumulative[(end - self._origin).days] - self._cumulative[(start - self._origin).days]


def days(start: dt.datetime, end: dt.datetime) -> float:
    """Elapsed calendar days, with fractions (e.g. 1.5 for 36 hours)."""
    return (end - start).total_seconds() / 86400


def rounded(value: float | Decimal, decimals: int = 1) -> Decimal:
    """Commercial rounding (half up) of the shortest decimal form of the value — the same as the template filter
    floatformat, so that page, charts and CSV show the same figure."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
