"""The clerk's queue in pages of 50: the running-deadline order across pages, German page controls that keep the
view, and a number of queries that does not grow with the number of cases (issue 14)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bauantrag.cases import deadlines
from bauantrag.cases.models import Case
from bauantrag.workspace.queue import PAGE_SIZE, running_due
from tests.bulk import copies_of
from tests.factories import complete_case, nachforderung_case, submitted_case

pytestmark = pytest.mark.django_db

FILE_NUMBER = re.compile(r"<th scope=\"row\"><a href=\"[^\"]+\">([^<]+)</a>")


def numbers_on(html: str) -> list[str]:
    return FILE_NUMBER.findall(html)


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def mixed(applicant: Any) -> list[Case]:
    """One case of each open kind the queue reads deadlines for (own deadline, Nachforderung, decision date)."""
    return [submitted_case(applicant, letters=False), nachforderung_case(applicant, letters=False),
            complete_case(applicant, letters=False)]


def test_the_queue_shows_fifty_cases_per_page_in_deadline_order(mixed: list[Case], clerk_client: Client) -> None:
    today = timezone.localdate()
    copies_of(mixed[0], 60, today - dt.timedelta(days=10))
    first = clerk_client.get("/bauaufsicht/").content.decode()
    second = clerk_client.get("/bauaufsicht/?ansicht=offen&seite=2").content.decode()
    on_first, on_second = numbers_on(first), numbers_on(second)
    assert len(on_first) == PAGE_SIZE and len(on_second) == 63 - PAGE_SIZE
    assert not set(on_first) & set(on_second)
    copies = [number for number in on_first + on_second if number.startswith("KOPIE-")]
    assert copies == sorted(copies)  # due one day apart: the running deadline orders across the pages
    assert "Seite 1 von 2 (63 Vorgänge)" in first and "Seite 2 von 2 (63 Vorgänge)" in second
    assert 'href="?ansicht=offen&amp;seite=2" rel="next"' in first
    assert 'href="?ansicht=offen&amp;seite=1" rel="prev"' in second


def test_page_links_keep_the_chosen_view(mixed: list[Case], clerk_client: Client) -> None:
    copies_of(mixed[0], 55, timezone.localdate() - dt.timedelta(days=100))  # all overdue
    html = clerk_client.get("/bauaufsicht/?ansicht=frist").content.decode()
    assert "Seite 1 von 2 (55 Vorgänge)" in html
    assert 'href="?ansicht=frist&amp;seite=2" rel="next"' in html
    last = clerk_client.get("/bauaufsicht/?ansicht=frist&seite=2").content.decode()
    assert len(numbers_on(last)) == 5 and last.count("überfällig") == 5


def test_a_page_number_out_of_range_or_not_a_number_shows_a_real_page(mixed: list[Case], clerk_client: Client) -> None:
    assert len(numbers_on(clerk_client.get("/bauaufsicht/?seite=99").content.decode())) == 3
    assert len(numbers_on(clerk_client.get("/bauaufsicht/?seite=zwei").content.decode())) == 3


@pytest.mark.parametrize("sort_in", ["database", "python"])
def test_the_queries_of_a_page_do_not_grow_with_the_number_of_cases(
    mixed: list[Case], clerk_client: Client, sort_in: str
) -> None:
    """Also when a deadline source has no SQL form and the open cases are sorted in Python."""
    with deadlines.DEADLINE_DUES.override({}, replace_all=sort_in == "python"):
        assert (running_due() is None) == (sort_in == "python")
        few, many = _queries_with_few_and_many_cases(mixed, clerk_client)
    # a deadline source asks only when its cases are on the page (Beteiligung: complete cases), never per row
    assert all(after <= before for after, before in zip(many, few, strict=True)), (few, many)
    assert max(many) <= 12


def _queries_with_few_and_many_cases(mixed: list[Case], clerk_client: Client) -> tuple[list[int], list[int]]:
    urls = ["/bauaufsicht/", "/bauaufsicht/?ansicht=frist", "/bauaufsicht/?ansicht=alle",
            "/bauaufsicht/?ansicht=abgeschlossen", "/bauaufsicht/?ansicht=alle&seite=2"]
    copies_of(mixed[0], 2, timezone.localdate() - dt.timedelta(days=90))  # every view has a row to load
    clerk_client.get("/bauaufsicht/")  # session and menu caches warm
    few = [queries_for(clerk_client, url) for url in urls]
    copies_of(mixed[0], 60, timezone.localdate() - dt.timedelta(days=30))
    many = [queries_for(clerk_client, url) for url in urls]
    return few, many
