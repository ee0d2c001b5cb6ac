"""The case workflow through the action layer: states, guarded transitions, numbering, deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import CaseState, CheckRunStatus
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.documents.events import DocumentEvent
from bauantrag.rules.calendar import completeness_deadline
from tests.factories import (
    UserFactory,
    clerk_for,
    complete_case,
    draft_case,
    nachforderung_case,
    run_actions_now,
    submitted_case,
)

pytestmark = pytest.mark.django_db


def test_submission_assigns_a_file_number_a_deadline_and_runs_the_precheck() -> None:
    case = submitted_case()
    year = timezone.localdate().year
    assert case.state == CaseState.SUBMITTED
    assert case.file_number == f"63-{year}-00001"
    assert case.completeness_due == completeness_deadline(timezone.localdate())
    run = case.check_runs.get()
    assert run.status == CheckRunStatus.DONE
    assert run.findings.exists()


def test_file_numbers_count_per_kommune() -> None:
    first = submitted_case()
    second = submitted_case(applicant=UserFactory(tenant=first.tenant))
    other = submitted_case()
    assert first.file_number.endswith("-00001")
    assert second.file_number.endswith("-00002")
    assert other.tenant != first.tenant and other.file_number.endswith("-00001")


def test_submission_without_required_data_names_the_missing_fields_and_changes_nothing() -> None:
    case = draft_case(street="", flurstueck="")
    with pytest.raises(ValidationError) as error, run_actions_now():
        actions.submit(case.applicant, case)
    assert set(error.value.message_dict) == {"street", "flurstueck"}
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.file_number == ""


def test_invalid_values_are_refused_with_field_messages() -> None:
    case = draft_case()
    with pytest.raises(ValidationError) as error:
        actions.update_application(case.applicant, case, {"height_m": "-3", "project_kind": "abriss"})
    assert set(error.value.message_dict) == {"height_m", "project_kind"}
    case.vorhaben.refresh_from_db()
    assert str(case.vorhaben.height_m) == "3.10"


def test_a_forbidden_transition_is_a_clear_error() -> None:
    case = complete_case()
    clerk = clerk_for(case.tenant)
    with pytest.raises(TransitionNotAllowed, match="Vollständig"):
        actions.send_nachforderung(clerk, case, items=[{"title": "x", "reason": "y"}], message="",
                                   deadline=timezone.localdate() + dt.timedelta(days=10))


def test_only_casework_may_confirm_completeness() -> None:
    case = submitted_case()
    with pytest.raises(PermissionDenied):
        actions.confirm_completeness(case.applicant, case)
    other_clerk = clerk_for(submitted_case().tenant)
    with pytest.raises(PermissionDenied):
        actions.confirm_completeness(other_clerk, case)


def test_nachforderung_then_resubmission_starts_a_new_round_with_a_new_check() -> None:
    case = nachforderung_case()
    assert case.state == CaseState.NACHFORDERUNG
    nachforderung = case.nachforderungen.get()
    assert nachforderung.items[0]["reason"] == "fehlt"
    with run_actions_now():
        actions.resubmit(case.applicant, case)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and case.round == 2
    assert case.check_runs.count() == 2
    nachforderung.refresh_from_db()
    assert nachforderung.answered_at is not None


def test_a_nachforderung_needs_reasons_and_a_future_deadline() -> None:
    case = submitted_case()
    clerk = clerk_for(case.tenant)
    with pytest.raises(ValidationError) as error:
        actions.send_nachforderung(clerk, case, items=[{"title": "Lageplan", "reason": ""}], message="",
                                   deadline=timezone.localdate())
    assert set(error.value.message_dict) == {"items", "deadline"}
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_overriding_a_finding_needs_a_reason_and_keeps_the_original() -> None:
    case = submitted_case()
    clerk = clerk_for(case.tenant)
    finding = case.check_runs.get().findings.first()
    assert finding is not None
    other = "fail" if finding.status != "fail" else "pass"
    with pytest.raises(ValidationError):
        actions.review_finding(clerk, finding, decision="overridden", status=other, reason=" ")
    review = actions.review_finding(clerk, finding, decision="overridden", status=other, reason="Vor Ort geprüft")
    finding.refresh_from_db()
    assert review.status == other and finding.status != other


def test_every_action_leaves_an_audit_entry() -> None:
    case = complete_case()
    events = list(AuditEvent.objects.filter(case_id=case.pk).values_list("event", flat=True))
    assert events[0] == CaseEvent.CASE_CREATED
    for expected in (DocumentEvent.DOCUMENT_UPLOADED, CaseEvent.CASE_SUBMITTED, CaseEvent.CHECK_FINISHED,
                     CaseEvent.CASE_COMPLETE):
        assert expected in events
