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
