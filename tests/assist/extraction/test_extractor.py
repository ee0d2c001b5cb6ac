"""The rule-based extractor on realistic German page texts, clean and OCR-noisy (pure Python, no database)."""

from __future__ import annotations

import pytest

from bauantrag.assist.extraction.extractor import Extracted, candidates, chosen_values, extract
from bauantrag.assist.extraction.folding import fold, mask_references
from bauantrag.assist.extraction.numbers import normalise_decimal, parse_decimal

BAUBESCHREIBUNG = """Baubeschreibung zum Bauantrag
Bauherr: Erika Mustermann, Lindenweg 12, 59423 Unna
Entwurfsverfasserin: Dipl.-Ing. Architektin Jana Berg, Berg Architekten
Mitgliedsnummer der Architektenkammer NRW: AKNW 081542
Grundstück: Gemarkung Unna, Flur 7, Flurstück 123/4
Das Gebäude erhält zwei Vollgeschosse und ein nicht ausgebautes Dachgeschoss.
Gebäudeklasse nach § 2 Abs. 3 BauO NRW: 1
Höhe nach § 2 Abs. 3 Satz 2 BauO NRW: 3,10 m
Gebäudehöhe: 8,90 m über Gelände; Traufhöhe 6,20 m
"""

BERECHNUNG = """Berechnung des Maßes der baulichen Nutzung
GRZ zulässig 0,4 vorhanden 0,30
GFZ = 186,00 m² : 612,00 m² = 0,30
Brutto-Rauminhalt nach DIN 277: EG 360,00 m³ + OG 360,00 m³ = 1.234,5 m³
Anzahl der Wohneinheiten: 1
Im Bebauungsplan sind maximal III Vollgeschosse zulässig.
"""


def by_field(found: list[Extracted]) -> dict[str, Extracted]:
    return {e.field: e for e in found if e.chosen}


def test_every_value_points_at_its_text_on_its_page() -> None:
    pages = [BAUBESCHREIBUNG, BERECHNUNG]
    found = extract(pages)
    assert found
    for e in found:
        assert pages[e.page - 1][e.start : e.end] == e.raw
        assert 0 < e.confidence <= 1


def test_key_data_of_a_baubeschreibung() -> None:
    values = chosen_values(extract([BAUBESCHREIBUNG, BERECHNUNG]))
    assert values == {
        "bauherr": "Erika Mustermann",
        "entwurfsverfasser": "Jana Berg",  # titles are not part of the name
        "kammer_nummer": "AKNW 081542",
        "gemarkung": "Unna",
        "flur": "7",
        "flurstueck": "123/4",
        "vollgeschosse": "2",
        "gebaeudeklasse": "1",
        "hoehe_bauo_m": "3.1",
        "gebaeudehoehe_m": "8.9",
        "traufhoehe_m": "6.2",
        "grz": "0.3",
        "gfz": "0.3",
        "brutto_rauminhalt_m3": "1234.5",
        "wohneinheiten": "1",
    }


def test_spans_cover_label_and_value() -> None:
    found = by_field(extract([BAUBESCHREIBUNG, BERECHNUNG]))
    assert found["vollgeschosse"].raw == "zwei Vollgeschosse"
    assert found["vollgeschosse"].page == 1
    assert found["hoehe_bauo_m"].raw == "Höhe nach § 2 Abs. 3 Satz 2 BauO NRW: 3,10 m"
    assert found["brutto_rauminhalt_m3"].raw.endswith("= 1.234,5 m³")
    assert found["brutto_rauminhalt_m3"].page == 2


def test_the_plans_permitted_figures_are_kept_but_never_chosen() -> None:
    found = extract([BAUBESCHREIBUNG, BERECHNUNG])
    permitted = {(e.field, e.value) for e in found if e.permitted}
    assert ("grz", "0.4") in permitted
    assert ("vollgeschosse", "3") in permitted
    assert all(not e.chosen for e in found if e.permitted)


