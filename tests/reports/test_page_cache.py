"""The statistics page reads the period's figures from the cache until the Kommune's next status change, and its
cost does not grow with the number of cases (issue 14: ≤ 500 ms at 100,000 cases)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bauantrag.accounts.models import User
from bauantrag.reports.periods import Month, Period
from bauantrag.reports.queries import build_page_report, build_report
from tests.reports.conftest import Dataset
from tests.reports.helpers import complete_at, moment, submit_at

pytestmark = pytest.mark.django_db

PERIOD = Period(Month(2025, 1), Month(2025, 6))
TODAY = dt.date(2025, 6, 30)
PAGE = ("/statistik/", {"von": "2025-01", "bis": "2025-06"})


def timeline_queries(queries: CaptureQueriesContext) -> int:
    return sum('FROM "cases_statuschange"' in q["sql"] and '"case_id" IN' in q["sql"] for q in queries)


def test_the_figures_are_reused_until_a_status_change_and_then_computed_anew(
    dataset: Dataset, admin: User, applicant: Any, clerk: User
) -> None:
    cache.clear()
    first = build_page_report(admin, PERIOD, TODAY)
    assert first.total.received == build_report(admin, PERIOD, TODAY).total.received
    with CaptureQueriesContext(connection) as queries:
        again = build_page_report(admin, PERIOD, TODAY)
    assert timeline_queries(queries) == 0 and again.total.received == first.total.received
    assert again.overdue.total == first.overdue.total  # today's overdue lists are always read fresh

    case = submit_at(moment(2025, 5, 5), applicant)  # a status change of the Kommune
    assert build_page_report(admin, PERIOD, TODAY).total.received == first.total.received + 1
    complete_at(case, moment(2025, 5, 7), clerk)
    after = build_page_report(admin, PERIOD, TODAY)
    assert after.total.first_check_done == first.total.first_check_done + 1
    assert after.total.received == build_report(admin, PERIOD, TODAY).total.received


def test_the_queries_of_the_page_do_not_grow_with_the_number_of_cases(
    dataset: Dataset, admin_client: Client, applicant: Any
) -> None:
    def count() -> int:
        cache.clear()
        admin_client.get(*PAGE)  # session warm, figures computed
        cache.clear()
        with CaptureQueriesContext(connection) as computing:
            assert admin_client.get(*PAGE).status_code == 200
        with CaptureQueriesContext(connection) as cached:
            assert admin_client.get(*PAGE).status_code == 200
        assert len(cached) < len(computing)
        return len(computing)

    few = count()
    for day in range(1, 8):
        submit_at(moment(2025, 5, day), applicant)
    assert count() == few


def test_after_a_change_the_page_shows_the_former_figures_while_a_worker_computes_them(
    dataset: Dataset, admin: User, applicant: Any, settings: Any
) -> None:
    from bauantrag.celery import app as celery_app

    cache.clear()
    before = build_page_report(admin, PERIOD, TODAY)
    submit_at(moment(2025, 5, 5), applicant)
    celery_app.conf.task_always_eager = False  # no worker runs the refresh now
    try:
        from unittest import mock

        with mock.patch("bauantrag.reports.tasks.refresh_figures.delay") as delay:
            stale = build_page_report(admin, PERIOD, TODAY)
            again = build_page_report(admin, PERIOD, TODAY)
    finally:
        celery_app.conf.task_always_eager = True
    assert delay.call_count == 1  # one refresh in flight per Kommune and period
    assert stale.total.received == again.total.received == before.total.received
    assert stale.figures_as_of is not None
    from bauantrag.reports.tasks import refresh_figures

    refresh_figures(*delay.call_args.args)
    fresh = build_page_report(admin, PERIOD, TODAY)
    assert fresh.figures_as_of is None and fresh.total.received == before.total.received + 1
