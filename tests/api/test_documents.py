"""Uploading and downloading Bauvorlagen through the API: content decides, refused files leave no trace."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.documents.models import Document
from tests.api.helpers import API, case_url, error_fields, errors_of, get, stored_files
from tests.factories import draft_case, submitted_case
from tests.files import minimal_pdf, pdf_upload

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def upload(client: Client, case: Any, file: Any, document_type: str = "1803") -> Any:
    return client.post(case_url(case.pk, "documents/"), {"file": file, "document_type": document_type})


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("lageplan.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
            "Dateiformat nicht zulässig",
        ),
        (SimpleUploadedFile("leer.pdf", b"", "application/pdf"), "Die Datei ist leer."),
        (
            SimpleUploadedFile("foto.pdf", PNG, "application/pdf"),
            "ist nach ihrem Inhalt ein PNG-Bild, trägt aber die Endung „.pdf“",
        ),
        (
            SimpleUploadedFile("lageplan.pdf.html", minimal_pdf(), "text/html"),
            "trägt aber die Endung „.html“",
        ),
    ],
)
def test_refused_upload_is_400_and_stores_nothing(
    applicant: Any, applicant_client: Client, file: Any, message: str
) -> None:
    case = draft_case(applicant)
    response = upload(applicant_client, case, file)
    assert response.status_code == 400
    [error] = errors_of(response)
    assert error["code"] == "upload_rejected" and error["field"] == "file" and message in error["detail"]
    assert Document.objects.count() == 0
    assert stored_files() == []
    history = get(applicant_client, case_url(case.pk, "history/")).json()["results"]
    assert history[-1]["event"] == "document.rejected" and history[-1]["event_label"] == "Upload abgelehnt"


def test_upload_input_errors_are_field_errors(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    url = case_url(case.pk, "documents/")
    assert error_fields(applicant_client.post(url, {"document_type": "1803"})) == {"file"}
    assert error_fields(applicant_client.post(url, {"file": "kein Dateiinhalt", "document_type": "1803"})) == {"file"}
    response = upload(applicant_client, case, pdf_upload(), document_type="0000")
    assert response.status_code == 400 and error_fields(response) == {"document_type"}
    response = applicant_client.post(url, {"file": pdf_upload(), "document_type": "1803", "case": "x"})
    assert response.status_code == 400 and error_fields(response) == {"case"}
    response = applicant_client.post(url, data='{"document_type": "1803"}', content_type="application/json")
    assert response.status_code == 415
    assert Document.objects.count() == 0 and stored_files() == []


def test_upload_refused_by_state_role_or_ownership(
    applicant: Any, applicant_client: Client, clerk_client: Client
) -> None:
    case = submitted_case(applicant)
    foreign_draft = draft_case()  # another applicant's case of the same Kommune
    before = Document.objects.count(), stored_files()
    response = upload(applicant_client, case, pdf_upload())
    assert response.status_code == 409 and errors_of(response)[0]["code"] == "transition_not_allowed"
    assert upload(clerk_client, case, pdf_upload()).status_code == 403
    assert upload(applicant_client, foreign_draft, pdf_upload()).status_code == 404
    assert (Document.objects.count(), stored_files()) == before


def test_upload_then_download_exactly_as_an_attachment(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    content = minimal_pdf("Lageplan 1:500")
    response = upload(
        applicant_client, case, SimpleUploadedFile("../../etc/Lageplan Grünstraße.pdf", content, "text/html")
    )
    assert response.status_code == 201, response.content
    meta = response.json()
    assert meta["display_name"] == "Lageplan Grünstraße.pdf"
    assert meta["content_type"] == "application/pdf" and meta["size"] == len(content)
    assert meta["document_type"] == "1803" and meta["document_type_label"] == "Lageplan"
    assert meta["case_id"] == str(case.pk) and meta["round"] == 1
    assert response["Location"] == meta["links"]["self"] == f"{API}/documents/{meta['id']}/"
    assert get(applicant_client, meta["links"]["self"]).json() == meta
    assert len(stored_files()) == 1 and "Lageplan" not in stored_files()[0].name

    download = applicant_client.get(meta["links"]["content"], HTTP_ACCEPT="text/html")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        "attachment; filename=\"Lageplan Grunstrae.pdf\"; filename*=UTF-8''Lageplan%20Gr%C3%BCnstra%C3%9Fe.pdf"
    )
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "sandbox"
    assert "no-store" in download["Cache-Control"]


def test_clerk_reads_the_documents_of_a_submitted_case(applicant: Any, clerk_client: Client) -> None:
    case = submitted_case(applicant)
    listing = get(clerk_client, case_url(case.pk, "documents/")).json()
    assert listing["count"] == case.documents.count() == 7
    first = listing["results"][0]
    download = clerk_client.get(first["links"]["content"])
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
