"""The API shows the decision and the retention read-only; transitions of a decided case answer 409."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.cases import deadlines
from bauantrag.cases.models import Nachforderung
from bauantrag.decision import actions as decision
from bauantrag.rules.calendar import add_working_days
from tests.api.helpers import case_url, errors_of, get, patch, post
from tests.decision.conftest import approve
from tests.factories import clerk_for, complete_case, nachforderung_case, run_actions_now

pytestmark = pytest.mark.django_db


def test_decided_case_shows_decision_and_refuses_transitions(
    applicant: Any, applicant_client: Client, clerk: Any, clerk_client: Client
) -> None:
    case = complete_case(applicant)
    assert get(clerk_client, case_url(case.pk)).json()["possible_actions"] == ["approve", "refuse", "withdraw"]
    approve(clerk, case, ["Stellplätze wasserdurchlässig befestigen."])
    case.refresh_from_db()
    body = get(applicant_client, case_url(case.pk)).json()
    assert body["state"] == "approved" and body["state_label"] == "Genehmigt"
    assert body["decision"] == "approved" and body["possible_actions"] == []
    assert case.retention_until is None and body["retention_until"] is None  # as long as the Anlage exists
    assert body["closed_at"] and body["decided_at"]
    assert body["decision_conditions"][0]["text"] == "Stellplätze wasserdurchlässig befestigen."

    response = post(clerk_client, case_url(case.pk, "confirm-completeness/"))
    assert response.status_code == 409
    assert errors_of(response) == [{
        "code": "transition_not_allowed",
        "detail": "Der Vorgang ist abgeschlossen (Status „Genehmigt“); „Vollständigkeit bestätigen“ ist nicht "
                  "mehr möglich.",
    }]
    response = post(applicant_client, case_url(case.pk, "resubmit/"))
    assert response.status_code == 409
    response = patch(applicant_client, case_url(case.pk), {"description": "geändert"})
    assert response.status_code == 409
    # read-only: the fields cannot be written
    response = patch(applicant_client, case_url(case.pk), {"decision": "refused"})
    assert response.status_code in (400, 409)
    case.refresh_from_db()
    assert case.decision == "approved"


def test_nachforderung_shows_reminder_and_expiry(applicant: Any, applicant_client: Client) -> None:
    case = nachforderung_case(applicant)
    nf = case.nachforderungen.get()
    Nachforderung.objects.filter(pk=nf.pk).update(deadline=add_working_days(timezone.localdate(), -1))
    with run_actions_now():
        deadlines.run_deadlines()
    rows = get(applicant_client, case_url(case.pk, "nachforderungen/")).json()
    row = rows["results"][0] if isinstance(rows, dict) else rows[0]
    assert row["expired_at"] and row["reminded_at"] is None and row["original_deadline"] is None


def test_withdrawn_case_in_the_api(applicant: Any, applicant_client: Client) -> None:
    case = complete_case(applicant)
    decision.record_withdrawal(clerk_for(case.tenant), case, reason="Erklärung vom 01.12.2026")
    body = get(applicant_client, case_url(case.pk)).json()
    assert (body["state"], body["decision"], body["decision_reason"]) == (
        "withdrawn", "withdrawn", "Erklärung vom 01.12.2026")
