"""The three CSV exports of the statistics: per month, per case, overdue. Built from one `Report`.

No personal data: cases are named by their Aktenzeichen only (no names, addresses or parcel data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.reports.csv_export import Cell
from bauantrag.reports.queries import PARTS, STAGES, Report, Row, state_label

Kind = Literal["summary", "cases", "overdue"]


def _date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


def _stage_columns() -> list[str]:
    columns = []
    for stage in (*STAGES, *PARTS):
        label = f"{stage.label}" if stage in STAGES else f"{STAGES[0].label}, {stage.label}"
        columns += [
            f"{label}: {_('Anzahl')}",
            f"{label}: {_('Median (Tage)')}",
            f"{label}: {_('90. Perzentil (Tage)')}",
            f"{label}: {_('Median (Arbeitstage)')}",
            f"{label}: {_('90. Perzentil (Arbeitstage)')}",
        ]
    return columns


def summary_table(report: Report) -> tuple[list[str], Iterator[list[Cell]]]:
    header = [
        _("Monat des Eingangs"), _("Anträge eingegangen"), _("Erste Vollständigkeitsprüfung abgeschlossen"),
        _("Davon ohne Nachforderung vollständig"), _("Anteil ohne Nachforderung vollständig (%)"), *_stage_columns(),
    ]  # fmt: skip

    def line(row: Row) -> list[Cell]:
        values: list[Cell] = [
            row.month.iso() if row.month else _("Gesamt"), row.received, row.first_check_done, row.complete_first,
            row.share_complete_first,
        ]  # fmt: skip
        for stage in (*STAGES, *PARTS):
            figures = row.stages[stage.key]
            values += [figures.days.count, figures.days.median, figures.days.p90, figures.working_days.median,
                       figures.working_days.p90]  # fmt: skip
        return values

    def rows() -> Iterator[list[Cell]]:
        for row in report.months:
            yield line(row)
        yield line(report.total)

    return header, rows()


def cases_table(report: Report) -> tuple[list[str], Iterator[list[Cell]]]:
    header = [
        _("Aktenzeichen"), _("Monat des Eingangs"), _("Status"), _("Eingang"), _("Frist Vollständigkeitsprüfung"),
        _("Nachforderungen"), _("Vollständig bestätigt"), _("Entscheidung oder Rücknahme"), _("Ergebnis"),
    ]  # fmt: skip
    for stage in (*STAGES, *PARTS):
        label = f"{stage.label}" if stage in STAGES else f"{STAGES[0].label}, {stage.label}"
        header += [f"{label}: {_('Tage')}", f"{label}: {_('Arbeitstage')}"]

    def rows() -> Iterator[list[Cell]]:
        for line in report.timelines:
            values: list[Cell] = [
                line.file_number, line.month.iso(), state_label(line.state), _date(line.submitted),
                line.completeness_due, line.nachforderungen, _date(line.completed), _date(line.decided or line.ended),
                line.outcome_label,
            ]  # fmt: skip
            for stage in (*STAGES, *PARTS):
                duration = line.durations.get(stage.key)
                values += [duration.days, duration.working_days] if duration else [None, None]
            yield values

    return header, rows()


def overdue_table(report: Report) -> tuple[list[str], Iterator[list[Cell]]]:
    header = [_("Art"), _("Aktenzeichen"), _("Frist"), _("Seit"), _("Tage überschritten"),
              _("Arbeitstage überschritten"), _("Fachstelle")]
    groups = [
        (_("Vollständigkeitsprüfung (§ 71 Abs. 1 BauO NRW)"), report.overdue.completeness),
        (_("Nachforderung ohne Antwort"), report.overdue.nachforderungen),
        (_("Beteiligung ohne Stellungnahme"), report.overdue.beteiligungen),
    ]

    def rows() -> Iterator[list[Cell]]:
        for label, items in groups:
            for item in items:
                yield [label, item.file_number, item.due, item.since, item.days_over, item.working_days_over,
                       item.detail]

    return header, rows()


TABLES = {"summary": summary_table, "cases": cases_table, "overdue": overdue_table}
FILENAMES = {"summary": "statistik", "cases": "statistik-vorgaenge", "overdue": "statistik-ueberfaellig"}
