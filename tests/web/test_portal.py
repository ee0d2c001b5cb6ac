"""The applicant portal through the Django test client: create, edit, upload, submit, receipt."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Vorhaben
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document
from tests.factories import VALID_VORHABEN, add_documents, draft_case, nachforderung_case, run_actions_now
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {k: ("" if v is None else str(v)) for k, v in VALID_VORHABEN.items()}
    return {**data, **overrides}


def test_list_shows_own_drafts_and_submitted_with_file_number(applicant_client: Client, applicant: Any) -> None:
    draft_case(applicant, street="Ahornallee")
    response = applicant_client.get("/antraege/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Entwurf" in html and "Ahornallee 12, 59423 Unna" in html
    assert 'href="#inhalt"' in html


def test_new_application_form_groups_fields_and_saves_a_draft(applicant_client: Client, applicant: Any) -> None:
    page = applicant_client.get("/antraege/neu/").content.decode()
    for legend in ("Bauherrschaft", "Lage des Grundstücks", "Vorhaben", "Maße"):
        assert f"<legend>{legend}</legend>" in page
    assert "<summary>Angaben für Sonderbauten</summary>" in page
    assert 'for="id_street"' in page and "(für die Einreichung erforderlich)" in page
    assert "Unbekannt" in page and "Ja" in page

    response = applicant_client.post("/antraege/neu/", form_data(height_m="3,10"))
    assert response.status_code == 302
    case = Case.objects.get(applicant=applicant)
    assert response["Location"] == f"/antraege/{case.pk}/"
    assert case.state == CaseState.DRAFT
    assert str(case.vorhaben.height_m) == "3.10"
    assert case.vorhaben.plan_conforming is True and case.vorhaben.underground is False


def test_invalid_values_show_german_field_errors_and_change_nothing(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    events_before = AuditEvent.objects.count()
    response = applicant_client.post(
        f"/antraege/{case.pk}/bearbeiten/", form_data(height_m="-2", storeys_full="zwei", street="Neue Straße")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_height_m"' in html and 'href="#id_storeys_full"' in html
    assert "Ganze Zahl" in html or "ganze Zahl" in html
    assert "größer oder gleich 0" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_height_m_helptext id_height_m_error"' in html
    assert 'value="-2"' in html  # what was typed stays in the field
    vorhaben = Vorhaben.objects.get(pk=case.pk)
    assert vorhaben.street == "Lindenweg" and str(vorhaben.height_m) == "3.10" and vorhaben.storeys_full == 2
    assert AuditEvent.objects.count() == events_before


def test_edit_records_the_change(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    response = applicant_client.post(f"/antraege/{case.pk}/bearbeiten/", form_data(storeys_full="3"))
    assert response.status_code == 302
    assert Vorhaben.objects.get(pk=case.pk).storeys_full == 3
    event = AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_UPDATED).get()
    assert event.before == {"storeys_full": 2} and event.after == {"storeys_full": 3}


def test_fake_pdf_is_refused_with_the_reason_and_nothing_is_stored(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    fake = SimpleUploadedFile("lageplan.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/", {"file": fake, "document_type": "1803"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dateiformat nicht zulässig" in html
    assert 'href="#id_file"' in html
    assert not Document.objects.filter(case=case).exists()
    assert AuditEvent.objects.filter(case_id=case.pk, event=DocumentEvent.DOCUMENT_REJECTED).exists()


def test_upload_without_type_asks_for_the_type(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    response = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/", {"file": pdf_upload()})
    assert response.status_code == 400
    assert "Art der Bauvorlage" in response.content.decode()
    assert not Document.objects.filter(case=case).exists()


def test_real_pdf_upload_is_listed(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    response = applicant_client.post(
        f"/antraege/{case.pk}/bauvorlagen/", {"file": pdf_upload("Lageplan M 1-500.pdf"), "document_type": "1803"}
    )
    assert response.status_code == 302
    page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert "Lageplan M 1-500.pdf" in page and "Lageplan (1803)" in page


def test_submit_with_missing_fields_names_them_and_links_to_the_form(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant, street="", gemarkung="")
    response = applicant_client.post(f"/antraege/{case.pk}/einreichen/", follow=True)
    html = response.content.decode()
    assert "kann noch nicht eingereicht werden" in html
    assert f'href="/antraege/{case.pk}/bearbeiten/#id_street"' in html and ">Straße</a>" in html
    assert ">Gemarkung</a>" in html
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and case.file_number == ""


def test_submit_gives_file_number_precheck_and_receipt(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    add_documents(case, ("1803", "2001"))
    with run_actions_now():
        response = applicant_client.post(f"/antraege/{case.pk}/einreichen/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and case.file_number.startswith("63-")
    html = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert f"Bauantrag {case.file_number}" in html
    assert "Ergebnis der automatischen Vorprüfung" in html
    assert "nicht erfüllt" in html and "erfüllt" in html and "Rechtsgrundlage:" in html
    assert "BauPrüfVO" in html
    assert "Antrag eingereicht" in html  # timeline
    assert "data-poll-url" not in html

    receipt = applicant_client.get(f"/antraege/{case.pk}/eingangsbestaetigung/").content.decode()
    assert "Eingangsbestätigung" in receipt and case.file_number in receipt
    assert "Stadt Musterstadt" in receipt and "Untere Bauaufsichtsbehörde" in receipt
    assert case.completeness_due.strftime("%d.%m.%Y") in receipt
    assert "§ 71 Abs. 1" in receipt
    for document in case.documents.all():
        assert document.sha256 in receipt and document.display_name in receipt
    status = applicant_client.get(f"/antraege/{case.pk}/pruefung-status/")
    assert status.json() == {"status": "done"}


def test_pending_precheck_is_polled_and_reported(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    applicant_client.post(f"/antraege/{case.pk}/einreichen/")  # the pre-check task waits for the commit
    html = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert f'data-poll-url="/antraege/{case.pk}/pruefung-status/"' in html
    assert "bauantrag/poll.js" in html and 'http-equiv="refresh"' not in html
    assert applicant_client.get(f"/antraege/{case.pk}/pruefung-status/").json() == {"status": "pending"}


def test_summary_uses_german_numbers_and_labels(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    html = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert "<dd>612,00</dd>" in html and "<dd>Wohngebäude</dd>" in html and "<dd>Ja</dd>" in html


def test_receipt_of_a_draft_redirects(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    response = applicant_client.get(f"/antraege/{case.pk}/eingangsbestaetigung/")
    assert response.status_code == 302


def test_submitted_case_cannot_be_edited(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    with run_actions_now():
        applicant_client.post(f"/antraege/{case.pk}/einreichen/")
    response = applicant_client.post(f"/antraege/{case.pk}/bearbeiten/", form_data(street="X"), follow=True)
    assert "kann gerade nicht geändert werden" in response.content.decode()
    assert Vorhaben.objects.get(pk=case.pk).street == "Lindenweg"
    second = applicant_client.post(f"/antraege/{case.pk}/einreichen/", follow=True)
    assert "„Einreichen“ ist im Status" in second.content.decode()


def test_open_nachforderung_is_shown_and_can_be_answered(applicant: Any) -> None:
    from tests.conftest import login

    case = nachforderung_case(applicant)
    client = login(Client(), applicant)
    html = client.get(f"/antraege/{case.pk}/").content.decode()
    assert "Nachforderung der Bauaufsicht" in html
    assert "Bitte reichen Sie die Baubeschreibung nach." in html
    assert "Baubeschreibung" in html and "fehlt" in html
    assert "Unterlagen erneut einreichen" in html
    response = client.post(f"/antraege/{case.pk}/bauvorlagen/", {"file": pdf_upload("bb.pdf"), "document_type": "1502"})
    assert response.status_code == 302
    with run_actions_now():
        client.post(f"/antraege/{case.pk}/erneut-einreichen/")
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED and case.round == 2
    assert "Ihre Unterlagen wurden erneut eingereicht" in client.get(f"/antraege/{case.pk}/").content.decode()


def test_other_applicants_case_is_404_and_clerk_gets_403(applicant: Any, clerk_client: Client) -> None:
    from tests.conftest import login
    from tests.factories import UserFactory

    case = draft_case(applicant)
    other = login(Client(), UserFactory(tenant=applicant.tenant))
    for page in ("", "bearbeiten/", "eingangsbestaetigung/", "pruefung-status/"):
        url = f"/antraege/{case.pk}/{page}"
        assert other.get(url).status_code == 404
    assert other.post(f"/antraege/{case.pk}/einreichen/").status_code == 404
    assert clerk_client.get("/antraege/").status_code == 403
