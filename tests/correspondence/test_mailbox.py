"""The mailbox of a case: threads, read state, attachments through the upload checks, escaped text, isolation."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence import actions
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import Message, MessageAttachment, Side
from bauantrag.correspondence.views import threads, unread_messages
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.validation import UploadRejected
from tests.conftest import login
from tests.documents.helpers import stored_files
from tests.documents.test_pdf_active_content import javascript_open_action
from tests.factories import UserFactory, clerk_for, draft_case, submitted_case
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db


def _texts(case: Any) -> list[tuple[str, str]]:
    return [(m.side, m.subject) for m in Message.objects.filter(case=case, letter__isnull=True)]


def test_thread_with_reply_and_read_state(applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    question = actions.post_message(applicant, case, "Frage zur Baubeschreibung", "Reicht eine Seite?")
    reply = actions.post_message(clerk, case, "", "Ja, eine Seite genügt.", parent=question)
    follow_up = actions.post_message(applicant, case, "", "Danke!", parent=reply)  # a reply to the reply

    assert reply.parent_id == question.pk and follow_up.parent_id == question.pk  # one thread
    assert reply.subject == "AW: Frage zur Baubeschreibung" and reply.side == Side.AUTHORITY
    assert _texts(case) == [
        ("applicant", "Frage zur Baubeschreibung"), ("authority", "AW: Frage zur Baubeschreibung"),
        ("applicant", "AW: Frage zur Baubeschreibung"),
    ]
    # unread: the clerk has not read the applicant's two messages; the applicant not the clerk's one
    assert unread_messages(clerk, case).count() == 2
    # the applicant has not read the reply, nor the Eingangsbestätigung the system filed on submission
    assert list(unread_messages(applicant, case).filter(letter__isnull=True)) == [reply]
    assert unread_messages(applicant, case).filter(letter__kind="eingangsbestaetigung").count() == 1
    clerk_threads = [t for t in threads(clerk, case) if t["letter"] is None]
    assert [(t["root"], t["count"], t["unread"]) for t in clerk_threads] == [(question, 3, 2)]

    actions.mark_thread_read(clerk, question)
    assert unread_messages(clerk, case).count() == 0
    assert list(unread_messages(applicant, case).filter(letter__isnull=True)) == [reply]  # read state is per person
    assert AuditEvent.objects.filter(event=LetterEvent.MESSAGE_SENT, case_id=case.pk).count() == 3


def test_text_is_sanitised_and_shown_escaped(applicant: Any) -> None:
    case = submitted_case(applicant)
    body = "Hallo\r\n<script>alert('x')</script>\x00\x1b[31m\u202egnp.exe\r<b>fett</b>"
    message = actions.post_message(applicant, case, "Betreff\nmit Umbruch <i>", body)
    assert message.body == "Hallo\n<script>alert('x')</script>[31mgnp.exe\n<b>fett</b>"
    assert message.subject == "Betreff mit Umbruch <i>"

    clerk = clerk_for(case.tenant)
    page = login(Client(), clerk).get(f"/post/nachricht/{message.pk}/").content.decode()
    assert "<script>alert" not in page and "<b>fett</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;fett&lt;/b&gt;" in page and "Hallo<br>" in page
    assert "Betreff mit Umbruch &lt;i&gt;" in page


def test_limits_and_who_may_write(applicant: Any) -> None:
    case = submitted_case(applicant)
    with pytest.raises(ValidationError) as too_long:
        actions.post_message(applicant, case, "Lang", "x" * 10_001)
    assert "body" in too_long.value.message_dict
    with pytest.raises(ValidationError):
        actions.post_message(applicant, case, "", "ohne Betreff")
    with pytest.raises(PermissionDenied):
        actions.post_message(UserFactory(tenant=case.tenant, role=Role.AGENCY), case, "Fachstelle", "Hallo")
    with pytest.raises(PermissionDenied):
        actions.post_message(clerk_for(UserFactory().tenant), case, "Fremde Kommune", "Hallo")
    with pytest.raises(PermissionDenied):
        actions.post_message(UserFactory(tenant=case.tenant), case, "Fremder Antragsteller", "Hallo")
    draft = draft_case(applicant)
    with pytest.raises(TransitionNotAllowed):
        actions.post_message(applicant, draft, "Entwurf", "noch nicht eingereicht")
    other_case = submitted_case()
    foreign_parent = actions.post_message(other_case.applicant, other_case, "Anderer Vorgang", "x")
    with pytest.raises(ValidationError):
        actions.post_message(applicant, case, "", "Antwort in fremden Faden", parent=foreign_parent)
    assert not Message.objects.filter(case=case, letter__isnull=True).exists()


def test_attachment_goes_through_the_upload_checks(applicant: Any) -> None:
    case = submitted_case(applicant)
    clean = SimpleUploadedFile("skizze.pdf", minimal_pdf("Skizze"))
    scripted = SimpleUploadedFile("mit-skript.pdf", javascript_open_action())
    message = actions.post_message(applicant, case, "Anlagen", "Siehe Anhang", files=[clean, scripted])
    documents = {a.document.display_name: a.document for a in message.attachments.select_related("document")}
    assert set(documents) == {"skizze.pdf", "mit-skript.pdf"}
    assert documents["mit-skript.pdf"].active_content == {"JavaScript": 2, "OpenAction": 1}
    assert documents["mit-skript.pdf"].inline_storage_name  # a defused copy for the viewer
    assert documents["skizze.pdf"].document_type == actions.ATTACHMENT_DOCUMENT_TYPE
    for document in documents.values():
        raw = (stored_files()[0].parent / document.storage_name).read_bytes()
        assert not raw.startswith(b"%PDF")  # encrypted at rest

    # the clerk may attach too, in any state of the case
    clerk = clerk_for(case.tenant)
    answer = actions.post_message(clerk, case, "", "Anbei das Formular",
                                  parent=message, files=[SimpleUploadedFile("formular.pdf", minimal_pdf("F"))])
    assert answer.attachments.get().document.uploaded_by == clerk


def test_refused_attachment_stores_nothing(applicant: Any) -> None:
    case = submitted_case(applicant)
    files_before, documents_before = stored_files(), case.documents.count()
    good = SimpleUploadedFile("gut.pdf", minimal_pdf("gut"))
    exe = SimpleUploadedFile("rechnung.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    with pytest.raises(UploadRejected):
        actions.post_message(applicant, case, "Rechnung", "bitte öffnen", files=[good, exe])
    assert stored_files() == files_before  # the good file written before the refusal was removed again
    assert case.documents.count() == documents_before
    assert not Message.objects.filter(case=case, letter__isnull=True).exists()
    assert not MessageAttachment.objects.exists()
    rejection = AuditEvent.objects.filter(event=DocumentEvent.DOCUMENT_REJECTED, case_id=case.pk).get()
    assert rejection.after["context"] == "message"


def test_pages_mailbox_reply_and_isolation(applicant: Any) -> None:
    case = submitted_case(applicant)
    client = login(Client(), applicant)
    response = client.post(f"/post/vorgang/{case.pk}/", {
        "subject": "Frage", "body": "Wann entscheiden Sie?",
        "attachments": [SimpleUploadedFile("a.pdf", minimal_pdf("A")), SimpleUploadedFile("b.pdf", minimal_pdf("B"))],
    })
    assert response.status_code == 302
    message = Message.objects.get(case=case, subject="Frage")
    assert message.attachments.count() == 2
    assert response["Location"] == f"/post/nachricht/{message.pk}/"

    clerk = clerk_for(case.tenant)
    clerk_client = login(Client(), clerk)
    case_page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Postfach" in case_page and "1 neu" in case_page
    thread = clerk_client.get(f"/post/nachricht/{message.pk}/").content.decode()
    assert "Wann entscheiden Sie?" in thread and "a.pdf" in thread and "neu" in thread
    assert unread_messages(clerk, case).count() == 0  # opening the thread marks it read
    response = clerk_client.post(f"/post/nachricht/{message.pk}/", {"body": "In sechs Wochen."})
    assert response.status_code == 302
    assert Message.objects.filter(parent=message, side=Side.AUTHORITY).count() == 1

    # an applicant of another case, a clerk of another Kommune and an agency get 404 for all of it
    other_applicant = UserFactory(tenant=case.tenant)
    agency = UserFactory(tenant=case.tenant, role=Role.AGENCY)
    foreign_clerk = clerk_for(UserFactory().tenant)
    for user in (other_applicant, foreign_clerk, agency):
        other = login(Client(), user)
        assert other.get(f"/post/nachricht/{message.pk}/").status_code == 404
        assert other.post(f"/post/nachricht/{message.pk}/", {"body": "x"}).status_code == 404
        assert other.get(f"/post/vorgang/{case.pk}/").status_code == 404
        attachment = message.attachments.first()
        assert attachment is not None
        assert other.get(f"/dokumente/{attachment.document_id}/").status_code == 404
    assert Message.objects.filter(case=case, letter__isnull=True).count() == 2


def test_form_errors_are_shown(applicant: Any) -> None:
    case = submitted_case(applicant)
    client = login(Client(), applicant)
    response = client.post(f"/post/vorgang/{case.pk}/", {
        "subject": "Datei", "body": "", "attachments": [SimpleUploadedFile("x.pdf", b"MZ\x90\x00" + b"\x00" * 100)],
    })
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
