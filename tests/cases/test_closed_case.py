"""A closed case (approved, refused, withdrawn) takes no further change: every action on a case calls one guard,
cases.workflow.require_open. The finding of a withdrawn case could still be reviewed before (issue 11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import User
from bauantrag.cases import actions, deadlines
from bauantrag.cases.models import Case, Finding
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision import actions as decision
from bauantrag.documents.actions import upload_document
from tests.api.helpers import API, errors_of, post
from tests.conftest import login
from tests.factories import clerk_for, nachforderung_case, submitted_case
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db

CLOSED = "Der Vorgang ist abgeschlossen (Status „Zurückgenommen“)"


def withdrawn(case: Case) -> tuple[Case, User, Finding]:
    clerk = clerk_for(case.tenant)
    finding = case.check_runs.get().findings.order_by("position").first()
    assert finding is not None
    return decision.record_withdrawal(clerk, case, reason="Schreiben der Bauherrschaft vom 02.03."), clerk, finding


def review_on_the_clerks_page(client: Client, finding: Finding) -> Any:
    return client.post(f"/bauaufsicht/befunde/{finding.pk}/bewertung/",
                       {f"b{finding.position}-decision": "confirmed"}, follow=True)  # fmt: skip


def test_ein_befund_eines_zurueckgenommenen_antrags_nimmt_auf_der_seite_keine_bewertung_an(applicant: User) -> None:
    case, clerk, finding = withdrawn(submitted_case(applicant))
    response = review_on_the_clerks_page(login(Client(), clerk), finding)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == f"/bauaufsicht/vorgaenge/{case.pk}/"
    assert f"{CLOSED}; „Befund bewerten“ ist nicht mehr möglich." in response.content.decode()
    assert not finding.reviews.exists()


def test_ein_befund_eines_offenen_antrags_nimmt_auf_der_seite_die_bewertung_an(applicant: User) -> None:
    case = submitted_case(applicant)
    finding = case.check_runs.get().findings.order_by("position").first()
    assert finding is not None
    response = review_on_the_clerks_page(login(Client(), clerk_for(case.tenant)), finding)
    assert "Ihre Bewertung des Befunds wurde gespeichert." in response.content.decode()
    assert finding.reviews.get().decision == "confirmed"


def test_ein_befund_eines_zurueckgenommenen_antrags_nimmt_ueber_die_api_keine_bewertung_an(applicant: User) -> None:
    _case, clerk, finding = withdrawn(submitted_case(applicant))
    response = post(login(Client(), clerk), f"{API}/findings/{finding.pk}/review/", {"decision": "confirmed"})
    assert response.status_code == 409
    assert errors_of(response)[0]["detail"] == f"{CLOSED}; „Befund bewerten“ ist nicht mehr möglich."
    assert not finding.reviews.exists()


def test_no_action_changes_a_closed_case(applicant: User) -> None:
    case, clerk, finding = withdrawn(nachforderung_case(applicant))
    tomorrow = timezone.localdate() + dt.timedelta(days=30)
    attempts = {
        "Befund bewerten": lambda: actions.review_finding(clerk, finding, decision="confirmed"),
        "Antrag ändern": lambda: actions.update_application(applicant, case, {"dwellings": 3}),
        "Bauvorlage hochladen": lambda: upload_document(applicant, case, pdf_upload("Nachtrag.pdf"), "1502"),
        "Nachforderung senden": lambda: actions.send_nachforderung(
            clerk, case, items=[{"title": "Lageplan", "reason": "fehlt"}], message="", deadline=tomorrow),
        "Vollständigkeit bestätigen": lambda: actions.confirm_completeness(clerk, case),
        "Erneut einreichen": lambda: actions.resubmit(applicant, case),
        "Frist verlängern": lambda: deadlines.extend_nachforderung_deadline(
            clerk, case, deadline=tomorrow, reason="Bitte der Bauherrschaft"),
    }  # fmt: skip
    for action, attempt in attempts.items():
        with pytest.raises(TransitionNotAllowed, match=f"„{action}“ ist nicht mehr möglich"):
            attempt()
    case.refresh_from_db()
    assert case.state == "withdrawn" and case.vorhaben.dwellings != 3 and not finding.reviews.exists()
    assert case.documents.filter(display_name="Nachtrag.pdf").count() == 0
