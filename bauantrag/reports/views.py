"""The statistics page /statistik/ and its CSV exports — for the administration of the Kommune only.

Other roles get 403 (as on the other administration pages; the page is about the Kommune, not about one object,
so there is nothing whose existence a 404 would hide). Bad filter input gives 400 with a German message.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bauantrag.reports import charts, csv_export, exports
from bauantrag.reports.actions import record_export, require_tenant_admin
from bauantrag.reports.periods import PeriodForm
from bauantrag.reports.queries import PARTS, STAGES, Report, build_page_report, build_report

TEMPLATE = "reports/overview.html"


def _invalid(request: HttpRequest, form: PeriodForm) -> HttpResponse:
    return render(request, TEMPLATE, {"form": form, "report": None}, status=400)


def _month_bars(report: Report) -> list[charts.Bar]:
    bars = []
    for i, row in enumerate(report.months):
        assert row.month is not None
        year = str(row.month.year) if i == 0 or row.month.month == 1 else ""
        bars.append(charts.Bar(row.month.short_name(), year, float(row.received), str(row.received)))
    return bars


def _share_bars(report: Report) -> list[charts.Bar]:
    bars = []
    for i, row in enumerate(report.months):
        assert row.month is not None
        year = str(row.month.year) if i == 0 or row.month.month == 1 else ""
        share = row.share_complete_first
        bars.append(charts.Bar(row.month.short_name(), year, share, "–" if share is None else charts.fmt(share, 0)))
    return bars


def _chart_context(report: Report) -> dict[str, Any]:
    period = report.period.label()
    stage_groups = [
        charts.PairGroup(
            str(stage.label) if stage in STAGES else f"{STAGES[0].label}: {stage.label}",
            report.total.stages[stage.key].days.median, report.total.stages[stage.key].days.p90,
            _("%(n)s Vorgänge") % {"n": report.total.stages[stage.key].days.count},
        )
        for stage in (*STAGES, *PARTS)
    ]  # fmt: skip
    return {
        "received_chart": charts.bar_chart(
            "chart-eingang", _("Eingegangene Anträge je Monat, %(period)s") % {"period": period},
            _("Säulendiagramm: Anzahl der Anträge nach Monat des Eingangs. Die Zahlen stehen in der Tabelle darunter."),
            _month_bars(report), unit=_("Anträge"),
        ),
        "share_chart": charts.bar_chart(
            "chart-erstpruefung",
            _("Anteil der Anträge, die bei der ersten Prüfung vollständig waren, je Monat, %(period)s")
            % {"period": period},
            _("Säulendiagramm in Prozent nach Monat des Eingangs; Monate ohne abgeschlossene erste Prüfung sind "
              "mit einem Strich markiert. Die Zahlen stehen in der Tabelle darunter."),
            _share_bars(report), unit="%",
        ),
        "stage_chart": charts.paired_bar_chart(
            "chart-dauer", _("Bearbeitungsdauer je Abschnitt in Kalendertagen, %(period)s") % {"period": period},
            _("Balkendiagramm: je Abschnitt der Median und der 90-%%-Wert der Dauer in Kalendertagen. "
              "Die Zahlen, auch in Arbeitstagen, stehen in der Tabelle darunter."),
            stage_groups, (_("Median"), _("90-%-Wert")), _("Tage"),
        ),
    }  # fmt: skip


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    user = require_tenant_admin(request.user)
    today = timezone.localdate()
    form = PeriodForm(request.GET, today=today)
    if not form.is_valid():
        return _invalid(request, form)
    report = build_page_report(user, form.period, today)
    # Show the period in effect (also when it is the default) in the filter fields.
    form = PeriodForm({"von": form.period.first.iso(), "bis": form.period.last.iso()}, today=today)
    form.is_valid()
    query = urlencode({"von": form.period.first.iso(), "bis": form.period.last.iso()})
    stage_rows = [
        (stage, stage in PARTS, report.total.stages[stage.key]) for stage in (*STAGES, *PARTS)
    ]
    month_stage_rows = [(row, [row.stages[stage.key].days for stage in STAGES]) for row in report.months]
    return render(request, TEMPLATE, {
        "form": form, "report": report, "stages": STAGES, "stage_rows": stage_rows,
        "month_stage_rows": month_stage_rows, "query": query, **_chart_context(report),
    })  # fmt: skip


@login_required
@require_GET
def export(request: HttpRequest, kind: exports.Kind) -> HttpResponse:
    user = require_tenant_admin(request.user)
    assert user.tenant is not None
    today = timezone.localdate()
    form = PeriodForm(request.GET, today=today)
    if not form.is_valid():
        return _invalid(request, form)
    report = build_report(user, form.period, today)
    header, rows = exports.TABLES[kind](report)
    content, count = csv_export.render(header, rows)
    suffix = today.isoformat() if kind == "overdue" else form.period.slug()
    filename = f"{exports.FILENAMES[kind]}-{user.tenant.slug}-{suffix}.csv"
    record_export(user, kind=kind, period=form.period, rows=count, filename=filename)
    return csv_export.response(content, filename)
