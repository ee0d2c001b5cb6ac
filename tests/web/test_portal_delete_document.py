"""Issue 16: the applicant deletes a Bauvorlage before it is submitted; a submitted one is never deleted."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.documents import storage
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document
from bauantrag.files import UploadRejected
from tests.conftest import login
from tests.factories import UserFactory, draft_case, nachforderung_case, run_actions_now
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def _delete_url(document: Document) -> str:
    return f"/antraege/{document.case_id}/bauvorlagen/{document.pk}/loeschen/"


def _stored(document: Document) -> bool:
    try:
        storage.open_for_read(document.tenant_id, document.storage_name, document.sha256).close()
    except (FileNotFoundError, OSError, UploadRejected):
        return False
    return True


def test_a_draft_bauvorlage_is_deleted_with_its_file_and_an_audit_entry(
    applicant: Any, applicant_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    case = draft_case(applicant)
    wrong = upload_document(applicant, case, pdf_upload("falsche-datei.pdf"), "1502")
    kept = upload_document(applicant, case, pdf_upload("lageplan.pdf"), "1801")
    assert _stored(wrong)
    page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert _delete_url(wrong) in page and "Löschen<span class=\"visually-hidden\">: falsche-datei.pdf</span>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(_delete_url(wrong), follow=True)
    assert "„falsche-datei.pdf“ wurde gelöscht." in response.content.decode()
    assert list(case.documents.values_list("pk", flat=True)) == [kept.pk]
    assert not _stored(wrong) and _stored(kept)
    event = AuditEvent.objects.get(event="document.deleted", case_id=case.pk)
    assert event.before["name"] == "falsche-datei.pdf" and event.before["sha256"] == wrong.sha256


def test_a_submitted_bauvorlage_is_never_deleted(applicant: Any, applicant_client: Client) -> None:
    case = nachforderung_case(applicant)
    submitted = case.documents.bauvorlagen().order_by("uploaded_at").first()
    assert submitted is not None and submitted.round == case.round
    new = upload_document(applicant, case, pdf_upload("baubeschreibung.pdf"), "1502")  # the answer, not yet sent
    page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert _delete_url(new) in page and _delete_url(submitted) not in page
    response = applicant_client.post(_delete_url(submitted), follow=True)
    assert "Eingereichte Bauvorlagen werden nicht gelöscht." in response.content.decode()
    assert Document.objects.filter(pk=submitted.pk).exists() and _stored(submitted)
    applicant_client.post(_delete_url(new))
    assert not Document.objects.filter(pk=new.pk).exists()
    answer = upload_document(applicant, case, pdf_upload("baubeschreibung-2.pdf"), "1502")
    with run_actions_now():
        actions.resubmit(applicant, case)
    applicant_client.post(_delete_url(answer))  # resubmitted: received by the Bauaufsicht, kept
    assert Document.objects.filter(pk=answer.pk).exists()


def test_another_applicant_cannot_delete(applicant: Any, tenant: Any) -> None:
    case = draft_case(applicant)
    document = upload_document(applicant, case, pdf_upload("lageplan.pdf"), "1801")
    stranger = login(Client(), UserFactory(tenant=tenant))
    assert stranger.post(_delete_url(document)).status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


def test_replace_before_submission_keeps_the_kind_and_a_refused_file_keeps_the_old(
    applicant: Any, applicant_client: Client
) -> None:
    case = draft_case(applicant)
    old = upload_document(applicant, case, pdf_upload("lageplan-alt.pdf"), "1801")
    url = f"/antraege/{case.pk}/bauvorlagen/{old.pk}/ersetzen/"
    assert url in applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    fake = SimpleUploadedFile("lageplan-neu.pdf", b"<html>kein PDF</html>", "application/pdf")
    page = applicant_client.post(url, {"file": fake}, follow=True).content.decode()
    assert "„lageplan-alt.pdf“ wurde nicht ersetzt:" in page
    assert list(case.documents.values_list("pk", flat=True)) == [old.pk]
    page = applicant_client.post(url, {"file": pdf_upload("lageplan-neu.pdf")}, follow=True).content.decode()
    assert "„lageplan-alt.pdf“ wurde durch „lageplan-neu.pdf“ ersetzt." in page
    assert list(case.documents.values_list("display_name", "document_type")) == [("lageplan-neu.pdf", "1801")]


def test_a_submitted_bauvorlage_is_not_replaced(applicant: Any, applicant_client: Client) -> None:
    case = nachforderung_case(applicant)
    submitted = case.documents.bauvorlagen().first()
    assert submitted is not None
    url = f"/antraege/{case.pk}/bauvorlagen/{submitted.pk}/ersetzen/"
    page = applicant_client.post(url, {"file": pdf_upload("neu.pdf")}, follow=True).content.decode()
    assert "Eingereichte Bauvorlagen werden nicht ersetzt." in page
    assert Document.objects.filter(pk=submitted.pk).exists()
    assert not case.documents.filter(display_name="neu.pdf").exists()
