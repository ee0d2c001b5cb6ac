"""The CSV for the Kommune's cash system, downloaded through the page: UTF-8 with BOM, ';', decimal comma,
TT.MM.JJJJ; only fixed fees of the own Kommune; only for its Bauaufsicht; formula-safe; every export audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.fees.events import FeeEvent
from tests.conftest import login
from tests.factories import UserFactory, submitted_case

pytestmark = pytest.mark.django_db


def read(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_clerk_downloads_the_fixed_fees_for_the_cash_system(tariff: None, clerk_client: Client,
                                                                 applicant: Any) -> None:
    fixed = submitted_case(applicant, bauherr_name="=HYPERLINK(\"http://x\")", bauherr_street="Lindenweg 3",
                           bauherr_postal_code="59423", bauherr_city="Unna")
    submitted_case(applicant)  # no Kassenzeichen yet: not exported
    clerk_client.post(f"/gebuehren/vorgaenge/{fixed.pk}/", {"schritt": "kassenzeichen"})
    response = clerk_client.get("/gebuehren/kasse.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="gebuehren-musterstadt-')
    rows = read(response.content)
    today = timezone.localdate()
    due = today + timezone.timedelta(days=30)
    assert rows[0] == ["Kassenzeichen", "Aktenzeichen", "Schuldner", "Anschrift des Schuldners", "Betrag (EUR)",
                       "Fälligkeit", "Haushaltsstelle", "Tarifstelle", "Festsetzungsdatum"]
    assert rows[1:] == [[f"GEB/{today.year}/00001", fixed.file_number, "'=HYPERLINK(\"http://x\")",
                         "Lindenweg 3, 59423 Unna", "743,04",
                         f"{due:%d.%m.%Y}", "1.09.01.431100", "3.1.4.2", f"{today:%d.%m.%Y}"]]
    assert b"\r\n" in response.content
    event = AuditEvent.objects.get(event=FeeEvent.EXPORTED)
    assert event.after["rows"] == 1
    # the period filter: nothing fixed before today
    earlier = clerk_client.get("/gebuehren/kasse.csv", {"bis": "2020-12-31"})
    assert read(earlier.content)[1:] == []
    bad = clerk_client.get("/gebuehren/kasse.csv", {"von": "2026-12-31", "bis": "2026-01-01"})
    assert bad.status_code == 400


def test_the_export_is_for_the_kommunes_bauaufsicht_only(tariff: None, clerk_client: Client, applicant: Any,
                                                          tenant: Any, other_tenant: Any) -> None:
    case = submitted_case(applicant)
    clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"})
    for role in (Role.APPLICANT, Role.AGENCY):
        client = login(Client(), UserFactory(tenant=tenant, role=role))
        assert client.get("/gebuehren/kasse.csv").status_code == 403
        assert client.get("/gebuehren/").status_code == 403
    foreign = login(Client(), UserFactory(tenant=other_tenant, role=Role.CLERK))
    response = foreign.get("/gebuehren/kasse.csv")
    assert response.status_code == 200 and read(response.content)[1:] == []
    assert case.file_number not in foreign.get("/gebuehren/").content.decode()
    assert case.file_number in clerk_client.get("/gebuehren/").content.decode()