def test_a_document_that_contradicts_itself_keeps_both_values() -> None:
    pages = ["Baubeschreibung\nDas Wohnhaus hat 2 Vollgeschosse.", "Schnitt A-A\nZahl der Vollgeschosse: III"]
    found = [e for e in extract(pages) if e.field == "vollgeschosse"]
    # the labelled figure ("Zahl der Vollgeschosse: III") is more certain than the number in a sentence
    assert sorted((e.value, e.chosen, e.page) for e in found) == [("2", False, 1), ("3", True, 2)]


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Brutto-Rauminhalt: 1.234,5 m³", "brutto_rauminhalt_m3", "1234.5"),
    ("BRI gesamt 720,00 m3", "brutto_rauminhalt_m3", "720"),
    ("Bruttorauminhalt (BRI) nach DIN 277: 12.480 m³", "brutto_rauminhalt_m3", "12480"),
    ("GRZ: 0,4", "grz", "0.4"),
    ("Grundflächenzahl 0.35", "grz", "0.35"),
    ("Geschossflächenzahl (GFZ): 1,20", "gfz", "1.2"),
    ("Traufhöhe 7,35 m", "traufhoehe_m", "7.35"),
    ("OK First +9,35", "firsthoehe_m", "9.35"),
    ("First: +10,05 m", "firsthoehe_m", "10.05"),
    ("Gebäudeklasse 3", "gebaeudeklasse", "3"),
    ("GK 3", "gebaeudeklasse", "3"),
    ("Gebäudeklasse: III", "gebaeudeklasse", "3"),
    ("Gebäudeklasse 1a", "gebaeudeklasse", "1"),
    ("zwei Vollgeschosse", "vollgeschosse", "2"),
    ("II Vollgeschosse", "vollgeschosse", "2"),
    ("Zahl der Vollgeschosse: 4", "vollgeschosse", "4"),
    ("Das Haus wird mit einem Vollgeschoss errichtet.", "vollgeschosse", "1"),
    ("Es entstehen 6 Wohneinheiten.", "wohneinheiten", "6"),
    ("Wohnungen: 12", "wohneinheiten", "12"),
    ("Flurstücke: 45, 46/1 und 47", "flurstueck", "45, 46/1, 47"),
    ("Gem. Massen, Flur 3, Flst.-Nr. 120/7", "flurstueck", "120/7"),
    ("Gemarkung Heeren-Werve – Flur 12 – Flurstück 9", "gemarkung", "Heeren-Werve"),
    ("Flur 012", "flur", "12"),
    ("Kammer-Nr.: IK-Bau NRW 7123-2", "kammer_nummer", "IK-Bau NRW 7123-2"),
    ("Mitgl.-Nr. A 12345", "kammer_nummer", "A 12345"),
    ("Bauherrschaft: Müller, Anna", "bauherr", "Müller, Anna"),
    ("Bauherr: Schulte Wohnbau GmbH & Co. KG, Hafenweg 3", "bauherr", "Schulte Wohnbau GmbH & Co. KG"),
    ("Entwurfsverfasser/in: Herr Dr.-Ing. Klaus Becker", "entwurfsverfasser", "Klaus Becker"),
])
def test_formats(text: str, field: str, value: str) -> None:
    assert chosen_values(extract([text])).get(field) == value


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Gebaudeklasse 3", "gebaeudeklasse", "3"),  # umlaut lost
    ("Gebaeudeklasse: 3", "gebaeudeklasse", "3"),  # umlaut as ae
    ("Zahl der Voll geschosse : II", "vollgeschosse", "2"),  # stray space in the word
    ("Brutto-\nRauminhalt (BRI): 1.234,5 m3", "brutto_rauminhalt_m3", "1234.5"),  # line break inside
    ("Entwurfs-\nverfasser: Jana Berg", "entwurfsverfasser", "Jana Berg"),  # hyphenated at the line end
    ("GRZ: O,35", "grz", "0.35"),  # O read for 0
    ("Traufhöhe: 6,2O m", "traufhoehe_m", "6.2"),
    ("Flurstuck 1l2/4", "flurstueck", "112/4"),  # l read for 1
    ("FLURSTÜCK:   123 / 4", "flurstueck", "123/4"),
    ("Anzahl  der\nWohneinheiten :  3", "wohneinheiten", "3"),
    ("Brutto-Rauminhalt: 1.234,5 m?", "brutto_rauminhalt_m3", "1234.5"),  # the superscript of m³ unread
    ("Mitgliedsnummer AKNW O83 512", "kammer_nummer", "AKNW 083 512"),
])
def test_ocr_noise(text: str, field: str, value: str) -> None:
    assert chosen_values(extract([text])).get(field) == value


