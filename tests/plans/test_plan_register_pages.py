"""The plan register shows 50 plans a page, sliced by the database: its queries do not grow with the number of plans
(issue 14)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bauantrag.plans.actions import import_plans
from bauantrag.plans.models import Bebauungsplan as PlanRecord

pytestmark = pytest.mark.django_db

LANGENHORN = Path(__file__).resolve().parents[1] / "data" / "xplan_fixtures" / "langenhorn51_aenderungen_xplan52.gml"


def test_the_register_pages_and_its_queries_do_not_grow_with_the_plans(tenant: Any, clerk_client: Client) -> None:
    entries = import_plans(None, tenant, "langenhorn.gml", LANGENHORN.read_bytes())
    clerk_client.get("/plaene/")  # session warm

    def queries(url: str = "/plaene/") -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = clerk_client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    few, html = queries()
    assert "Seite 1 von" not in html  # one page: no page navigation
    copies = []
    for number in range(57):
        copy = PlanRecord.objects.get(pk=entries[number % 3].pk)
        copy.pk, copy.name, copy.sha256 = uuid.uuid4(), f"Kopie {number:03d}", f"{number:064d}"
        copies.append(copy)
    PlanRecord.objects.bulk_create(copies)
    many, html = queries()
    assert many == few
    assert "Seite 1 von 2 (60 Einträge)" in html and html.count("Kopie ") == 50
    _queries, second = queries("/plaene/?seite=2")
    assert second.count("Kopie ") == 7 and "Langenhorn 51" in second  # by name: „Kopie …“ before „Langenhorn …“
