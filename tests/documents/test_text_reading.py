"""Reading the text of uploaded Bauvorlagen: the PDF's text layer, Tesseract for scans and images, page by page.

Every file is made by the test (WeasyPrint for text PDFs, Pillow with DejaVu Sans for scans); the OCR is the real
Tesseract with the German model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.documents import pipeline
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document, DocumentPage, TextMethod, TextStatus
from bauantrag.documents.reading import read_document_text
from bauantrag.documents.tasks import read_text
from tests.documents.helpers import stored_files
from tests.documents.textfiles import (
    BAUBESCHREIBUNG,
    encrypted,
    image_file,
    merged,
    ocr_found,
    scanned_pdf,
    store_unchecked,
    text_pdf,
    upload_and_read,
)
from tests.factories import draft_case

pytestmark = pytest.mark.django_db

UMLAUT_PAGES = [
    "<h1>Baubeschreibung</h1><p>Größe des Grundstücks: 612 m². Überbaute Fläche 98 m².</p>",
    "<h1>Lage</h1><p>Flurstück 123/4, Gemarkung Unna, Flur 7. Straße: Lindenweg 12.</p>",
    "<h1>Maße</h1><p>Gebäudehöhe 8,90 m; Außenwände aus Kalksandstein; Dachneigung 38°.</p>",
]


def events(event: str, document: Document) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=event, subject_id=str(document.pk)))


@pytest.fixture
def after_text() -> Iterator[list[Any]]:
    """Records the documents the after-text pipeline is run for (registered like any other app's step)."""
    seen: list[Any] = []

    def record(document: Any) -> None:
        seen.append((document.pk, document.text_status, document.pages.count()))

    with pipeline.AFTER_TEXT.override({"tests.recorder": record}, order=5):
        yield seen


def test_a_text_pdf_is_read_page_by_page_with_umlauts(applicant: Any, after_text: list[Any]) -> None:
    case = draft_case(applicant)
    document = upload_and_read(case, "Baubeschreibung.pdf", text_pdf(UMLAUT_PAGES))

    assert document.text_status == TextStatus.DONE, document.text_error
    assert (document.text_pages_total, document.text_pages_done) == (3, 3)
    pages = list(document.pages.order_by("number"))
    assert [p.number for p in pages] == [1, 2, 3]
    assert {p.method for p in pages} == {TextMethod.PDF_TEXT}
    assert "Baubeschreibung" in pages[0].text and "Größe des Grundstücks: 612 m²" in pages[0].text
    assert "Flurstück 123/4" in pages[1].text and "Straße" in pages[1].text
    assert "Außenwände" in pages[2].text and "Flurstück" not in pages[2].text  # each page keeps its own text
    assert all(p.ocr_confidence is None for p in pages)

    [read] = events(DocumentEvent.DOCUMENT_TEXT_READ, document)
    assert read.after["pages"] == 3 and read.after["methods"] == {"pdf_text": 3}
    assert read.case_id == case.pk and read.actor is None
    assert after_text == [(document.pk, TextStatus.DONE, 3)]
    assert document.text_status_label == "Text gelesen (3 Seiten)"


def test_progress_is_saved_after_every_page_and_shown_while_reading(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    seen: list[tuple[str, int | None, int, str]] = []

    def watch(sender: Any, instance: Document, **kwargs: Any) -> None:
        if instance.case_id == case.pk and instance.text_status == TextStatus.RUNNING and instance.text_pages_total:
            status = applicant_client.get(f"/dokumente/{instance.pk}/text-status/").json()
            seen.append((instance.text_status, instance.text_pages_total, instance.text_pages_done, status["label"]))

    post_save.connect(watch, sender=Document)
    try:
        document = upload_and_read(case, "Baubeschreibung.pdf", text_pdf(UMLAUT_PAGES))
    finally:
        post_save.disconnect(watch, sender=Document)
    assert [row[2] for row in seen] == [0, 1, 2, 3]
    assert [row[3] for row in seen[:3]] == [
        "Text wird gelesen: Seite 1 von 3", "Text wird gelesen: Seite 2 von 3", "Text wird gelesen: Seite 3 von 3"]
    final = applicant_client.get(f"/dokumente/{document.pk}/text-status/").json()
    assert final["status"] == "done" and final["final"] and final["pages_done"] == 3
    assert final["text_url"] == f"/dokumente/{document.pk}/text/"


@pytest.mark.ocr
def test_a_scanned_pdf_is_read_by_tesseract(applicant: Any) -> None:
    case = draft_case(applicant)
    pdf = scanned_pdf([BAUBESCHREIBUNG, ["Lageplan", "Flurstück 123/4", "Grenzabstand 3,00 m"]])
    document = upload_and_read(case, "scan.pdf", pdf)

    assert document.text_status == TextStatus.DONE, document.text_error
    first, second = document.pages.order_by("number")
    assert first.method == second.method == TextMethod.OCR
    for word in ("Baubeschreibung", "Flurstück", "Größe", "Grundstücks", "Gemarkung", "Unna"):
        assert ocr_found(word, first.text), (word, first.text)
    assert ocr_found("Lageplan", second.text) and ocr_found("Grenzabstand", second.text), second.text
    assert "Baubeschreibung" in first.text and "123/4" in first.text  # the clean scan is read exactly
    assert first.ocr_confidence is not None and first.ocr_confidence > 70
    assert document.text_status_label == "Text gelesen (OCR, 2 Seiten)"
    [read] = events(DocumentEvent.DOCUMENT_TEXT_READ, document)
    assert read.after["methods"] == {"ocr": 2} and read.after["ocr_confidence"] > 70


@pytest.mark.ocr
@pytest.mark.parametrize(("name", "fmt", "content_type", "frames"), [
    ("foto.png", "PNG", "image/png", 1),
    ("scan.tif", "TIFF", "image/tiff", 2),
])
def test_an_uploaded_image_is_read_by_tesseract(applicant: Any, name: str, fmt: str, content_type: str,
                                                frames: int) -> None:
    case = draft_case(applicant)
    document = upload_and_read(case, name, image_file(BAUBESCHREIBUNG, fmt, frames))

    assert document.content_type == content_type
    assert document.text_status == TextStatus.DONE, document.text_error
    pages = list(document.pages.order_by("number"))
    assert len(pages) == frames and {p.method for p in pages} == {TextMethod.OCR}
    assert ocr_found("Flurstück", pages[0].text) and ocr_found("Baubeschreibung", pages[0].text), pages[0].text
    if frames > 1:
        assert ocr_found("Blatt", pages[1].text), pages[1].text


@pytest.mark.ocr
def test_a_mixed_pdf_records_the_method_of_each_page(applicant: Any) -> None:
    case = draft_case(applicant)
    pdf = merged(text_pdf(UMLAUT_PAGES[:1]), scanned_pdf([["Statische Berechnung", "Flurstück 123/4"]]))
    document = upload_and_read(case, "gemischt.pdf", pdf)

    assert document.text_status == TextStatus.DONE, document.text_error
    first, second = document.pages.order_by("number")
    assert (first.method, second.method) == (TextMethod.PDF_TEXT, TextMethod.OCR)
    assert "Größe des Grundstücks" in first.text and first.ocr_confidence is None
    assert ocr_found("Statische", second.text) and ocr_found("Berechnung", second.text), second.text
    assert second.ocr_confidence is not None
    assert document.text_status_label == "Text gelesen (2 Seiten, davon 1 mit OCR)"


def test_a_page_with_little_text_and_nothing_drawn_is_not_ocrd(applicant: Any) -> None:
    """minimal_pdf-like pages ("Lageplan" only, no image, no paths): OCR could find nothing more."""
    case = draft_case(applicant)
    document = upload_and_read(case, "kurz.pdf", text_pdf(["<p>Lageplan</p>"]))
    [page] = document.pages.all()
    assert page.method == TextMethod.PDF_TEXT and page.text == "Lageplan"


def _failed_cleanly(document: Document, message_part: str) -> None:
    document.refresh_from_db()
    assert document.text_status == TextStatus.FAILED
    assert message_part in document.text_error, document.text_error
    [failed] = events(DocumentEvent.DOCUMENT_TEXT_FAILED, document)
    assert failed.after["message"] == document.text_error
    assert not events(DocumentEvent.DOCUMENT_TEXT_READ, document)


def test_an_encrypted_pdf_fails_with_a_german_message(applicant: Any) -> None:
    case = draft_case(applicant)
    document = store_unchecked(case, "geschuetzt.pdf", encrypted(text_pdf(UMLAUT_PAGES[:1])), "application/pdf")
    read_text.delay(str(document.pk))
    _failed_cleanly(document, "mit einem Kennwort geschützt")


def test_a_broken_pdf_fails_with_a_german_message(applicant: Any) -> None:
    case = draft_case(applicant)
    document = store_unchecked(case, "kaputt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "application/pdf")
    read_text.delay(str(document.pk))
    _failed_cleanly(document, "Die PDF-Datei ist beschädigt")


def test_too_many_pages_fail_and_the_other_documents_are_untouched(
    applicant: Any, applicant_client: Client, settings: Any,
) -> None:
    case = draft_case(applicant)
    good = upload_and_read(case, "Baubeschreibung.pdf", text_pdf(UMLAUT_PAGES[:2]))
    settings.DOCUMENT_TEXT_MAX_PAGES = 2
    too_long = upload_and_read(case, "Lang.pdf", text_pdf(UMLAUT_PAGES))

    _failed_cleanly(too_long, "Die Datei hat 3 Seiten; gelesen werden höchstens 2 Seiten")
    assert too_long.pages.count() == 0
    good.refresh_from_db()
    assert good.text_status == TextStatus.DONE and good.pages.count() == 2
    page = applicant_client.get(f"/antraege/{case.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Text nicht lesbar: Die Datei hat 3 Seiten" in html and "Text gelesen (2 Seiten)" in html
    assert len(stored_files()) == 2  # both files kept: a failed reading loses nothing


@pytest.mark.ocr
def test_a_page_over_the_time_limit_fails_with_a_german_message(applicant: Any, settings: Any) -> None:
    settings.DOCUMENT_TEXT_PAGE_TIMEOUT = 0.05
    case = draft_case(applicant)
    document = upload_and_read(case, "scan.pdf", scanned_pdf([BAUBESCHREIBUNG]))
    _failed_cleanly(document, "Seite 1 konnte nicht innerhalb des Zeitlimits von 0,05 Sekunden gelesen werden")
    assert events(DocumentEvent.DOCUMENT_TEXT_FAILED, document)[0].after["reason"] == "timeout"


def test_a_tampered_stored_file_is_not_read_and_recorded_as_damaged(applicant: Any) -> None:
    case = draft_case(applicant)
    document = store_unchecked(case, "Baubeschreibung.pdf", text_pdf(UMLAUT_PAGES[:1]), "application/pdf")
    [path] = stored_files()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    read_text.delay(str(document.pk))
    _failed_cleanly(document, "beschädigt oder wurde verändert")
    assert events(DocumentEvent.DOCUMENT_DAMAGED, document)


def test_the_task_is_idempotent_and_resumes_after_a_lost_worker(applicant: Any, after_text: list[Any]) -> None:
    case = draft_case(applicant)
    document = upload_and_read(case, "Baubeschreibung.pdf", text_pdf(UMLAUT_PAGES))
    first_ids = list(document.pages.order_by("number").values_list("pk", flat=True))

    assert read_document_text(document.pk) == TextStatus.DONE  # a duplicate delivery changes nothing
    assert list(document.pages.order_by("number").values_list("pk", flat=True)) == first_ids
    assert len(events(DocumentEvent.DOCUMENT_TEXT_READ, document)) == 1 and len(after_text) == 1

    # The worker died after page 1 (acks_late redelivers the task): the next run goes on with page 2.
    DocumentPage.objects.filter(document=document, number__gt=1).delete()
    Document.objects.filter(pk=document.pk).update(text_status=TextStatus.RUNNING, text_pages_done=1)
    assert read_document_text(document.pk) == TextStatus.DONE
    pages = list(document.pages.order_by("number"))
    assert [p.number for p in pages] == [1, 2, 3] and pages[0].pk == first_ids[0]
    assert "Flurstück 123/4" in pages[1].text
    assert len(events(DocumentEvent.DOCUMENT_TEXT_READ, document)) == 2 and len(after_text) == 2


def test_an_ifc_model_has_no_text_to_read(applicant: Any) -> None:
    case = draft_case(applicant)
    ifc = b"ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n"
    document = upload_and_read(case, "modell.ifc", ifc, "2901")
    assert document.text_status == TextStatus.NOT_APPLICABLE and document.pages.count() == 0
    assert read_document_text(document.pk) == TextStatus.NOT_APPLICABLE
    assert document.text_status_label == ""


def test_the_command_reads_what_is_still_waiting(applicant: Any, capsys: Any) -> None:
    case = draft_case(applicant)
    waiting = store_unchecked(case, "alt.pdf", text_pdf(UMLAUT_PAGES[:1]), "application/pdf")
    assert waiting.text_status == TextStatus.PENDING
    call_command("read_document_texts", "--now", "--tenant", case.tenant.slug)
    waiting.refresh_from_db()
    assert waiting.text_status == TextStatus.DONE and "Größe" in waiting.pages.get().text
    assert "1 Bauvorlagen gelesen" in capsys.readouterr().out


@pytest.mark.ocr
def test_the_demo_answers_the_nachforderung_with_a_readable_baubeschreibung(applicant: Any) -> None:
    import datetime as dt

    from django.utils import timezone

    from bauantrag.cases import actions
    from bauantrag.documents import demo
    from tests.factories import add_documents, clerk_for, run_actions_now

    case = draft_case(applicant, street="Ahornstraße", house_number="9")
    add_documents(case, ("1803",))
    with run_actions_now():
        actions.submit(applicant, case)
        actions.send_nachforderung(clerk_for(case.tenant), case, items=[
            {"document_type": "1502", "title": "Baubeschreibung", "reason": "fehlt"}],
            message="Bitte nachreichen.", deadline=timezone.localdate() + dt.timedelta(days=20))
    users = {demo.APPLICANT: applicant}
    demo.load(case.tenant, users)
    demo.load(case.tenant, users)  # idempotent

    documents = {d.display_name: d for d in Document.objects.filter(case=case)}
    assert set(documents) == {"vorlage-1803.pdf", "Baubeschreibung.pdf"}
    assert {d.text_status for d in documents.values()} == {TextStatus.DONE}
    first, second = documents["Baubeschreibung.pdf"].pages.order_by("number")
    assert first.method == TextMethod.PDF_TEXT and "Flurstück 123/4" in first.text
    assert second.method == TextMethod.OCR and ocr_found("Niederschlagswasser", second.text), second.text
