"""End to end: a real text PDF uploaded to a case -> its text is read -> values with page and span -> findings."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bauantrag.assist.events import AssistEvent
from bauantrag.assist.extraction.actions import extract_document
from bauantrag.assist.extraction.extractor import EXTRACTOR_VERSION
from bauantrag.assist.models import ExtractedValue
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.models import CheckRun, Finding
from bauantrag.documents.models import DocumentPage
from bauantrag.documents.pipeline import run_after_text
from tests.assist.extraction.helpers import (
    BAUBESCHREIBUNG_PAGES,
    run_on_commit,
    submitted_with_baubeschreibung,
    upload,
)
from tests.factories import nachforderung_case

pytestmark = pytest.mark.django_db


def _page_text(document: Any, number: int) -> str:
    return DocumentPage.objects.get(document=document, number=number).text


def test_values_point_at_the_right_text_of_the_right_page(tenant: Any) -> None:
    _case, document = submitted_with_baubeschreibung(tenant)
    values = {v.field: v for v in ExtractedValue.objects.filter(document=document, chosen=True)}
    assert values["vollgeschosse"].value == "3"
    assert values["vollgeschosse"].page == 2
    assert values["gebaeudeklasse"].value == "1"
    assert values["brutto_rauminhalt_m3"].value == "720"
    assert values["flurstueck"].value == "123/4"
    assert values["kammer_nummer"].value == "AKNW 081542"
    assert values["bauherr"].value == "Schulz & Partner <Bau> GmbH"
    for value in ExtractedValue.objects.filter(document=document):
        text = _page_text(document, value.page)
        assert text[value.start : value.end] == value.raw
        assert value.tenant_id == document.tenant_id
        assert value.extractor_version == EXTRACTOR_VERSION
    assert "3 Vollgeschosse" in values["vollgeschosse"].raw


def test_extraction_is_audited_without_the_values(tenant: Any) -> None:
    _case, document = submitted_with_baubeschreibung(tenant)
    event = AuditEvent.objects.filter(event=AssistEvent.VALUES_EXTRACTED, subject_id=str(document.pk)).latest("seq")
    assert "vollgeschosse" in event.after["fields"]
    assert event.after["count"] == ExtractedValue.objects.filter(document=document).count()
    recorded = json.dumps(event.after, ensure_ascii=False) + event.message
    assert "Schulz" not in recorded and "081542" not in recorded


def test_reading_again_replaces_the_values(tenant: Any) -> None:
    _case, document = submitted_with_baubeschreibung(tenant)
    before = set(ExtractedValue.objects.filter(document=document).values_list("field", "value", "page", "start"))
    assert extract_document(document) == len(before)
    after = set(ExtractedValue.objects.filter(document=document).values_list("field", "value", "page", "start"))
    assert before == after
    DocumentPage.objects.filter(document=document, number=2).update(text="Gebäudeklasse 2")
    extract_document(document)
    assert set(ExtractedValue.objects.filter(document=document).values_list("field", "value")) >= {
        ("gebaeudeklasse", "2")}
    assert not ExtractedValue.objects.filter(document=document, field="vollgeschosse").exists()


def test_two_vollgeschosse_in_the_form_three_in_the_baubeschreibung(tenant: Any) -> None:
    case, document = submitted_with_baubeschreibung(tenant)
    run = CheckRun.objects.get(case=case, round=case.round)
    finding = Finding.objects.get(check_run=run, rule="plausibilitaet.vollgeschosse")
    assert finding.status == "needs_review"
    assert "§ 2 Abs. 6 BauO NRW" in finding.legal_basis
    assert "Formular: 2 Vollgeschosse" in finding.message
    assert "Baubeschreibung.pdf, Seite 2: „3 Vollgeschosse“" in finding.message
    evidence = finding.evidence
    assert (evidence["form_value"], evidence["extracted_value"]) == ("2", "3")
    assert evidence["document_id"] == str(document.pk)
    assert evidence["document"] == "Baubeschreibung.pdf"
    assert evidence["page"] == 2
    page = _page_text(document, 2)
    assert page[evidence["start"] : evidence["end"]] == "3 Vollgeschosse"
    assert evidence["source_url"].startswith(f"/assistenz/dokument/{document.pk}/angaben/#wert-")
    # values that agree with the form give no finding
    rules = set(run.findings.values_list("rule", flat=True))
    assert "plausibilitaet.flurstueck" not in rules
    assert "plausibilitaet.gemarkung" not in rules
    assert "plausibilitaet.kammer_nummer" not in rules
    assert "plausibilitaet.gebaeudeklasse" not in rules  # the pre-check finds GK 1 from the form as well
    assert "plausibilitaet.brutto_rauminhalt_m3" not in rules  # 720 m³ in the form too


def test_names_of_people_stay_out_of_the_message(tenant: Any) -> None:
    case, _document = submitted_with_baubeschreibung(tenant, bauherr_name="Erika Mustermann")
    finding = Finding.objects.get(check_run__case=case, rule="plausibilitaet.bauherr")
    assert finding.status == "needs_review"
    assert "Schulz" not in finding.message and "Mustermann" not in finding.message
    assert "Baubeschreibung.pdf" in finding.message and "Seite 1" in finding.message
    assert finding.evidence["form_value"] == "Erika Mustermann"
    assert finding.evidence["extracted_value"] == "Schulz & Partner <Bau> GmbH"


def test_numbers_within_tolerance_agree_and_outside_do_not(tenant: Any) -> None:
    case, _ = submitted_with_baubeschreibung(tenant, gross_volume_m3="722.50", storeys_full=3)
    rules = set(Finding.objects.filter(check_run__case=case).values_list("rule", flat=True))
    assert "plausibilitaet.vollgeschosse" not in rules  # 3 = 3
    assert "plausibilitaet.brutto_rauminhalt_m3" not in rules  # 722,5 vs 720: within 0.5 %
    case, _ = submitted_with_baubeschreibung(tenant, gross_volume_m3="760.00", storeys_full=3)
    finding = Finding.objects.get(check_run__case=case, rule="plausibilitaet.brutto_rauminhalt_m3")
    assert "Brutto-Rauminhalt 760,00 m³" in finding.message and "720,00 m³" in finding.message


def test_text_read_after_the_pre_check_refreshes_the_findings(tenant: Any) -> None:
    """The usual order in production: the pre-check ran, then the text of a Bauvorlage arrives."""
    case = nachforderung_case()
    document = upload(case, "Baubeschreibung.pdf", BAUBESCHREIBUNG_PAGES)
    with run_on_commit():
        actions.resubmit(case.applicant, case)
    case.refresh_from_db()
    assert Finding.objects.filter(check_run__case=case, check_run__round=case.round,
                                  rule="plausibilitaet.vollgeschosse").exists()
    # the page is read again with other content: the finding follows
    DocumentPage.objects.filter(document=document, number=2).update(text="Zahl der Vollgeschosse: II")
    run_after_text(document)
    assert not Finding.objects.filter(check_run__case=case, check_run__round=case.round,
                                      rule="plausibilitaet.vollgeschosse").exists()


def test_a_scanned_bauvorlage_is_read_by_ocr_and_its_values_found(tenant: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bauantrag.documents.actions import upload_document
    from tests.assist.extraction.helpers import scanned_pdf
    from tests.factories import draft_case

    case = draft_case()
    lines = ["Baubeschreibung", "Gebäudeklasse 3", "Anzahl der Vollgeschosse: 2", "Brutto-Rauminhalt: 1.234,5 m³"]
    with run_on_commit():
        document = upload_document(case.applicant, case, SimpleUploadedFile(
            "scan.pdf", scanned_pdf(lines), "application/pdf"), "1502")
    assert DocumentPage.objects.get(document=document, number=1).method == "ocr"
    values = {v.field: v for v in ExtractedValue.objects.filter(document=document, chosen=True)}
    assert values["gebaeudeklasse"].value == "3"
    assert values["vollgeschosse"].value == "2"
    assert values["brutto_rauminhalt_m3"].value == "1234.5"
    text = _page_text(document, 1)
    for value in values.values():
        assert text[value.start : value.end] == value.raw


LETTER_PAGES = [[
    "Sehr geehrte Damen und Herren,",
    "wie am Telefon besprochen, schreibe ich Ihnen kurz zu unserem Vorhaben. Unser Haus hat 3 Vollgeschosse, "
    "im Obergeschoss zwei Kinderzimmer.",
    "Wann können wir mit einer Antwort rechnen? Für Rückfragen erreichen Sie mich abends.",
    "Mit freundlichen Grüßen",
    "Familie Schulz",
]]


def test_a_letter_uploaded_as_baubeschreibung_gives_no_certain_value_and_no_finding(tenant: Any) -> None:
    """Upload → text → classification → extraction: the classifier takes the letter for „keine Bauvorlage“, so
    its „3 Vollgeschosse“ is listed as uncertain and the form's 2 Vollgeschosse are not contradicted."""
    from bauantrag.assist.extraction import kinds
    from bauantrag.assist.extraction.actions import page_texts

    case, document = submitted_with_baubeschreibung(tenant, pages=LETTER_PAGES)
    texts = page_texts(document)
    assert kinds.classify(texts).name == kinds.NOT_A_BAUVORLAGE  # type: ignore[union-attr]
    assert "vollgeschosse" in {e.field for e in kinds.read(texts, gated=False) if e.chosen and e.certain}
    value = ExtractedValue.objects.get(document=document, field="vollgeschosse", chosen=True)
    assert value.value == "3" and not value.certain and "keine Bauvorlage" in value.doubt
    assert not Finding.objects.filter(check_run__case=case, rule="plausibilitaet.vollgeschosse").exists()
    event = AuditEvent.objects.filter(event=AssistEvent.VALUES_EXTRACTED, subject_id=str(document.pk)).latest("seq")
    assert event.after["document_kind"] == kinds.NOT_A_BAUVORLAGE
