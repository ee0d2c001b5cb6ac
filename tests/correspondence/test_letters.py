"""Letters: automatic letters of case events, the clerk's draft → send → frozen, the PDF read back."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import jsonable
from bauantrag.cases import actions as case_actions
from bauantrag.correspondence import actions, hooks
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import Letter, LetterKind, LetterState, Message
from tests.conftest import login
from tests.correspondence.conftest import pdf_text, pdfa_identification, stored_pdf
from tests.factories import UserFactory, clerk_for, complete_case, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db


def test_eingangsbestaetigung_is_sent_on_submission(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant)
    letter = Letter.objects.get(case=case)
    assert (letter.kind, letter.state, letter.created_by, letter.sent_by) == (
        LetterKind.EINGANGSBESTAETIGUNG, LetterState.SENT, None, None)
    data = stored_pdf(letter)
    assert hashlib.sha256(data).hexdigest() == letter.sha256 and len(data) == letter.size
    text = pdf_text(data)
    assert f"Aktenzeichen {case.file_number}" in text
    assert "Untere Bauaufsichtsbehörde der Stadt Musterstadt" in text and "Kreis Unna" in text
    assert "Rathausplatz 1" in text and "bauaufsicht@musterstadt.example" in text
    assert "Erika Mustermann" in text and "Lindenweg 12, 59423 Unna" in text
    assert f"bis zum {case.completeness_due:%d.%m.%Y}" in text
    assert "ohne elektronisches Siegel" in text and "Dieses Schreiben wurde maschinell erstellt." in text
    assert data.startswith(b"%PDF-1.7") and pdfa_identification(data) == ("3", "A") and letter.pdf_variant == "pdf/a-3a"
    # filed in the applicant's mailbox; no second mail beside the SUBMITTED notification
    message = Message.objects.get(letter=letter)
    assert message.author is None and message.side == "authority"
    assert [log.event for log in case.notifications.all()] == ["submitted"]
    audit = AuditEvent.objects.get(event=LetterEvent.LETTER_SENT, case_id=case.pk)
    assert audit.actor is None and audit.after["sha256"] == letter.sha256


def test_nachforderung_letter_names_items_deadline_and_the_withdrawal_fiction(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    letter = Letter.objects.get(case=case, kind=LetterKind.NACHFORDERUNG)
    nachforderung = case.nachforderungen.get()
    assert letter.state == LetterState.SENT and letter.context["nachforderung_id"] == str(nachforderung.pk)
    text = pdf_text(stored_pdf(letter))
    assert case.file_number in text
    assert "1. Baubeschreibung: fehlt" in text
    assert "Bitte reichen Sie die Baubeschreibung nach." in text
    assert f"bis zum {nachforderung.deadline:%d.%m.%Y}" in text
    assert ("Werden die Mängel nicht innerhalb der Frist behoben, gilt der Bauantrag als zurückgenommen "
            "(§ 71 Abs. 1 Satz 3 BauO NRW).") in text


def test_vollstaendigkeit_letter_on_completeness(applicant: Any) -> None:
    case = submitted_case(applicant)
    with run_actions_now():
        case_actions.confirm_completeness(clerk_for(case.tenant), case)
    letter = Letter.objects.get(case=case, kind=LetterKind.VOLLSTAENDIGKEIT)
    text = pdf_text(stored_pdf(letter))
    assert "ist mit den Bauvorlagen vollständig (§ 71 Abs. 1 BauO NRW)" in text and case.file_number in text


def test_draft_edit_send_then_frozen(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG,
                                  context={"deadline": dt.date(2030, 1, 15)})
    assert "15.01.2030" in letter.body and "§ 28 Abs. 1 VwVfG NRW" in letter.body
    body = letter.body.replace("... [Gründe einsetzen]", "das Vorhaben die Baugrenze um 2,5 m überschreitet")
    letter = actions.update_draft(clerk, letter, letter.subject, body)

    # the applicant side sees no draft
    client = login(Client(), applicant)
    assert client.get(f"/post/schreiben/{letter.pk}/pdf/").status_code == 404

    sent = actions.send_letter(clerk, letter)
    assert sent.state == LetterState.SENT and sent.sent_by == clerk
    text = pdf_text(stored_pdf(sent))
    assert "die Baugrenze um 2,5 m überschreitet" in text and clerk.display_name() in text
    assert "Im Auftrag" in text

    with pytest.raises(actions.LetterFrozen):
        actions.update_draft(clerk, sent, "Neuer Betreff", "Neuer Text")
    with pytest.raises(actions.LetterFrozen):
        actions.send_letter(clerk, sent)
    clerk_client = login(Client(), clerk)
    response = clerk_client.post(f"/post/schreiben/{sent.pk}/", {"subject": "X", "body": "Y"})
    assert response.status_code == 409
    assert "kann nicht mehr geändert werden" in response.content.decode()
    sent.refresh_from_db()
    assert sent.body == body

    # the applicant gets it in the mailbox and downloads the same bytes; the first download is recorded
    response = client.get(f"/post/schreiben/{sent.pk}/pdf/")
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == sent.sha256
    sent.refresh_from_db()
    assert sent.retrieved_by == applicant and sent.retrieved_at is not None
    assert Message.objects.filter(letter=sent, case=case).count() == 1
    retrieved_at = sent.retrieved_at
    assert client.get(f"/post/schreiben/{sent.pk}/pdf/").status_code == 200  # a second download changes nothing
    sent.refresh_from_db()
    assert sent.retrieved_at == retrieved_at
    events = list(AuditEvent.objects.filter(subject_id=str(sent.pk)).order_by("seq"))
    assert [e.event for e in events] == [LetterEvent.LETTER_DRAFTED, LetterEvent.LETTER_DRAFTED,
                                         LetterEvent.LETTER_SENT, LetterEvent.LETTER_RETRIEVED]
    retrieval = events[-1]  # the Bekanntgabe is in the trail, by whom and when
    assert retrieval.actor == applicant and retrieval.after["sha256"] == sent.sha256
    assert retrieval.after["retrieved_at"] == jsonable(retrieved_at)


def test_baugenehmigung_with_nebenbestimmungen_and_rechtsbehelfsbelehrung(applicant: Any, letterhead: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG, context={"nebenbestimmungen": [
        {"kind": "auflage", "text": "Die Stellplätze sind vor Nutzungsaufnahme herzustellen."},
        "Der Baubeginn ist eine Woche vorher anzuzeigen.",
    ]})
    sent = actions.send_letter(clerk, letter)
    text = pdf_text(stored_pdf(sent))
    assert "BAUGENEHMIGUNG" in text and case.file_number in text
    assert ("Auflagen 1. Die Stellplätze sind vor Nutzungsaufnahme herzustellen. Rechtsgrundlage: § 74 Abs. 3 "
            "BauO NRW, § 36 Abs. 1 VwVfG NRW 2. Der Baubeginn ist eine Woche vorher anzuzeigen.") in text
    assert "Rechtsbehelfsbelehrung" in text
    assert ("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Die Klage ist "
            "bei dem Verwaltungsgericht Arnsberg, Jägerstraße 1, 59821 Arnsberg, schriftlich einzureichen") in text
    assert "Widerspruch" not in text  # no Vorverfahren in NRW
    assert [log.event for log in case.notifications.order_by("created_at")][-1] == "decision"


def test_bescheid_needs_the_court_in_the_letterhead(applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.draft_letter(clerk, case, LetterKind.ABLEHNUNG, context={"reasons": "§ 34 BauGB"})
    with pytest.raises(ValidationError, match="Verwaltungsgericht"):
        actions.send_letter(clerk, letter)
    letter.refresh_from_db()
    assert letter.state == LetterState.DRAFT and not letter.storage_name


def test_hooks_run_inside_the_transaction(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    seen: list[tuple[str, str]] = []

    def remember(letter: Letter, actor: Any) -> None:
        seen.append((letter.kind, letter.state))
        if letter.subject == "Zweite Anhörung":
            raise PermissionDenied("nicht jetzt")

    with hooks.ON_LETTER_SENT.override({"test": remember}):
        actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.ANHOERUNG))
        second = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG)
        second = actions.update_draft(clerk, second, "Zweite Anhörung", second.body)
        with pytest.raises(PermissionDenied):
            actions.send_letter(clerk, second)
    assert seen == [("anhoerung", "sent"), ("anhoerung", "sent")]
    second.refresh_from_db()
    assert second.state == LetterState.DRAFT and not second.storage_name
    assert not Message.objects.filter(letter=second).exists()


def test_who_may_draft_and_read_letters(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant)
    with pytest.raises(PermissionDenied):
        actions.draft_letter(applicant, case, LetterKind.ANHOERUNG)
    with pytest.raises(PermissionDenied):
        actions.draft_letter(UserFactory(tenant=case.tenant, role=Role.AGENCY), case, LetterKind.ANHOERUNG)
    receipt = Letter.objects.get(case=case)
    for user in (UserFactory(tenant=case.tenant), UserFactory(tenant=case.tenant, role=Role.AGENCY),
                 clerk_for(UserFactory().tenant)):
        assert login(Client(), user).get(f"/post/schreiben/{receipt.pk}/pdf/").status_code == 404
    assert login(Client(), applicant).get(f"/post/schreiben/{receipt.pk}/pdf/").status_code == 200


def test_clerk_pages_draft_edit_preview_send(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    client = login(Client(), clerk)
    case_page = client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Eingangsbestätigung" in case_page and "Entwurf anlegen" in case_page
    receipt = Letter.objects.get(case=case)
    assert receipt.sha256 in case_page

    response = client.post(f"/post/vorgang/{case.pk}/schreiben/neu/", {"letter-kind": "anhoerung"})
    letter = Letter.objects.get(case=case, kind=LetterKind.ANHOERUNG)
    assert response["Location"] == f"/post/schreiben/{letter.pk}/"
    response = client.post(f"/post/schreiben/{letter.pk}/", {"subject": "Anhörung <b>", "body": "Text\n\nZweiter"})
    assert response.status_code == 302
    preview = client.get(f"/post/schreiben/{letter.pk}/vorschau/")
    preview_text = pdf_text(b"".join(preview.streaming_content))
    assert "ENTWURF" in preview_text and "Anhörung <b>" in preview_text and "Zweiter" in preview_text
    response = client.post(f"/post/schreiben/{letter.pk}/senden/")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.state == LetterState.SENT
    page = client.get(f"/post/schreiben/{letter.pk}/").content.decode()
    assert letter.sha256 in page and "versandt – unveränderlich" in page and "Anhörung &lt;b&gt;" in page

    portal = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "Schreiben der Bauaufsicht" in portal and f"/post/schreiben/{letter.pk}/pdf/" in portal
    assert re.search(r"\d+ ungelesen", portal)


def test_letterhead_page_for_the_tenant_admin(tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    client = login(Client(), admin)
    response = client.post("/post/briefkopf/", {
        "street": "Markt 1", "postal_code": "59423", "city": "Musterstadt", "email": "post@musterstadt.example",
        "court_name": "Verwaltungsgericht Arnsberg", "court_address": "Jägerstraße 1, 59821 Arnsberg",
    })
    assert response.status_code == 302
    assert tenant.letterhead.court_name == "Verwaltungsgericht Arnsberg"
    assert AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED, message="Briefkopf").exists()
    assert login(Client(), clerk_for(tenant)).get("/post/briefkopf/").status_code == 403


def test_case_actions_stay_fast_the_pdf_is_rendered_after_commit(applicant: Any) -> None:
    """The submission does not render the PDF inside its transaction: the letter is queued after commit."""
    from tests.factories import draft_case

    case = draft_case(applicant)
    from tests.factories import add_documents

    add_documents(case)
    with run_actions_now() as callbacks:
        case_actions.submit(applicant, case)
        letter = Letter.objects.get(case=case)
        assert letter.state == LetterState.DRAFT  # inside the transaction: filled, not yet rendered
    assert callbacks
    letter.refresh_from_db()
    assert letter.state == LetterState.SENT
    assert timezone.now() - letter.sent_at < dt.timedelta(minutes=1)


def test_beteiligungsschreiben_goes_to_the_agency_only(applicant: Any, letterhead: Any) -> None:
    import uuid

    from bauantrag.correspondence import access

    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    asked, other = (UserFactory(tenant=case.tenant, role=Role.AGENCY) for _ in range(2))
    beteiligung_id = uuid.uuid4()
    letter = actions.draft_letter(clerk, case, LetterKind.BETEILIGUNG, recipient="agency",
                                  beteiligung_id=beteiligung_id,
                                  context={"agency_name": "Brandschutzdienststelle des Kreises Unna",
                                           "deadline": dt.date(2030, 3, 1)})
    sent = actions.send_letter(clerk, letter)
    assert not Message.objects.filter(letter=sent).exists()  # not in the applicant's mailbox
    text = pdf_text(stored_pdf(sent))
    assert "Brandschutzdienststelle des Kreises Unna" in text and "bis zum 01.03.2030" in text
    assert "§ 71 Abs. 4 Satz 3 BauO NRW" in text

    url = f"/post/schreiben/{sent.pk}/pdf/"
    asked_client, other_client = login(Client(), asked), login(Client(), other)  # TOTP codes are single-use
    assert asked_client.get(url).status_code == 404  # no Beteiligung with that id: nobody
    with access.AGENCY_LETTER_CHECKS.override(
        {"test": lambda user, letter: user.pk == asked.pk and letter.beteiligung_id == beteiligung_id}
    ):
        assert asked_client.get(url).status_code == 200
        assert other_client.get(url).status_code == 404
        assert login(Client(), applicant).get(url).status_code == 404


def test_unsent_system_letters_are_queued_again(applicant: Any) -> None:
    from bauantrag.correspondence.tasks import requeue_system_letters

    case = submitted_case(applicant)
    stuck = actions.draft_letter(None, case, LetterKind.VOLLSTAENDIGKEIT)  # as if the broker had been down
    clerks_draft = actions.draft_letter(clerk_for(case.tenant), case, LetterKind.ANHOERUNG)
    Letter.objects.filter(pk__in=[stuck.pk, clerks_draft.pk]).update(
        created_at=timezone.now() - dt.timedelta(hours=1))
    assert requeue_system_letters.delay().get() == 1  # eager in the tests
    stuck.refresh_from_db()
    clerks_draft.refresh_from_db()
    assert stuck.state == LetterState.SENT and clerks_draft.state == LetterState.DRAFT
