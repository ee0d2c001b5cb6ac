"""Only what is filled in becomes a value, and only a value the extractor is sure of is shown as a finding.

Each rule as a pair: a sentence where the value is read (and certain) and one where it must not be.
"""

from __future__ import annotations

import pytest

from bauantrag.assist.extraction.extractor import Extracted, extract


def shown(text: str) -> dict[str, str]:
    """The values a clerk would see as findings (chosen and certain)."""
    return {e.field: e.value for e in extract(text.split("\f")) if e.chosen and e.certain}


def chosen(text: str, field: str) -> Extracted | None:
    return next((e for e in extract(text.split("\f")) if e.chosen and e.field == field), None)


@pytest.mark.parametrize(("filled", "field", "value", "unfilled"), [
    # a tick-box list: only the ticked option is the value
    ("Gebäudeklasse (§ 2 Abs. 3 BauO NRW)  ☐ 1  ☐ 2  ☒ 3  ☐ 4  ☐ 5", "gebaeudeklasse", "3",
     "Gebäudeklasse (§ 2 Abs. 3 BauO NRW)  ☐ 1  ☐ 2  ☐ 3  ☐ 4  ☐ 5"),
    ("Gebäudeklassen (§ 2 Absatz 3 BauO NRW 2018):\n X 1      2      3      4      5", "gebaeudeklasse", "1",
     "Gebäudeklassen (§ 2 Absatz 3 BauO NRW 2018):\n1\n2\n3\n4\n5"),
    # a legal citation is not the value
    ("1.5 Gebäudeart/Gebäudeklasse Art. 2 Abs. 3 BayBO\n\nGK 5", "gebaeudeklasse", "5",
     "1.5 Gebäudeart/Gebäudeklasse Art. 2 Abs. 3 BayBO\n\n1.6 Einstufung der Baumaßnahme"),
    # a footnote mark is not the value
    ("Zahl der Vollgeschosse³ : 2\n³ § 2 Abs. 6 BauO NRW", "vollgeschosse", "2",
     "Zahl der Vollgeschosse³ ______\n³ § 2 Abs. 6 BauO NRW"),
    # a field number on a statistics form is not a count
    ("Zahl der Vollgeschosse ........ 3", "vollgeschosse", "3",
     "Zahl der Vollgeschosse (§2 Abs. 6 LBO) 02 Anzahl neuer Zustand"),
    # a label is never the value of another label
    ("Gemarkung(en)   Bork      Flur(e)   11", "gemarkung", "Bork", "Gemarkung(en)\nFlur(e)\nFlurstück(e)"),
    # a page number is not a volume
    ("Brutto-Rauminhalt: 1.036,30 m³", "brutto_rauminhalt_m3", "1036.3",
     "Mengenermittlung BGF und BRI Seite 8"),
    # an example or a condition in explanatory text is not the project's figure
    ("Die Grundflächenzahl des Vorhabens beträgt 0,27.", "grz", "0.27",
     "Beispiel: Grundstücksfläche 600 m², GRZ 0,3 = überbaubare Fläche 180 m²."),
    ("Das Haus hat drei Vollgeschosse.", "vollgeschosse", "3",
     "Gebäude mit mehr als 5 Wohneinheiten brauchen je Wohnung 1,5 Stellplätze."),
    ("Es entstehen 9 Wohneinheiten.", "wohneinheiten", "9", "Wir suchen Baugrundstücke ab 10 Wohneinheiten."),
    # a name field that caught an address or a heading is no name
    ("Bauherrschaft: Wohnbau Isartal GmbH & Co. KG", "bauherr", "Wohnbau Isartal GmbH & Co. KG",
     "Bauherrschaft: Landsberger Str. 301, 80687 München"),
])
def test_only_filled_in_values_are_shown(filled: str, field: str, value: str, unfilled: str) -> None:
    assert shown(filled).get(field) == value
    assert field not in shown(unfilled)


