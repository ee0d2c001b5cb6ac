"""Serving Bauvorlagen: attachment with safe headers, inline only for PDFs, 404 for what one may not see."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from bauantrag.documents.actions import upload_document
from tests.conftest import login
from tests.factories import UserFactory, draft_case, submitted_case
from tests.files import minimal_pdf, pdf_upload

pytestmark = pytest.mark.django_db



def _png() -> bytes:
    """A real 1×1 PNG: broken images are refused since uploads are checked with Pillow."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1)).save(out, "PNG")
    return out.getvalue()



def test_download_is_an_attachment_with_rfc6266_name_and_sandbox(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    document = upload_document(applicant, case, pdf_upload("Grundriss Erdgeschoß.pdf"), "2001")
    response = applicant_client.get(f"/dokumente/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=\"Grundriss Erdgescho")
    assert "filename*=UTF-8''Grundriss%20Erdgescho%C3%9F.pdf" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_clerk_sees_pdf_inline_in_a_same_origin_frame(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    document = case.documents.first()
    assert document is not None
    response = clerk_client.get(f"/dokumente/{document.pk}/ansicht/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_inline_view_refuses_anything_but_pdf(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    png = SimpleUploadedFile("foto.png", _png(), content_type="image/png")
    document = upload_document(applicant, case, png, "2003")
    assert applicant_client.get(f"/dokumente/{document.pk}/ansicht/").status_code == 404
    assert applicant_client.get(f"/dokumente/{document.pk}/").status_code == 200


def test_documents_of_others_are_404(applicant: Any, other_tenant: Any) -> None:
    case = draft_case(applicant)
    document = upload_document(applicant, case, pdf_upload(), "1803")
    same_tenant = login(Client(), UserFactory(tenant=applicant.tenant))
    other_clerk = login(Client(), UserFactory(tenant=other_tenant, role="clerk"))
    own_clerk = login(Client(), UserFactory(tenant=applicant.tenant, role="clerk"))
    for client in (same_tenant, other_clerk, own_clerk):  # the clerk does not see drafts
        assert client.get(f"/dokumente/{document.pk}/").status_code == 404
        assert client.get(f"/dokumente/{document.pk}/ansicht/").status_code == 404
    assert Client().get(f"/dokumente/{document.pk}/").status_code == 302  # to the login page
