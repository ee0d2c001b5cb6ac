"""A clerk's working day (issue 16): a case assigned to a clerk of its Kommune from the case page, audited; the
queue's "Mir zugewiesen" / "Nicht zugewiesen" views and its search by Aktenzeichen, address, Flurstück and name,
only ever inside the clerk's Kommune, paginated, at a number of queries that does not grow with the rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.access import cases_visible_to
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.workspace.queue import PAGE_SIZE, open_cases
from bauantrag.workspace.queue_filters import by_assignee
from tests.bulk import copies_of
from tests.conftest import login
from tests.factories import UserFactory, clerk_for, submitted_case
from tests.web.test_queue_pages import numbers_on, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(applicant: User) -> Case:
    return submitted_case(applicant, letters=False)


def assign(client: Client, case: Case, value: str) -> str:
    response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/zuweisung/", {"zustaendig": value}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_mir_zuweisen_assigns_the_case_audited_and_the_queue_shows_it(
    case: Case, clerk: User, clerk_client: Client
) -> None:
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Mir zuweisen" in html and "nicht zugewiesen" in html
    html = assign(clerk_client, case, "ich")
    assert f"Zuständig ist jetzt: {clerk.display_name()}." in html
    assert Case.objects.get(pk=case.pk).assignee == clerk
    event = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.CASE_ASSIGNED)
    assert event.actor == clerk and event.after == {"assignee": clerk.username} and event.before == {"assignee": None}
    history = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/protokoll/").content.decode()
    assert "Zuständige Sachbearbeitung zugewiesen" in history
    assign(clerk_client, case, "ich")  # the same again changes and records nothing
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_ASSIGNED).count() == 1
    queue = clerk_client.get("/bauaufsicht/").content.decode()
    assert clerk.display_name() in queue
    assert numbers_on(clerk_client.get("/bauaufsicht/?wer=meine").content.decode()) == [case.file_number]
    assert numbers_on(clerk_client.get("/bauaufsicht/?wer=niemand").content.decode()) == []


def test_a_clerk_of_the_kommune_can_be_chosen_and_the_assignment_cleared(
    case: Case, clerk: User, clerk_client: Client
) -> None:
    colleague = UserFactory(tenant=case.tenant, role=Role.CLERK, first_name="Klara", last_name="Kollegin")
    assert "Klara Kollegin" in clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Zuständig ist jetzt: Klara Kollegin." in assign(clerk_client, case, str(colleague.pk))
    assert Case.objects.get(pk=case.pk).assignee == colleague
    assert numbers_on(clerk_client.get("/bauaufsicht/?wer=meine").content.decode()) == []
    assert numbers_on(login(Client(), colleague).get("/bauaufsicht/?wer=meine").content.decode()) == [case.file_number]
    assert "jetzt niemandem zugewiesen" in assign(clerk_client, case, "")
    assert Case.objects.get(pk=case.pk).assignee is None
    assert numbers_on(clerk_client.get("/bauaufsicht/?wer=niemand").content.decode()) == [case.file_number]
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_ASSIGNED).count() == 2


@pytest.mark.parametrize("who", ["foreign clerk", "applicant", "no number", "unknown"])
def test_only_a_clerk_of_the_same_kommune_can_be_assigned(
    case: Case, clerk: User, clerk_client: Client, other_tenant: Any, who: str
) -> None:
    assign(clerk_client, case, "ich")
    value = {
        "foreign clerk": lambda: str(clerk_for(other_tenant).pk),
        "applicant": lambda: str(case.applicant.pk),
        "no number": lambda: "jemand",
        "unknown": lambda: "999999999",
    }[who]()
    html = assign(clerk_client, case, value)
    assert "Bitte wählen Sie eine Person der Sachbearbeitung dieser Kommune." in html
    assert Case.objects.get(pk=case.pk).assignee == clerk  # nothing stored is lost
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_ASSIGNED).count() == 1


def test_a_clerk_of_another_kommune_cannot_assign_the_case(case: Case, other_tenant: Any) -> None:
    stranger = login(Client(), clerk_for(other_tenant))
    response = stranger.post(f"/bauaufsicht/vorgaenge/{case.pk}/zuweisung/", {"zustaendig": "ich"})
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).assignee is None


@pytest.mark.parametrize("term", [
    "AKTENZEICHEN", "aktenzeichen", "Lindenweg", "lindenweg 12", "59423 unna", "123/4", "Flur 7 Flurstück 123/4",
    "erika", "MUSTERMANN",
])
def test_the_search_finds_a_case_by_file_number_address_parcel_or_name(
    case: Case, clerk_client: Client, term: str
) -> None:
    if term.casefold() == "aktenzeichen":  # its first part (Kommune and year), as typed, or lower case
        term = case.file_number[:-3] if term.isupper() else case.file_number[:-3].lower()
    html = clerk_client.get("/bauaufsicht/", {"suche": term}).content.decode()
    assert numbers_on(html) == [case.file_number], term
    assert "1 Vorgang zu" in html


def test_the_search_is_prefix_for_the_file_number_and_every_word_must_match(
    case: Case, clerk_client: Client
) -> None:
    elsewhere = submitted_case(case.applicant, letters=False, street="Birkenallee", flurstueck="88")
    assert numbers_on(clerk_client.get("/bauaufsicht/", {"suche": case.file_number}).content.decode()) == [
        case.file_number]
    assert numbers_on(clerk_client.get("/bauaufsicht/", {"suche": case.file_number[3:]}).content.decode()) == []
    assert numbers_on(clerk_client.get("/bauaufsicht/", {"suche": "birkenallee"}).content.decode()) == [
        elsewhere.file_number]
    assert numbers_on(clerk_client.get("/bauaufsicht/", {"suche": "Lindenweg 88"}).content.decode()) == []
    empty = clerk_client.get("/bauaufsicht/", {"suche": "Gibtesnicht"}).content.decode()
    assert "Keine Vorgänge zu diesem Suchbegriff" in empty


def test_the_search_never_finds_a_case_of_another_kommune(
    case: Case, clerk_client: Client, other_tenant: Any
) -> None:
    foreign_applicant = UserFactory(tenant=other_tenant, role=Role.APPLICANT)
    foreign = submitted_case(foreign_applicant, letters=False)  # the same address, parcel and name
    for term in (foreign.file_number, "Lindenweg", "123/4", "Erika"):
        for view in ("offen", "alle"):
            html = clerk_client.get("/bauaufsicht/", {"suche": term, "ansicht": view}).content.decode()
            assert f"/vorgaenge/{foreign.pk}/" not in html, term
            assert f"/vorgaenge/{case.pk}/" in html or term == foreign.file_number != case.file_number, term


def test_a_too_long_search_term_gets_a_german_error(case: Case, clerk_client: Client) -> None:
    response = clerk_client.get("/bauaufsicht/", {"suche": "x" * 101})
    assert response.status_code == 200
    assert "Der Suchbegriff ist zu lang (höchstens 100 Zeichen)." in response.content.decode()


def test_search_and_assignee_views_page_and_keep_their_parameters(
    case: Case, clerk: User, clerk_client: Client
) -> None:
    copies_of(case, 60, timezone.localdate() - dt.timedelta(days=10))
    Case.objects.filter(tenant=case.tenant).update(assignee=clerk)
    first = clerk_client.get("/bauaufsicht/", {"wer": "meine", "suche": "kopie"}).content.decode()
    assert len(numbers_on(first)) == PAGE_SIZE and "60 Vorgänge zu „kopie“ gefunden" in first
    assert 'href="?ansicht=offen&amp;wer=meine&amp;suche=kopie&amp;seite=2" rel="next"' in first
    second = clerk_client.get("/bauaufsicht/", {"wer": "meine", "suche": "kopie", "seite": "2"}).content.decode()
    assert len(numbers_on(second)) == 10 and not set(numbers_on(first)) & set(numbers_on(second))


@pytest.mark.parametrize("url", [
    "/bauaufsicht/?wer=meine", "/bauaufsicht/?wer=niemand", "/bauaufsicht/?suche=lindenweg",
    "/bauaufsicht/?wer=meine&suche=7+123/4&ansicht=alle",
])
def test_the_queries_of_a_filtered_page_do_not_grow_with_the_number_of_cases(
    case: Case, clerk: User, clerk_client: Client, url: str
) -> None:
    mine = copies_of(case, 5, timezone.localdate() - dt.timedelta(days=90))
    Case.objects.filter(pk__in=[c.pk for c in mine[:3]]).update(assignee=clerk)
    clerk_client.get(url)  # session and menu caches warm
    few = queries_for(clerk_client, url)
    more = copies_of(case, 60, timezone.localdate() - dt.timedelta(days=30))
    Case.objects.filter(pk__in=[c.pk for c in more[:40]]).update(assignee=clerk)
    html = clerk_client.get(url).content.decode()
    assert len(numbers_on(html)) >= 20  # the page really shows many rows now
    assert queries_for(clerk_client, url) <= few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
@pytest.mark.parametrize("who", ["meine", "niemand"])
def test_postgresql_reads_the_assignee_views_from_their_index(case: Case, clerk: User, who: str) -> None:
    ordered = open_cases(by_assignee(cases_visible_to(clerk), who, clerk), timezone.localdate())
    assert not isinstance(ordered, list)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test table is tiny; ask whether the index CAN serve
        cursor.execute("SET LOCAL enable_sort = off")
        # on a tiny table the index of all open cases plus a filter costs the same; without it, is ours in order?
        cursor.execute("DROP INDEX case_queue_running_due")
        plan = ordered[:50].explain()
        transaction.set_rollback(True)  # the index comes back
    index = {"meine": "case_queue_assignee_due", "niemand": "case_queue_unassigned_due"}[who]
    assert index in plan and "Sort" not in plan, plan
