"""Withdrawal: declared by the Bauherrschaft, or deemed (§ 71 Abs. 1 Satz 3 BauO NRW) after the clerk confirms the
proposal of an expired Nachforderung; the case closes with its retention period and becomes read-only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions, deadlines
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import CaseState, Decision, Nachforderung
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence import actions as letters
from bauantrag.correspondence.models import Letter, LetterKind, LetterState
from bauantrag.decision import actions as decision
from bauantrag.documents.actions import upload_document
from bauantrag.rules.calendar import add_working_days
from tests.conftest import login
from tests.factories import clerk_for, complete_case, draft_case, nachforderung_case, run_actions_now, submitted_case
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def expire_now(case: Any) -> Nachforderung:
    today = timezone.localdate()
    nf = case.nachforderungen.get(answered_at__isnull=True)
    Nachforderung.objects.filter(pk=nf.pk).update(deadline=add_working_days(today, -1))
    with run_actions_now():
        deadlines.run_deadlines(today)
    nf.refresh_from_db()
    return nf


def test_expired_nachforderung_proposal_confirmed_by_the_clerk_closes_the_case(applicant: Any, settings: Any) -> None:
    settings.RETENTION_YEARS_NOT_APPROVED = 10
    case = nachforderung_case(applicant)
    clerk = clerk_for(case.tenant)
    nf = expire_now(case)
    client = login(Client(), clerk)

    html = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    proposal = "Frist abgelaufen – Antrag gilt nach § 71 Abs. 1 Satz 3 BauO NRW als zurückgenommen (Vorschlag)"
    assert proposal in html and "überfällig" in html
    assert "Rücknahme feststellen" in html and "Frist verlängern" in html
    page = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/ruecknahme/").content.decode()
    assert proposal in page and 'id="id_fictitious_1" checked' in page

    response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/ruecknahme/", {
        "fictitious": "1", "reason": "", "draft_letter": "on",
    })
    letter = Letter.objects.get(case=case, kind=LetterKind.RUECKNAHME)
    assert response.status_code == 302 and response["Location"] == f"/post/schreiben/{letter.pk}/"
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN and case.decision == Decision.WITHDRAWN_FICTITIOUS
    assert case.closed_at is not None and case.decided_at == case.closed_at
    assert case.retention_until == dt.date(timezone.localdate(case.closed_at).year + 10, 12, 31)
    assert f"lief am {nf.deadline:%d.%m.%Y} ab" in case.decision_reason
    assert "§ 71 Abs. 1 Satz 3 BauO NRW" in case.decision_reason
    withdrawn = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.CASE_WITHDRAWN)
    assert withdrawn.actor == clerk and withdrawn.after["nachforderung"] == str(nf.pk)
    assert withdrawn.after["decision"] == "withdrawn_fictitious"
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_CLOSED).count() == 1
    assert "gilt daher als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW)" in letter.body

    # the confirmation, once sent, is linked to the closed case
    with run_actions_now():
        letters.send_letter(clerk, letter)
    case.refresh_from_db()
    assert case.decision_letter_id == letter.pk
    html = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Bestätigung der Rücknahme anzeigen" in html


def test_fictitious_withdrawal_only_after_the_deadline(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    with pytest.raises(TransitionNotAllowed, match="Satz 3"):
        decision.record_withdrawal(clerk_for(case.tenant), case, fictitious=True)
    with pytest.raises(TransitionNotAllowed):
        decision.record_withdrawal(clerk_for(case.tenant), complete_case(applicant), fictitious=True)


def test_late_resubmission_keeps_the_proposal_for_the_clerk(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    nf = case.nachforderungen.get()
    Nachforderung.objects.filter(pk=nf.pk).update(deadline=timezone.localdate() - dt.timedelta(days=3))
    with run_actions_now():
        actions.resubmit(applicant, case)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED
    assert deadlines.fictitious_withdrawal_basis(case) == nf
    clerk = clerk_for(case.tenant)
    html = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "kamen erst am" in html and "Rücknahme feststellen" in html
    decision.record_withdrawal(clerk, case, fictitious=True, reason="Unterlagen verspätet und weiter unvollständig")
    case.refresh_from_db()
    assert case.decision == Decision.WITHDRAWN_FICTITIOUS
    assert case.decision_reason.endswith("Unterlagen verspätet und weiter unvollständig")


def test_a_timely_resubmission_gives_no_basis(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    with run_actions_now():
        actions.resubmit(applicant, case)
    case.refresh_from_db()
    assert deadlines.fictitious_withdrawal_basis(case) is None


@pytest.mark.parametrize("make", [submitted_case, nachforderung_case, complete_case])
def test_declared_withdrawal_from_every_open_state(applicant: Any, make: Any) -> None:
    case = make(applicant)
    clerk = clerk_for(case.tenant)
    with pytest.raises(ValidationError) as exc:
        decision.record_withdrawal(clerk, case, reason=" ")
    assert "reason" in exc.value.message_dict
    closed = decision.record_withdrawal(clerk, case, reason="Rücknahmeerklärung per Post vom 02.12.2026")
    assert closed.state == CaseState.WITHDRAWN and closed.decision == Decision.WITHDRAWN
    assert closed.decision_reason == "Rücknahmeerklärung per Post vom 02.12.2026"
    with pytest.raises(TransitionNotAllowed, match="abgeschlossen"):
        decision.record_withdrawal(clerk, closed, reason="noch einmal")


def test_no_withdrawal_of_a_draft(applicant: Any, clerk: Any) -> None:
    case = draft_case(applicant)
    with pytest.raises(TransitionNotAllowed):
        decision.record_withdrawal(clerk, case, reason="x")


def test_withdrawn_case_is_read_only_for_the_applicant_side(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    decision.record_withdrawal(clerk_for(case.tenant), case, reason="Erklärung im Postfach")
    case.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        actions.update_application(applicant, case, {"description": "Neu"})
    with pytest.raises(TransitionNotAllowed):
        actions.resubmit(applicant, case)
    documents = case.documents.count()
    with pytest.raises(TransitionNotAllowed, match=r"abgeschlossen .*„Bauvorlage hochladen“ ist nicht mehr möglich"):
        upload_document(applicant, case, pdf_upload("nachtrag.pdf"), "1502")
    assert case.documents.count() == documents
    portal = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "Rücknahme durch die Bauherrschaft" in portal and "Aufbewahrung der Akte bis" in portal
    assert "Unterlagen erneut einreichen" not in portal


def test_withdrawal_page_declared_needs_a_reason(applicant: Any) -> None:
    case = complete_case(applicant)
    client = login(Client(), clerk_for(case.tenant))
    response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/ruecknahme/", {"fictitious": "0", "reason": ""})
    assert response.status_code == 400 and 'class="error-summary"' in response.content.decode()
    response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/ruecknahme/",
                           {"fictitious": "0", "reason": "Erklärung vom 01.12.2026"})
    assert response.status_code == 302 and response["Location"] == f"/bauaufsicht/vorgaenge/{case.pk}/"
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN
    assert not Letter.objects.filter(case=case, kind=LetterKind.RUECKNAHME).exists()


def test_extension_page(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    expire_now(case)
    client = login(Client(), clerk_for(case.tenant))
    url = f"/bauaufsicht/vorgaenge/{case.pk}/nachforderung/frist/"
    assert "Die Frist ist abgelaufen." in client.get(url).content.decode()
    response = client.post(url, {"deadline": "", "reason": ""})
    assert response.status_code == 400 and 'class="error-summary"' in response.content.decode()
    new = timezone.localdate() + dt.timedelta(days=10)
    response = client.post(url, {"deadline": new.isoformat(), "reason": "Bauherr im Krankenhaus"})
    assert response.status_code == 302
    nf = case.nachforderungen.get()
    assert nf.deadline == new and nf.expired_at is None
    html = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Bauherr im Krankenhaus" in html and "Frist abgelaufen – Antrag gilt" not in html
    # the extension drafts no letter (the applicant side gets the notification)
    assert not Letter.objects.filter(case=case, state=LetterState.DRAFT).exists()
