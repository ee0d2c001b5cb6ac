"""The API case list in pages: newest first, at most 50 (or ``limit``, at most 200) per page, and a number of
queries that does not grow with the number of cases (issue 14)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bauantrag.cases.models import Case
from tests.api.helpers import API
from tests.bulk import copies_of
from tests.factories import nachforderung_case, submitted_case

pytestmark = pytest.mark.django_db

LIST = f"{API}/applications/"


@pytest.fixture
def cases(applicant: Any) -> list[Case]:
    return [submitted_case(applicant, letters=False), nachforderung_case(applicant, letters=False)]


def listed(client: Client, url: str) -> tuple[dict[str, Any], int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.json(), len(captured.captured_queries)


def test_the_list_comes_in_pages_of_fifty_newest_first(cases: list[Case], clerk_client: Client) -> None:
    copies_of(cases[0], 60, timezone.localdate())
    first, _ = listed(clerk_client, LIST)
    assert first["count"] == 62 and len(first["results"]) == 50
    assert "offset=50" in first["next"] and first["previous"] is None
    created = [row["created_at"] for row in first["results"]]
    assert created == sorted(created, reverse=True)
    rest, _ = listed(clerk_client, first["next"])
    ids = {row["id"] for row in first["results"]} | {row["id"] for row in rest["results"]}
    assert len(rest["results"]) == 12 and len(ids) == 62
    assert {str(case.pk) for case in cases} <= ids  # the oldest, on the last page


def test_a_client_may_ask_for_up_to_two_hundred(cases: list[Case], clerk_client: Client) -> None:
    copies_of(cases[0], 210, timezone.localdate())
    body, _ = listed(clerk_client, f"{LIST}?limit=1000")
    assert len(body["results"]) == 200 and body["count"] == 212


def test_the_queries_of_a_page_do_not_grow_with_the_number_of_cases(
    cases: list[Case], clerk_client: Client, applicant_client: Client
) -> None:
    for client in (clerk_client, applicant_client):
        listed(client, LIST)  # session warm
    few = [listed(client, LIST)[1] for client in (clerk_client, applicant_client)]
    copies_of(cases[0], 60, timezone.localdate() - dt.timedelta(days=3))
    many = [listed(client, LIST)[1] for client in (clerk_client, applicant_client)]
    assert many == few and max(many) <= 8


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_postgresql_reads_the_first_page_from_the_index_without_sorting(cases: list[Case], clerk: Any) -> None:
    """The list's order must stay the index's order: a change of either makes PostgreSQL sort every case of the
    Kommune again (42 ms instead of 0.3 ms at 20,000 cases, docs/performance-lists.md)."""
    from django.db import transaction

    from bauantrag.api.views.applications import ApplicationListView

    view = ApplicationListView()
    view.request = type("Request", (), {"user": clerk})()  # get_queryset reads only the user
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test table is tiny; ask whether the index CAN serve
        cursor.execute("SET LOCAL enable_sort = off")  # (with a few rows, another index plus a sort costs the same)
        plan = view.get_queryset()[:50].explain()
    assert "case_tenant_newest_first" in plan and "Sort" not in plan, plan
