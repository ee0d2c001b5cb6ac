"""Ein elektronisch ausgefüllter Vordruck: die Formularfelder werden als Felder gelesen, genau und sicher."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bauantrag.assist.extraction.acroform import field_of
from bauantrag.assist.extraction.extractor import extract
from bauantrag.documents import text
from bauantrag.documents.actions import upload_document
from tests.assist.extraction.helpers import designer, run_on_commit
from tests.documents.acroforms import blank_vordruck, fill
from tests.factories import draft_case

FILLED = {
    "Bauherrschaft.Name": "Hüsken, Bernd und Marlies", "Bauherrschaft.Strasse": "Ludgeristraße 14",
    "Entwurfsverfassende.Name": "Terhorst, Jan", "Entwurfsverfassende.Mitgliedsnummer": "AKNW 077 512",
    "Baugrundstueck.Gemarkung": "Bork", "Baugrundstueck.Flur": "11", "Baugrundstueck.Flurstueck": "318",
    "Vorhaben.Vollgeschosse": "II",
}


def _values(pdf: bytes) -> dict[str, Any]:
    fields = [f.__dict__ for f in text.read_form_fields(pdf)]
    pages = [e.text for e in text.read(pdf, "pdf", text.Limits()) if isinstance(e, text.Page)]
    return {e.field: e for e in extract(pages, fields) if e.chosen}


def test_a_filled_in_vordruck_gives_every_field_exactly() -> None:
    values = _values(fill(blank_vordruck(), FILLED, ticked=("Gebaeudeklasse_1",)))
    assert {k: v.value for k, v in values.items()} == {
        "bauherr": "Hüsken, Bernd und Marlies", "entwurfsverfasser": "Terhorst, Jan", "kammer_nummer": "AKNW 077 512",
        "gemarkung": "Bork", "flur": "11", "flurstueck": "318", "vollgeschosse": "2", "gebaeudeklasse": "1",
    }
    assert all(v.certain and v.rule.endswith(".formularfeld") for v in values.values())


def test_a_blank_vordruck_with_its_printed_options_gives_nothing() -> None:
    """Der leere Vordruck druckt „Gebäudeklassen (§ 2 Absatz 3 BauO NRW): 1 2 3 4 5“ und alle Beschriftungen:
    daraus wird kein Wert."""
    assert _values(blank_vordruck()) == {}


@pytest.mark.parametrize(("name", "tooltip", "expected"), [
    ("Baugrundstueck.Gemarkung", "Gemarkung(en)", "gemarkung"),
    ("Bauherrschaft.Name", "Name, Vorname, Firma", "bauherr"),
    ("Bauherrschaft.Strasse", "Straße, Hausnummer", None),  # the Bauherrschaft's address is no name
    ("Feld_17", "", None),
])
def test_which_of_our_fields_a_form_field_is(name: str, tooltip: str, expected: str | None) -> None:
    assert field_of({"name": name, "tooltip": tooltip}) == expected


@pytest.mark.django_db
def test_an_uploaded_vordruck_is_read_through_the_real_pipeline(tenant: Any) -> None:
    """Hochgeladen wie von der Bauherrschaft: Text und Felder im begrenzten Kindprozess gelesen, Werte gespeichert."""
    case = draft_case(designer(tenant))
    pdf = fill(blank_vordruck(), {"Baugrundstueck.Gemarkung": "Bork"}, ticked=("Gebaeudeklasse_3",))
    with run_on_commit():
        document = upload_document(case.applicant, case, SimpleUploadedFile("Vordruck.pdf", pdf, "application/pdf"),
                                   "1502")
    document.refresh_from_db()
    assert document.form_fields[0]["value"] == "Bork"
    values = {v.field: v for v in document.extracted_values.filter(chosen=True)}
    assert values["gemarkung"].value == "Bork" and values["gemarkung"].rule == "gemarkung.formularfeld"
    assert values["gebaeudeklasse"].value == "3" and values["gebaeudeklasse"].certain
    assert set(values) == {"gemarkung", "gebaeudeklasse"}