def test_a_blank_vordruck_yields_nothing() -> None:
    blank = ("Anlage I/5 zu VV BauPrüfVO\nBaubeschreibung (§ 5 BauPrüfVO)\nBauherrschaft: ______________\n"
             "Grundstück: Gemarkung ____________ Flur ______ Flurstück(e) ____________\n"
             "1  Gebäudeklasse (§ 2 Abs. 3 BauO NRW)         ☐ 1  ☐ 2  ☐ 3  ☐ 4  ☐ 5\n"
             "2  Anzahl der Vollgeschosse¹                    ______\n"
             "¹ Vollgeschosse im Sinne des § 2 Abs. 6 BauO NRW\nSeite 1 von 2")
    assert extract(blank.split("\f")) == []


def test_an_information_page_that_lists_every_class_gives_no_certain_class() -> None:
    page = ("Gebäudeklasse 1: freistehende Gebäude bis 7 m\nGebäudeklasse 2: Gebäude bis 7 m\n"
            "Gebäudeklasse 3: sonstige Gebäude bis 7 m\nGebäudeklasse 4: Gebäude bis 13 m")
    value = chosen(page, "gebaeudeklasse")
    assert value is not None and not value.certain
    assert "verschiedene Werte" in value.doubt or "Bedingung" in value.doubt


def test_a_document_that_contradicts_itself_is_not_sure() -> None:
    """„Bestand: 2 Vollgeschosse … künftig 3 Vollgeschosse“: kein sicherer Wert, die Sachbearbeitung sieht beide."""
    text = "• Bestand: 2 Vollgeschosse, Baujahr 1974\n• Aufstockung → künftig 3 Vollgeschosse"
    value = chosen(text, "vollgeschosse")
    assert value is not None and not value.certain and value.doubt == "Das Dokument nennt zwei verschiedene Werte"
    assert shown("• Aufstockung → künftig 3 Vollgeschosse") == {"vollgeschosse": "3"}


def test_the_total_volume_beside_per_storey_volumes_stays_certain() -> None:
    text = ("Brutto-Rauminhalt Halle: 8.265,60 m³\nBrutto-Rauminhalt Büroanbau: 768,00 m³\n"
            "Brutto-Rauminhalt gesamt: 9.033,60 m³")
    assert shown(text) == {"brutto_rauminhalt_m3": "9033.6"}


# Written for this test (issue 10, blind2: Festsetzungen of a plan's Begründung were read as the Vorhaben's values).
PLAN_BEGRUENDUNG = (
    "Begründung zum Bebauungsplan Nr. 7 „Am Mühlbach“\n"
    "4.2 Maß der baulichen Nutzung\n"
    "Im allgemeinen Wohngebiet wird die Grundflächenzahl auf GRZ 0,35 begrenzt. Es sind II Vollgeschosse "
    "vorgesehen. Die Gebäudehöhe beträgt 9,50 m über der Erschließungsstraße. Damit bleibt das Plangebiet unter "
    "den Orientierungswerten des § 17 BauNVO.\n"
    "Gemarkung Lindlar, Flur 4"
)
BAUBESCHREIBUNG = (
    "Baubeschreibung zum Bauantrag\n"
    "Vorhaben: Neubau eines Einfamilienhauses, Gemarkung Lindlar, Flur 4\n"
    "Grundflächenzahl GRZ 0,35\nZahl der Vollgeschosse: II\nGebäudehöhe: 9,50 m\n"
    "Begründung der Stellplatzlage: Zufahrt von Norden"
)


def test_a_plans_begruendung_gives_no_certain_figure_of_the_mass_but_keeps_place_and_parcel() -> None:
    values = shown(PLAN_BEGRUENDUNG)
    assert not {"grz", "vollgeschosse", "gebaeudehoehe_m"} & set(values)
    assert values.get("gemarkung") == "Lindlar" and values.get("flur") == "4"
    grz = chosen(PLAN_BEGRUENDUNG, "grz")
    assert grz is not None and not grz.certain and "Bebauungsplan" in grz.doubt


def test_a_baubeschreibung_with_a_begruendung_line_keeps_its_figures_certain() -> None:
    values = shown(BAUBESCHREIBUNG)
    assert values.get("grz") == "0.35" and values.get("vollgeschosse") == "2"
    assert values.get("gebaeudehoehe_m") == "9.5"
