"""The inbox of the Beteiligungen shows 50 a page, sliced by the database: its queries do not grow with the number of
requests (issue 14)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bauantrag.beteiligung.models import Beteiligung
from tests.bulk import copies_of
from tests.conftest import login
from tests.decision.test_beteiligung_integration import ask
from tests.factories import clerk_for, complete_case

pytestmark = pytest.mark.django_db


def test_the_inbox_pages_and_its_queries_do_not_grow_with_the_requests(applicant: Any) -> None:
    case = complete_case(applicant, letters=False)
    clerk = clerk_for(case.tenant)
    first, _member = ask(clerk, case)
    client = login(Client(), clerk)
    client.get("/beteiligung/")  # session warm

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/beteiligung/")
        assert response.status_code == 200
        return len(captured), response.content.decode()

    few, _html = queries()
    today = timezone.localdate()
    copies = copies_of(case, 60, today)
    Beteiligung.objects.bulk_create(
        Beteiligung(tenant=case.tenant, case=copy, fachstelle=first.fachstelle, message="Bitte um Stellungnahme.",
                    deadline=today + dt.timedelta(days=10 + number), requested_by=clerk)
        for number, copy in enumerate(copies)
    )  # fmt: skip
    many, html = queries()
    assert many == few
    assert "Seite 1 von 2 (61 Einträge)" in html
    assert html.count("KOPIE-") == 49 and first.case.file_number in html  # the earliest deadline first
    second = client.get("/beteiligung/?seite=2").content.decode()
    assert second.count("KOPIE-") == 11 and "Seite 2 von 2" in second
