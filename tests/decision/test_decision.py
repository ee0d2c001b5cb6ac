"""The decision: Bescheid draft from "Entscheidung vorbereiten", sent through the correspondence app, which decides
and closes the case (approve with Nebenbestimmungen / refuse with reasons); guards against wrong states."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Decision
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence import actions as letters
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import Letter, LetterKind, LetterState
from bauantrag.decision import actions as decision
from bauantrag.notifications.models import NotificationEvent, NotificationLog
from tests.conftest import login
from tests.correspondence.conftest import pdf_text, stored_pdf
from tests.decision.conftest import approve
from tests.factories import clerk_for, complete_case, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db

CONDITIONS = [
    {"kind": "auflage", "text": "Die Zufahrt ist mit wasserdurchlässigem Pflaster zu befestigen.",
     "fachstelle": "Untere Wasserbehörde"},
    {"kind": "hinweis", "text": "Der Baubeginn ist eine Woche vorher anzuzeigen."},
    "  ",
]


def test_approval_with_conditions_end_to_end(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        draft = decision.prepare_decision(clerk, case, outcome=decision.APPROVE, conditions=CONDITIONS)
    case.refresh_from_db()
    assert draft.kind == LetterKind.BAUGENEHMIGUNG and draft.state == LetterState.DRAFT
    assert case.state == CaseState.COMPLETE and case.decided_at is None  # nothing decided by the draft
    assert [c["text"] for c in draft.context["nebenbestimmungen"]] == [
        "Die Zufahrt ist mit wasserdurchlässigem Pflaster zu befestigen.",
        "Der Baubeginn ist eine Woche vorher anzuzeigen.",
    ]
    assert "Auflagen\n1. Die Zufahrt ist mit wasserdurchlässigem Pflaster zu befestigen.\n" in draft.body

    with run_actions_now():
        sent = letters.send_letter(clerk, draft)
    case.refresh_from_db()
    assert case.state == CaseState.APPROVED and case.decision == Decision.APPROVED
    assert case.decided_at == sent.sent_at and case.closed_at == sent.sent_at
    # § 74 Abs. 5 Satz 3 BauO NRW: „so lange aufzubewahren, wie die Anlage besteht“ – no end date (review M2)
    assert case.retention_until is None
    assert case.decision_letter_id == sent.pk
    assert [c["kind"] for c in case.decision_conditions] == ["auflage", "hinweis"]
    text = pdf_text(stored_pdf(sent))
    assert "BAUGENEHMIGUNG" in text and "wasserdurchlässigem Pflaster" in text

    events = list(AuditEvent.objects.filter(case_id=case.pk).order_by("seq").values_list("event", flat=True))
    assert events[-3:] == [LetterEvent.LETTER_SENT, CaseEvent.CASE_APPROVED, CaseEvent.CASE_CLOSED]
    approved = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.CASE_APPROVED)
    assert approved.actor == clerk and approved.after["sha256"] == sent.sha256
    assert approved.before == {"state": "complete"}
    closed = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.CASE_CLOSED)
    assert closed.after["retention_until"] is None
    # exactly one DECISION mail per recipient (the correspondence app's), no second one from the case
    assert NotificationLog.objects.filter(case=case, event=NotificationEvent.DECISION).count() == 1


def test_refusal_requires_reasons_and_closes_with_them(applicant: Any, settings: Any) -> None:
    settings.RETENTION_YEARS_NOT_APPROVED = 10
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with pytest.raises(ValidationError) as exc:
        decision.prepare_decision(clerk, case, outcome=decision.REFUSE, reasons="   ")
    assert "reasons" in exc.value.message_dict
    assert not Letter.objects.filter(case=case, kind=LetterKind.ABLEHNUNG).exists()

    reasons = "Das Vorhaben überschreitet die Baugrenze um 2,50 m (§ 23 Abs. 3 BauNVO)."
    with run_actions_now():
        draft = decision.prepare_decision(clerk, case, outcome=decision.REFUSE, reasons=reasons)
        assert draft.kind == LetterKind.ABLEHNUNG and reasons in draft.body
        assert draft.context["anhoerung_sent"] is False
        letters.send_letter(clerk, draft)
    case.refresh_from_db()
    assert (case.state, case.decision, case.decision_reason) == (CaseState.REFUSED, Decision.REFUSED, reasons)
    assert case.retention_until == dt.date(timezone.localdate(case.closed_at).year + 10, 12, 31)
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_REFUSED).count() == 1


@pytest.mark.parametrize("make", [submitted_case, nachforderung_case])
def test_no_decision_before_the_case_is_complete(applicant: Any, make: Any) -> None:
    case = make(applicant)
    state_before = case.state
    clerk = clerk_for(case.tenant)
    for outcome in (decision.APPROVE, decision.REFUSE):
        with pytest.raises(TransitionNotAllowed):
            decision.prepare_decision(clerk, case, outcome=outcome, reasons="Gründe")
    # a Bescheid drafted some other way cannot be sent either: the hook refuses, the letter stays a draft
    with run_actions_now():
        draft = letters.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG)
    with pytest.raises(TransitionNotAllowed):
        letters.send_letter(clerk, draft)
    draft.refresh_from_db()
    case.refresh_from_db()
    assert draft.state == LetterState.DRAFT and case.state == state_before


def test_a_decided_case_cannot_be_decided_again_or_changed(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        second = letters.draft_letter(clerk, case, LetterKind.ABLEHNUNG, context={"reasons": "x"})
    approve(clerk, case)
    case.refresh_from_db()
    with pytest.raises(TransitionNotAllowed, match="abgeschlossen"):
        letters.send_letter(clerk, second)
    with pytest.raises(TransitionNotAllowed, match="Der Vorgang ist abgeschlossen"):
        decision.prepare_decision(clerk, case, outcome=decision.REFUSE, reasons="x")
    with pytest.raises(TransitionNotAllowed):
        decision.record_withdrawal(clerk, case, reason="Schreiben vom 1.3.")
    with pytest.raises(TransitionNotAllowed):
        actions.confirm_completeness(clerk, case)
    with pytest.raises(TransitionNotAllowed):
        actions.update_application(applicant, case, {"description": "geändert"})
    second.refresh_from_db()
    assert second.state == LetterState.DRAFT


def test_only_the_kommunes_casework_prepares_a_decision(applicant: Any, other_tenant: Any) -> None:
    case = complete_case(applicant)
    for outsider in (applicant, clerk_for(other_tenant)):
        with pytest.raises(PermissionDenied):
            decision.prepare_decision(outsider, case, outcome=decision.APPROVE)


def test_unknown_outcome_is_refused(applicant: Any) -> None:
    case = complete_case(applicant)
    with pytest.raises(ValidationError):
        decision.prepare_decision(clerk_for(case.tenant), case, outcome="vielleicht")


def test_anhoerung_is_detected(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    assert not decision.anhoerung_sent(case)
    with run_actions_now():
        letters.send_letter(clerk, letters.draft_letter(clerk, case, LetterKind.ANHOERUNG))
    assert decision.anhoerung_sent(case)


def test_other_letters_do_not_touch_the_case(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        letters.send_letter(clerk, letters.draft_letter(clerk, case, LetterKind.ANHOERUNG))
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE and not case.decision


# ------------------------------------------------------------------------------------------------- the page


def test_decision_page_prefills_conditions_from_the_stellungnahmen(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    stellungnahmen = {"beteiligung.stellungnahmen": lambda c: [
        {"text": "Feuerwehrzufahrt freihalten.", "legal_basis": "§ 5 BauO NRW", "fachstelle": "Brandschutz"},
    ]}  # as the Beteiligung app registers them (decision.actions.CONDITION_SOURCES)
    client = login(Client(), clerk)
    with decision.CONDITION_SOURCES.override(stellungnahmen):
        html = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/").content.decode()
        assert "Feuerwehrzufahrt freihalten." in html and "Brandschutz – § 5 BauO NRW" in html
        assert "noch keine Anhörung versandt" in html and "§ 28 Abs. 1 VwVfG NRW" in html

        response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/", {
            "outcome": "approve", "condition_0": "Feuerwehrzufahrt freihalten (3 m breit).",
            "condition_0_kind": "auflage", "condition_1": "Eigene Auflage: Bäume schützen.",
            "condition_1_kind": "auflage", "reasons": "",
        })
    draft = Letter.objects.get(case=case, kind=LetterKind.BAUGENEHMIGUNG)
    assert response.status_code == 302 and response["Location"] == f"/post/schreiben/{draft.pk}/"
    assert [c["text"] for c in draft.context["nebenbestimmungen"]] == [
        "Feuerwehrzufahrt freihalten (3 m breit).", "Eigene Auflage: Bäume schützen.",
    ]
    assert draft.context["nebenbestimmungen"][0]["fachstelle"] == "Brandschutz"
    # the case page lists the draft and still offers the decision
    html = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Entscheidung vorbereiten" in html and f"/post/schreiben/{draft.pk}/" in html


def test_refusal_without_reasons_shows_the_error_summary(applicant: Any) -> None:
    case = complete_case(applicant)
    client = login(Client(), clerk_for(case.tenant))
    response = client.post(f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/", {"outcome": "refuse", "reasons": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html and "Eine Ablehnung muss begründet werden" in html
    assert not Letter.objects.filter(case=case, kind=LetterKind.ABLEHNUNG).exists()


def test_decision_page_for_an_incomplete_case_explains_and_does_not_draft(applicant: Any) -> None:
    case = submitted_case(applicant)
    client = login(Client(), clerk_for(case.tenant))
    url = f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/"
    assert "erst entschieden werden, wenn er vollständig ist" in client.get(url).content.decode()
    response = client.post(url, {"outcome": "approve"})
    assert response.status_code == 302
    assert not Letter.objects.filter(case=case, kind=LetterKind.BAUGENEHMIGUNG).exists()


def test_closed_case_is_shown_with_decision_and_retention_to_both_sides(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    sent = approve(clerk, case, CONDITIONS[:1])
    case.refresh_from_db()
    assert case.retention_until is None
    retention = "solange die bauliche Anlage besteht (§ 74 Abs. 5 Satz 3 BauO NRW)"
    html = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert 'aria-labelledby="entscheidung-h"' in html and "Baugenehmigung erteilt" in html
    assert retention in html and "wasserdurchlässigem Pflaster" in html
    assert f"/post/schreiben/{sent.pk}/" in html and "Vollständigkeit bestätigen" not in html
    portal = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "Ergebnis des Verfahrens" in portal and "Baugenehmigung erteilt" in portal and retention in portal
    assert f"/post/schreiben/{sent.pk}/pdf/" in portal
    assert "Das Verfahren ist abgeschlossen" in portal
    assert Case.objects.get(pk=case.pk).state == CaseState.APPROVED


def test_a_bescheid_whose_text_drops_a_nebenbestimmung_is_not_sent(applicant: Any) -> None:
    """The case records the Nebenbestimmungen of the decision page; the PDF with legal force must carry them."""
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        draft = decision.prepare_decision(clerk, case, outcome=decision.APPROVE, conditions=CONDITIONS)
    edited = draft.body.replace("mit wasserdurchlässigem Pflaster", "mit Asphalt")
    letters.update_draft(clerk, draft, draft.subject, edited)
    draft.refresh_from_db()
    with pytest.raises(ValidationError, match="weicht von der Entscheidung ab"), run_actions_now():
        letters.send_letter(clerk, draft)
    draft.refresh_from_db()
    case.refresh_from_db()
    assert draft.state == LetterState.DRAFT and case.state == CaseState.COMPLETE

    rewrapped = edited.replace("mit Asphalt", "mit  wasserdurchlässigem\nPflaster")
    letters.update_draft(clerk, draft, draft.subject, rewrapped)
    draft.refresh_from_db()
    with run_actions_now():
        letters.send_letter(clerk, draft)  # the same words, only wrapped differently, are fine
    case.refresh_from_db()
    assert case.state == CaseState.APPROVED
