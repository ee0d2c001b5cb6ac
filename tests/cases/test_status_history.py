"""The status history: the workflow writes one row per transition (from, to, when, who, request id) in the
action's transaction, and every audit row of one request carries the same request id as the history."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.audit.context import request_id
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.models import CaseState, StatusChange
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision import actions as decision
from tests.api.helpers import case_url, post
from tests.factories import add_documents, clerk_for, draft_case, nachforderung_case, run_actions_now

pytestmark = pytest.mark.django_db


def test_every_transition_leaves_one_row_with_who_and_when(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        actions.resubmit(applicant, case)
        actions.confirm_completeness(clerk, case)
    decision.record_withdrawal(clerk, case, reason="Schreiben vom 02.03.")
    rows = list(StatusChange.objects.filter(case=case).order_by("at", "id"))
    assert [(r.from_state, r.to_state) for r in rows] == [
        (CaseState.DRAFT, CaseState.SUBMITTED), (CaseState.SUBMITTED, CaseState.NACHFORDERUNG),
        (CaseState.NACHFORDERUNG, CaseState.SUBMITTED), (CaseState.SUBMITTED, CaseState.COMPLETE),
        (CaseState.COMPLETE, CaseState.WITHDRAWN),
    ]  # fmt: skip
    assert [r.actor for r in rows if r.actor != rows[1].actor] == [applicant, applicant, clerk, clerk]
    assert rows[1].actor is not None and rows[1].actor.does_casework  # the clerk who sent the Nachforderung
    assert all(r.tenant_id == case.tenant_id for r in rows)
    # each row matches the audit event of its transition (which records the state before and after)
    audit = AuditEvent.objects.filter(case_id=case.pk, before__has_key="state").order_by("seq")
    assert [(e.before["state"], e.after["state"]) for e in audit] == [(r.from_state, r.to_state) for r in rows]


def test_a_forbidden_transition_leaves_no_row(applicant: Any) -> None:
    case = draft_case(applicant)
    with pytest.raises(TransitionNotAllowed):
        actions.confirm_completeness(clerk_for(case.tenant), case)
    assert not StatusChange.objects.filter(case=case).exists()


def test_one_request_one_id_through_its_audit_rows_and_its_status_change(applicant: Any,
                                                                          applicant_client: Client) -> None:
    case = draft_case(applicant)
    add_documents(case)
    with run_actions_now():
        response = post(applicant_client, case_url(case.pk, "submit/"))
    assert response.status_code == 200, response.content
    request = response["X-Request-ID"]
    assert len(request) == 32
    rows = AuditEvent.objects.filter(request_id=request)
    assert "case.submitted" in {e.event for e in rows} and {e.case_id for e in rows} == {case.pk}
    assert StatusChange.objects.get(case=case, to_state=CaseState.SUBMITTED).request_id == request
    # the pre-check ran in its own task: its rows carry the task's id, not the request's
    check = AuditEvent.objects.get(case_id=case.pk, event="check.finished")
    assert check.request_id and check.request_id != request
    # another request gets another id
    other = applicant_client.get(f"/antraege/{case.pk}/")
    assert other["X-Request-ID"] not in (request, "")


def test_work_outside_a_request_or_task_gets_one_id_per_event_unless_it_sets_one(applicant: Any) -> None:
    case = draft_case(applicant)
    add_documents(case)
    with request_id("import-2026-03-02"), run_actions_now():
        actions.submit(applicant, case)
    submitted = AuditEvent.objects.get(case_id=case.pk, event="case.submitted")
    assert submitted.request_id == "import-2026-03-02"
    assert StatusChange.objects.get(case=case).request_id == "import-2026-03-02"
