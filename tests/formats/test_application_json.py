"""The documented JSON form of an application: loading, validation, German error messages."""

import json
from pathlib import Path
from typing import Any, get_args

import pytest

from bauantrag.formats.application_json import (
    ApplicationFormatError,
    application_schema,
    load_application,
    vorhaben_from_dict,
)
from bauantrag.rules.model import DocumentRef, PlanningArea, Procedure, ProjectKind, Use

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.json"))
MINIMAL: dict[str, Any] = {"format_version": 1, "project_kind": "neubau", "use": "wohngebaeude"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_jedes_beispiel_entspricht_dem_schema(path: Path) -> None:
    vorhaben = load_application(path)
    assert vorhaben.documents or path.name.startswith("verfahrensfrei")


def test_die_felder_werden_mit_den_richtigen_typen_uebernommen() -> None:
    data = {
        **MINIMAL,
        "units": 2,
        "height_m": 6,
        "detached": True,
        "address": {"street": "Musterweg", "house_number": "7", "postal_code": "59423", "city": "Unna"},
        "documents": [{"type_code": "1803", "name": "Lageplan.pdf"}],
    }
    v = vorhaben_from_dict(data)
    assert v.units == 2
    assert v.height_m == 6.0
    assert isinstance(v.height_m, float)
    assert v.detached is True
    assert v.documents == (DocumentRef("1803", "Lageplan.pdf"),)
    assert v.address is not None
    assert v.address["city"] == "Unna"
    assert v.gross_floor_area_m2 is None


def test_ein_ordner_mit_application_json_wird_gelesen(tmp_path: Path) -> None:
    (tmp_path / "application.json").write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert load_application(tmp_path).use == "wohngebaeude"


def test_eine_fehlende_datei_meldet_den_pfad(tmp_path: Path) -> None:
    with pytest.raises(ApplicationFormatError, match="Antragsdatei nicht gefunden"):
        load_application(tmp_path / "fehlt.json")


def test_ungueltiges_json_nennt_zeile_und_spalte(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text(
        '{\n  "format_version": 1,\n  "use": "garage"\n  "project_kind": "neubau"\n}\n', encoding="utf-8"
    )
    with pytest.raises(ApplicationFormatError, match=r"Ungültiges JSON .*Zeile 4, Spalte 3"):
        load_application(path)


def test_schemafehler_werden_mit_json_pointer_und_auf_deutsch_gemeldet() -> None:
    data = {
        **MINIMAL,
        "use": "wohnhaus",
        "height_m": "7",
        "units": -1,
        "tippfehler": 1,
        "documents": [{"type_code": "18x3"}],
    }
    with pytest.raises(ApplicationFormatError) as caught:
        load_application(data)
    errors = {error.pointer: error.message for error in caught.value.errors}
    assert errors["/use"].startswith("ungültiger Wert 'wohnhaus'")
    assert errors["/height_m"] == "falscher Typ: erwartet Zahl oder null, gefunden Text"
    assert errors["/units"] == "muss mindestens 0 sein, gefunden -1"
    assert errors["/tippfehler"] == "unbekanntes Feld"
    assert errors["/documents/0/name"] == "Pflichtfeld fehlt"
    assert "/documents/0/type_code" in errors
    assert "entspricht nicht der dokumentierten JSON-Form" in str(caught.value)


def test_ein_fehlendes_pflichtfeld_wird_benannt() -> None:
    with pytest.raises(ApplicationFormatError) as caught:
        load_application({"format_version": 1, "use": "garage"})
    assert [(e.pointer, e.message) for e in caught.value.errors] == [("/project_kind", "Pflichtfeld fehlt")]


def test_ein_unbekannter_xbau_dokumenttyp_wird_abgelehnt() -> None:
    with pytest.raises(ApplicationFormatError, match="unbekannter Dokumenttyp '1234'"):
        load_application({**MINIMAL, "documents": [{"type_code": "1234", "name": "x"}]})


def test_die_schema_aufzaehlungen_entsprechen_dem_modell_der_regeln() -> None:
    props = application_schema()["properties"]
    assert props["project_kind"]["enum"] == list(get_args(ProjectKind))
    assert props["use"]["enum"] == list(get_args(Use))
    assert props["planning_area"]["enum"] == [*get_args(PlanningArea), None]
    assert props["procedure_requested"]["enum"] == [*get_args(Procedure), None]


def test_tag_der_antragstellung_weitere_nutzungen_und_vorhandene_garagen_werden_uebernommen() -> None:
    data = {
        **MINIMAL,
        "submitted_on": "2023-06-15",
        "newer_law_requested": True,
        "uses": [{"use": "laden", "where": "Erdgeschoss"}, {"use": "freie_berufe"}],
        "existing_garages_area_m2": 18,
    }
    v = vorhaben_from_dict(data)
    assert v.submitted_on is not None and v.submitted_on.isoformat() == "2023-06-15"
    assert v.newer_law_requested is True
    assert v.all_uses() == ("wohngebaeude", "laden", "freie_berufe")
    assert v.uses[0].where == "Erdgeschoss"
    assert v.existing_garages_area_m2 == 18.0


def test_ein_antrag_der_version_1_ohne_die_neuen_felder_bleibt_gueltig() -> None:
    v = vorhaben_from_dict(MINIMAL)
    assert (v.submitted_on, v.uses, v.existing_garages_area_m2) == (None, (), None)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("submitted_on", "15.06.2023", "/submitted_on"),
        ("submitted_on", "2023-02-30", "/submitted_on"),
        ("uses", [{"use": "spielbank"}], "/uses/0/use"),
        ("uses", [{"where": "EG"}], "/uses/0/use"),
    ],
)
def test_ein_falsches_datum_oder_eine_unbekannte_nutzung_wird_mit_dem_feld_gemeldet(
    field: str, value: Any, expected: str
) -> None:
    with pytest.raises(ApplicationFormatError) as caught:
        vorhaben_from_dict({**MINIMAL, field: value})
    assert expected in [error.pointer for error in caught.value.errors]
