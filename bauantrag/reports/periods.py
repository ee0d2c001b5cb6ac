"""The reporting period: whole calendar months, chosen with the GET parameters ``von`` and ``bis`` (JJJJ-MM).

Months are local months (Europe/Berlin, settings.TIME_ZONE): a case belongs to the month in which it was received
(first submission, ``case.submitted`` / ``Case.submitted_at``) as the authority's clock shows it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: Default period: the current month and the eleven before it.
DEFAULT_MONTHS = 12
#: Longest period one request may ask for (bounds the work of one page view or export).
MAX_MONTHS = 120
MIN_YEAR, MAX_YEAR = 2000, 2100

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_NAMES = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        year, month = divmod(index, 12)
        return cls(year, month + 1)

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def label(self) -> str:
        """E.g. "Mär 2026" (German month abbreviations, not locale dependent)."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def short_name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    def __str__(self) -> str:
        return self.iso()


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min), timezone.get_default_timezone())


@dataclass(frozen=True)
class Period:
    first: Month
    last: Month

    @property
    def months(self) -> list[Month]:
        return [Month.from_index(i) for i in range(self.first.index, self.last.index + 1)]

    @property
    def start(self) -> dt.datetime:
        """Aware datetime: local midnight of the first day (inclusive)."""
        return _local_midnight(self.first.first_day)

    @property
    def end(self) -> dt.datetime:
        """Aware datetime: local midnight of the first day after the last month (exclusive)."""
        return _local_midnight(self.last.plus(1).first_day)

    def label(self) -> str:
        if self.first == self.last:
            return self.first.label()
        return f"{self.first.label()} – {self.last.label()}"

    def slug(self) -> str:
        return f"{self.first.iso()}-bis-{self.last.iso()}"


def default_period(today: dt.date) -> Period:
    last = Month.of(today)
    return Period(last.plus(-(DEFAULT_MONTHS - 1)), last)


def parse_month(value: str) -> Month:
    """A month written as JJJJ-MM, or ValidationError with a German message."""
    match = _MONTH.match(value.strip())
    if not match:
        raise forms.ValidationError(_("Bitte geben Sie den Monat im Format JJJJ-MM an, z. B. 2026-03."), code="format")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise forms.ValidationError(_("Den Monat %(month)02d gibt es nicht (01 bis 12).") % {"month": month},
                                    code="month")  # fmt: skip
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise forms.ValidationError(
            _("Bitte wählen Sie einen Monat zwischen %(min)s-01 und %(max)s-12.") % {"min": MIN_YEAR, "max": MAX_YEAR},
            code="range",
        )
    return Month(year, month)


class PeriodForm(forms.Form):
    """The filter of the statistics page and the exports (GET). Empty fields fall back to the default period."""

    von = forms.CharField(
        label=gettext_lazy("Von (Monat des Eingangs)"), required=False, max_length=7,
        help_text=gettext_lazy("Format JJJJ-MM, z. B. 2025-07"),
        error_messages={"max_length": gettext_lazy("Bitte geben Sie den Monat im Format JJJJ-MM an, z. B. 2026-03.")},
        widget=forms.TextInput(attrs={"type": "month", "class": "input-short", "placeholder": "JJJJ-MM"}),
    )  # fmt: skip
    bis = forms.CharField(
        label=gettext_lazy("Bis (einschließlich)"), required=False, max_length=7,
        help_text=gettext_lazy("Format JJJJ-MM, z. B. 2026-06"),
        error_messages={"max_length": gettext_lazy("Bitte geben Sie den Monat im Format JJJJ-MM an, z. B. 2026-03.")},
        widget=forms.TextInput(attrs={"type": "month", "class": "input-short", "placeholder": "JJJJ-MM"}),
    )  # fmt: skip

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_von(self) -> Month | None:
        value: str = self.cleaned_data.get("von") or ""
        return parse_month(value) if value.strip() else None

    def clean_bis(self) -> Month | None:
        value: str = self.cleaned_data.get("bis") or ""
        return parse_month(value) if value.strip() else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        default = default_period(self.today)
        last: Month = data.get("bis") or default.last
        first: Month = data.get("von") or (last.plus(-(DEFAULT_MONTHS - 1)) if data.get("bis") else default.first)
        if first > last:
            self.add_error("von", _("Der Monat „Von“ darf nicht nach dem Monat „Bis“ liegen."))
        elif last.index - first.index + 1 > MAX_MONTHS:
            self.add_error("von", _("Der Zeitraum darf höchstens %(max)s Monate umfassen.") % {"max": MAX_MONTHS})
        else:
            data["period"] = Period(first, last)
        return data

    @property
    def period(self) -> Period:
        period: Period = self.cleaned_data["period"]
        return period
