"""Filled-in PDF form fields (AcroForm) are read as fields, exactly; a blank Vordruck gives none."""

from __future__ import annotations

from bauantrag.documents import text
from tests.documents.acroforms import blank_vordruck, fill


def test_a_blank_vordruck_has_no_filled_in_fields() -> None:
    assert text.read_form_fields(blank_vordruck()) == []


def test_filled_in_fields_are_read_exactly_with_name_tooltip_and_page() -> None:
    pdf = fill(blank_vordruck(), {"Baugrundstueck.Gemarkung": "Bork", "Baugrundstueck.Flurstueck": "318, 319/2"},
               ticked=("Gebaeudeklasse_2",))
    fields = {f.name: f for f in text.read_form_fields(pdf)}
    assert set(fields) == {"Baugrundstueck.Gemarkung", "Baugrundstueck.Flurstueck", "Gebaeudeklasse_2"}
    assert fields["Baugrundstueck.Flurstueck"].value == "318, 319/2"
    assert fields["Baugrundstueck.Gemarkung"].tooltip == "Gemarkung(en)"
    assert fields["Gebaeudeklasse_2"].kind == "checkbox" and fields["Gebaeudeklasse_2"].page == 1


def test_the_isolated_reader_reports_the_fields_after_the_pages() -> None:
    pdf = fill(blank_vordruck(), {"Baugrundstueck.Flur": "11"})
    events = list(text.run_isolated(pdf, "pdf", text.Limits()))
    assert isinstance(events[0], text.Total) and isinstance(events[-1], text.Fields)
    assert [(f.name, f.value) for f in events[-1].fields] == [("Baugrundstueck.Flur", "11")]


def test_a_pdf_without_a_form_or_a_broken_one_has_no_fields() -> None:
    assert text.read_form_fields(b"%PDF-1.4 not really") == []


def test_scanned_pages_recognised_in_parallel_come_in_order_and_read_the_same() -> None:
    """Zwei Tesseract-Prozesse zugleich (mehrkerniger Worker): dieselben Seiten in derselben Reihenfolge."""
    from dataclasses import replace

    from tests.documents.textfiles import merged, scanned_pdf, text_pdf

    pdf = merged(scanned_pdf([["Gemarkung Unna", "Flur 7"]]), text_pdf(["Seite zwei mit Textebene, genug Text."]),
                 scanned_pdf([["Flurstück 123/4"], ["Brutto-Rauminhalt 720 m³"]]))
    one = [e for e in text.read(pdf, "pdf", text.Limits()) if isinstance(e, text.Page)]
    two = [e for e in text.read(pdf, "pdf", replace(text.Limits(), ocr_workers=2)) if isinstance(e, text.Page)]
    assert [p.number for p in two] == [1, 2, 3, 4]
    assert [(p.method, p.text) for p in two] == [(p.method, p.text) for p in one]
    assert [p.method for p in two] == [text.OCR, text.PDF_TEXT, text.OCR, text.OCR]
    assert "Flurstück 123/4" in two[2].text
