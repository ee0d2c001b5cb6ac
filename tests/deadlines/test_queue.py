"""The clerk's queue: sorted by the running deadline, overdue cases marked with text (not colour only), the
proposal after an expired Nachforderung, the filter views, and deadlines other apps contribute."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.cases import deadlines
from bauantrag.cases.models import Case, Nachforderung
from bauantrag.cases.running_due import store as store_running_due
from bauantrag.decision import actions as decision
from tests.factories import clerk_for, complete_case, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db

PROPOSAL = "Frist abgelaufen – Antrag gilt nach § 71 Abs. 1 Satz 3 BauO NRW als zurückgenommen (Vorschlag)"


def row_of(html: str, case: Case) -> str:
    start = html.index(case.file_number)
    return html[start: html.index("</tr>", start)]


@pytest.fixture
def world(applicant: Any) -> dict[str, Case]:
    """Cases at each deadline; the queue shows no letter, so their letters stay unrendered (letters=False)."""
    today = timezone.localdate()
    late = submitted_case(applicant, street="Spätweg", letters=False)
    Case.objects.filter(pk=late.pk).update(completeness_due=today - dt.timedelta(days=1))
    fresh = submitted_case(applicant, street="Frischweg", letters=False)
    Case.objects.filter(pk=fresh.pk).update(completeness_due=today + dt.timedelta(days=8))
    expired = nachforderung_case(applicant, letters=False)
    Nachforderung.objects.filter(case=expired).update(deadline=today - dt.timedelta(days=3))
    running = nachforderung_case(applicant, letters=False)
    Nachforderung.objects.filter(case=running).update(deadline=today + dt.timedelta(days=2))
    store_running_due(Case.objects.all())  # rows changed with update() bypass the receivers
    with run_actions_now(letters=False):
        deadlines.run_deadlines(today)
    closed = complete_case(applicant, letters=False)
    decision.record_withdrawal(clerk_for(closed.tenant), closed, reason="Erklärung vom 01.12.2026")
    return {name: Case.objects.get(pk=case.pk) for name, case in
            {"late": late, "fresh": fresh, "expired": expired, "running": running, "closed": closed}.items()}


def test_queue_sorts_by_the_running_deadline_and_marks_overdue_with_text(
    world: dict[str, Case], clerk_client: Client
) -> None:
    html = clerk_client.get("/bauaufsicht/").content.decode()
    order = [html.index(world[name].file_number) for name in ("expired", "late", "running", "fresh")]
    assert order == sorted(order)
    expired = row_of(html, world["expired"])
    assert "überfällig" in expired and PROPOSAL in expired and 'class="overdue"' in expired
    assert "(Nachforderung)" in expired
    assert "überfällig" in row_of(html, world["late"]) and "(Vollständigkeitsprüfung)" in row_of(html, world["late"])
    for name in ("running", "fresh"):
        assert "überfällig" not in row_of(html, world[name])
    assert html.count("überfällig") == 2
    assert world["closed"].file_number not in html  # closed cases are not in the default view
    assert '<label for="ansicht">' in html


def test_filter_shows_only_cases_with_a_passed_deadline(world: dict[str, Case], clerk_client: Client) -> None:
    html = clerk_client.get("/bauaufsicht/?ansicht=frist").content.decode()
    assert world["expired"].file_number in html and world["late"].file_number in html
    for name in ("running", "fresh", "closed"):
        assert world[name].file_number not in html
    assert '<option value="frist" selected>' in html


def test_closed_view_shows_closing_and_retention(world: dict[str, Case], clerk_client: Client) -> None:
    html = clerk_client.get("/bauaufsicht/?ansicht=abgeschlossen").content.decode()
    closed = world["closed"]
    assert closed.file_number in html and world["late"].file_number not in html
    row = row_of(html, closed)
    assert f"aufbewahren bis {closed.retention_until:%d.%m.%Y}" in row and "Zurückgenommen" in row
    every = clerk_client.get("/bauaufsicht/?ansicht=alle").content.decode()
    assert all(case.file_number in every for case in world.values())
    assert clerk_client.get("/bauaufsicht/?ansicht=<script>").status_code == 200


def test_other_apps_add_deadlines_to_the_queue(world: dict[str, Case], clerk_client: Client) -> None:
    fresh = world["fresh"]

    def beteiligung(cases: list[Case], today: dt.date) -> dict[Any, list[deadlines.DeadlineNote]]:
        return {fresh.pk: [deadlines.DeadlineNote("Beteiligung Brandschutz", today - dt.timedelta(days=1), True)]}

    with deadlines.DEADLINE_SOURCES.override({"test.beteiligung": beteiligung}):
        html = clerk_client.get("/bauaufsicht/?ansicht=frist").content.decode()
    row = row_of(html, fresh)
    assert "Beteiligung Brandschutz" in row and "überfällig" in row
