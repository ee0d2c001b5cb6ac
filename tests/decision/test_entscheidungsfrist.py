"""Review item M3: the completeness confirmation gives the date of the decision (§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW).

§ 71 Abs. 2 Nr. 1 (2024): the Bauaufsicht tells the Bauherrschaft „ihren Eingang und den nach Absatz 6 ermittelten
Zeitpunkt der Entscheidung, jeweils mit Datumsangabe, in Textform“. § 71 Abs. 6 Satz 1: „innerhalb von drei Monaten,
im vereinfachten Baugenehmigungsverfahren … innerhalb von sechs Wochen“; Satz 2: „Die Frist nach Satz 1 beginnt,
sobald die Bauvorlagen vollständig und alle für die Entscheidung notwendigen Stellungnahmen und Mitwirkungen vorliegen,
spätestens jedoch nach Ablauf der Frist nach Absatz 4 und nach § 36 Absatz 2 Satz 2 des Baugesetzbuches …“.
Dates computed by hand on the calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions as beteiligung_actions
from bauantrag.beteiligung.models import Fachstelle, FachstelleKind
from bauantrag.cases import actions
from bauantrag.cases.entscheidungsfrist import decision_due_date
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.cases.open_findings import open_findings
from bauantrag.rules.calendar import add_months_deadline
from bauantrag.rules.fristen import fristende
from tests.api.helpers import case_url, errors_of, post
from tests.conftest import login
from tests.factories import clerk_for, run_actions_now, submitted_case

# ------------------------------------------------------------------------------------ through the app


@pytest.mark.django_db
def test_confirmation_stores_the_date_and_shows_it_to_clerk_and_applicant(applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        actions.confirm_completeness(clerk, case, procedure="vereinfachtes_verfahren", hearings_planned=False)
    case.refresh_from_db()
    expected = fristende(timezone.localdate(case.completed_at), weeks=6).end
    assert case.decision_due == expected == decision_due_date(case)
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.DECISION_DUE_SET).count() == 1
    portal = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert f"entscheidet über ihn bis zum {expected:%d.%m.%Y}" in portal
    clerk_page = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Entscheidung bis" in clerk_page and f"{expected:%d.%m.%Y}" in clerk_page
    assert "sechs Wochen (vereinfachtes Baugenehmigungsverfahren)" in clerk_page


@pytest.mark.django_db
def test_the_clerk_sees_zu_pruefen_and_the_applicant_does_not(applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        actions.confirm_completeness(clerk, case, procedure="baugenehmigungsverfahren")
    case.refresh_from_db()
    assert case.decision_due_basis["zu_pruefen"], "a case submitted today falls under the Fassung ab 01.09.2026"
    clerk_page = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "zu prüfen" in clerk_page and "ab 01.09.2026" in clerk_page
    portal = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "bis zum" in portal
    for note in case.decision_due_basis["zu_pruefen"]:
        assert note[:60] not in portal


@pytest.mark.django_db
def test_the_date_follows_the_hearing(applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        actions.confirm_completeness(clerk, case, procedure="vereinfachtes_verfahren", hearings_planned=False)
    case.refresh_from_db()
    alone = case.decision_due
    gemeinde = Fachstelle.objects.create(tenant=case.tenant, name="Gemeinde", kind=FachstelleKind.GEMEINDE)
    with run_actions_now():
        beteiligung = beteiligung_actions.request_beteiligung(
            clerk, case, gemeinde, documents=list(case.documents.all()[:1]), message="Bitte um Einvernehmen."
        )
    case.refresh_from_db()
    today = timezone.localdate()
    assert beteiligung.deadline == add_months_deadline(today, 2)
    assert case.decision_due == fristende(beteiligung.deadline, weeks=6).end
    assert alone is not None and case.decision_due is not None and case.decision_due > alone


@pytest.mark.django_db
def test_api_confirmation_returns_the_date_and_rejects_an_unknown_procedure(applicant: Any, tenant: Any) -> None:
    case = submitted_case(applicant)
    client = login(Client(), clerk_for(tenant))
    wrong = post(client, case_url(case.pk, "confirm-completeness/"), {"procedure": "irgendwas"})
    assert wrong.status_code == 400
    assert [e["field"] for e in errors_of(wrong)] == ["procedure"]
    response = post(client, case_url(case.pk, "confirm-completeness/"),
                    {"procedure": "baugenehmigungsverfahren", "hearings_planned": False,
                     "acknowledged_open_findings": [str(f.pk) for f in open_findings(case)]})
    assert response.status_code == 200, response.content
    completed = Case.objects.get(pk=case.pk).completed_at
    assert completed is not None
    assert response.json()["decision_due"] == fristende(timezone.localdate(completed), months=3).end.isoformat()


@pytest.mark.django_db
def test_the_queue_lists_the_decision_date_and_marks_it_once_passed(applicant: Any) -> None:
    from bauantrag.cases.deadlines import queue_deadlines

    case = submitted_case(applicant)
    with run_actions_now():
        actions.confirm_completeness(clerk_for(case.tenant), case, procedure="vereinfachtes_verfahren",
                                     hearings_planned=False)
    case.refresh_from_db()
    due = case.decision_due
    assert due is not None
    note = queue_deadlines([case], due)[case.pk].notes[0]
    assert (note.label, note.due, note.overdue) == ("Entscheidung", due, False)
    assert queue_deadlines([case], due + dt.timedelta(days=1))[case.pk].overdue