@pytest.mark.parametrize(("text", "field"), [
    ("Das Dachgeschoss ist kein Vollgeschoss.", "vollgeschosse"),
    ("Das Dachgeschoss ist ein Vollgeschoss.", "vollgeschosse"),  # "ein" is not a count here
    ("Im 2. Vollgeschoss liegen die Schlafräume.", "vollgeschosse"),  # an ordinal
    ("Anforderungen nach § 2 Abs. 3 BauO NRW an die Gebäudeklasse", "gebaeudeklasse"),
    ("Gebäudeklasse siehe Brandschutzkonzept, Seite 4", "gebaeudeklasse"),
    ("Neubau mit Wohneinheiten und Tiefgarage, Steindamm 124", "wohneinheiten"),
    ("Die Bauherrschaft beabsichtigt, ein Wohnhaus zu errichten.", "bauherr"),
    ("Lageplan M 1:500, OKFF EG = 112,35 m ü. NHN", "firsthoehe_m"),
    ("First in Nord-Süd-Richtung, Dachneigung 38°", "firsthoehe_m"),
    ("BRI m³ Rohbauwert €/m³", "brutto_rauminhalt_m3"),  # the unit is no number
    ("Unterschrift der Bauherrschaft: ____________", "bauherr"),
])
def test_no_value_where_there_is_none(text: str, field: str) -> None:
    assert field not in chosen_values(extract([text]))


def test_table_columns_decide_permitted_and_planned() -> None:
    page = ("Festsetzung zulässig geplant\nGRZ 0,4 0,27\nGFZ 1,2 0,55\nZahl der Vollgeschosse II–III IV\n")
    values = chosen_values(extract([page]))
    assert (values["grz"], values["gfz"], values["vollgeschosse"]) == ("0.27", "0.55", "4")
    assert {e.value for e in extract([page]) if e.field == "vollgeschosse" and e.permitted} == {"2"}


def test_signature_block_names_the_person_above_the_role() -> None:
    page = "Unna, 03.02.2026\nDipl.-Ing. Architekt Jan Hoffmann\n(Entwurfsverfasser)"
    assert chosen_values(extract([page]))["entwurfsverfasser"] == "Jan Hoffmann"


def test_form_field_with_the_name_on_the_next_line() -> None:
    page = "Bauherrschaft\nName, Vorname: Schmitz, Peter\nAnschrift: Ringstraße 4"
    found = by_field(extract([page]))
    assert found["bauherr"].value == "Schmitz, Peter"
    assert page[found["bauherr"].start : found["bauherr"].end] == "Bauherrschaft\nName, Vorname: Schmitz, Peter"


def test_page_numbers_are_one_based_and_empty_pages_count() -> None:
    found = by_field(extract(["", "Deckblatt", "Gebäudeklasse 4"]))
    assert found["gebaeudeklasse"].page == 3


def test_candidates_keep_every_occurrence() -> None:
    pages = ["GK 2", "Gebäudeklasse 2"]
    assert len([e for e in candidates(pages) if e.field == "gebaeudeklasse"]) == 2
    assert len([e for e in extract(pages) if e.field == "gebaeudeklasse"]) == 1


def test_folding_maps_back_to_the_original() -> None:
    text = "Gebaeude-\nklasse  Straße"
    folded = fold(text)
    assert folded.text == "gebaudeklasse strasse"
    start = folded.text.index("strasse")
    assert folded.span(start, start + len("strasse")) == (text.index("Straße"), len(text))
    assert folded.span(0, len("gebaudeklasse")) == (0, text.index("  "))


def test_legal_references_are_not_read_as_values() -> None:
    assert mask_references("nach § 2 abs. 3 satz 2 bauo nrw: 3,10 m") == "nach § # abs. # satz # bauo nrw: 3,10 m"
    assert mask_references("din 277-1:2016-01") == "din ###-#:####-##"


@pytest.mark.parametrize(("token", "expected"), [
    ("1.234,5", "1234.5"), ("0,40", "0.4"), ("720,00", "720"), ("7.35", "7.35"), ("12.480", "12480"),
    ("0.400", "0.4"), ("3", "3"),
])
def test_german_numbers(token: str, expected: str) -> None:
    value = parse_decimal(token)
    assert value is not None
    assert normalise_decimal(value) == expected
