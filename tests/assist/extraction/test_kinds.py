"""A value is certain only in a document of a kind that carries it (kinds.py, BauPrüfVO NRW)."""

from __future__ import annotations

from bauantrag.assist.corpus import CLASS_NAMES
from bauantrag.assist.extraction import kinds
from bauantrag.assist.extraction.extractor import Extracted, chosen_values, extract
from bauantrag.assist.extraction.patterns import ALL_FIELDS

PAGES = ["Baubeschreibung\nBauherrschaft: Jana Kühn\nGemarkung Unna, Flur 7, Flurstück 123/4\n"
         "Gebäudeklasse 2\nZahl der Vollgeschosse: 2\nGrundflächenzahl: 0,35\nBrutto-Rauminhalt: 640 m³"]
FIGURE_FIELDS = {"gebaeudeklasse", "vollgeschosse", "grz", "brutto_rauminhalt_m3"}


def _kind(name: str, confidence: float = 0.9) -> kinds.Kind:
    return kinds.Kind(name, name, confidence)


def _certain(extracted: list[Extracted]) -> set[str]:
    return set(chosen_values(extracted, certain_only=True))


def test_a_baubeschreibung_keeps_every_value_it_states() -> None:
    found = extract(PAGES)
    assert _certain(found) >= FIGURE_FIELDS | {"bauherr", "gemarkung", "flur", "flurstueck"}
    assert _certain(kinds.gate(found, _kind("baubeschreibung", 0.4))) == _certain(found)  # any confidence of a kind


def test_keine_bauvorlage_at_any_confidence_leaves_nothing_certain() -> None:
    found = extract(PAGES)
    for confidence in (0.15, 0.99):
        gated = kinds.gate(found, _kind("keine_bauvorlage", confidence))
        assert _certain(gated) == set()
        assert chosen_values(gated) == chosen_values(found)  # still listed, as „unsicher“
        doubts = {e.doubt for e in gated if e.chosen}
        assert doubts == {kinds.reason(_kind("keine_bauvorlage", confidence))}
        assert f"{round(confidence * 100)} %" in doubts.pop()


def test_a_kind_that_does_not_state_a_figure_keeps_only_the_vorhaben_and_its_site() -> None:
    found = extract(PAGES)
    assert _certain(kinds.gate(found, _kind("vollmacht"))) == {"bauherr", "gemarkung", "flur", "flurstueck"}
    assert _certain(kinds.gate(found, _kind("kostenermittlung"))) == {
        "bauherr", "gemarkung", "flur", "flurstueck", "brutto_rauminhalt_m3"}
    lageplan = kinds.gate(found, _kind("lageplan"))
    assert "grz" in _certain(lageplan) and "gebaeudeklasse" not in _certain(lageplan)
    reason = next(e.doubt for e in lageplan if e.chosen and e.field == "gebaeudeklasse")
    assert "„lageplan“" in reason and "BauPrüfVO" in reason


def test_without_a_classification_no_value_is_certain() -> None:
    assert _certain(kinds.gate(extract(PAGES), None)) == set()
    assert _certain(kinds.gate(extract(PAGES), _kind(""))) == set()


def test_a_doubt_the_extractor_had_is_kept() -> None:
    found = extract(["Baubeschreibung\nz. B. Gebäudeklasse 3 bei Reihenhäusern"])
    assert any(e.doubt for e in found)
    gated = kinds.gate(found, _kind("keine_bauvorlage"))
    assert [e.doubt for e in gated if e.doubt and e in found] == [e.doubt for e in found if e.doubt]


def test_a_filled_in_form_field_stays_certain_whatever_the_blank_vordruck_is_called() -> None:
    form = extract(["Bauantrag\nZahl der Vollgeschosse:"], [
        {"name": "Vorhaben.Vollgeschosse", "value": "II", "kind": "text", "page": 1, "label": ""}])
    assert [e.rule for e in form if e.chosen and e.field == "vollgeschosse"] == ["vollgeschosse.formularfeld"]
    assert _certain(kinds.gate(form, _kind("keine_bauvorlage"))) == {"vollgeschosse"}


def test_the_table_covers_every_class_and_names_only_known_fields() -> None:
    figures_by_law = {name for name, fields in kinds.FIGURES.items() if fields}
    without_figures = {"betriebsbeschreibung", "flurkarte", "vollmacht", "fotos", "entwaesserung", "baulast",
                       "bauvorlageberechtigung", "sonstige"}
    assert figures_by_law | without_figures | {kinds.NOT_A_BAUVORLAGE} == set(CLASS_NAMES)
    assert not figures_by_law & without_figures
    assert set(ALL_FIELDS) >= kinds.IDENTITY
    assert all(fields <= set(ALL_FIELDS) - kinds.IDENTITY for fields in kinds.FIGURES.values())
    assert all(kinds.carries(name, field) for name in CLASS_NAMES if name != kinds.NOT_A_BAUVORLAGE
               for field in kinds.IDENTITY)
    assert not any(kinds.carries(kinds.NOT_A_BAUVORLAGE, field) for field in ALL_FIELDS)


def test_the_shipped_classifier_gates_an_information_page_it_calls_keine_bauvorlage() -> None:
    """Through the real model: a guide page that explains the GRZ with an example (no Vorhaben of an applicant)."""
    page = ("Die Grundflächenzahl (GRZ) gibt an, welcher Anteil eines Grundstücks überbaut werden darf. "
            "Rechenbeispiel: Ihr Grundstück ist 600 m² groß.\nGrundflächenzahl: 0,4\nDann dürfen 240 m² überbaut "
            "werden. Fragen? Rufen Sie das Bauamt an.")
    kind = kinds.classify([page])
    assert kind is not None and kind.name == kinds.NOT_A_BAUVORLAGE
    assert "grz" not in _certain(kinds.read([page]))
    assert "grz" in _certain(kinds.read([page], gated=False))  # certain to the extractor: the gate removes it
