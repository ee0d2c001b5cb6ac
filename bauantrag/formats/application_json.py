"""The project's documented JSON form of an application (``bauantrag/schemas/application.schema.json``).

``load_application`` reads a file (or a folder holding ``application.json``, or an already parsed dict),
validates it against the JSON Schema (draft 2020-12) and the XBau code list, and returns the ``Vorhaben`` for
the check engine. Broken input raises ``ApplicationFormatError`` with a German message naming each field by
its JSON pointer; invalid JSON is reported with line and column.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from bauantrag.formats.application_site import SiteError, site_plan
from bauantrag.formats.xbau_codelist import codelist_version, document_type_names
from bauantrag.rules.model import DocumentRef, UsePart, Vorhaben
from bauantrag.rules.planning.project import SitePlan

APPLICATION_FILE = "application.json"
MAX_BYTES = 5_000_000
_INT_FIELDS = frozenset(
    {
        "units",
        "dwellings",
        "storeys_full",
        "storeys_above_ground",
        "visitors",
        "guest_places_inside",
        "beds",
        "persons_cared",
    }
)
_PASS_THROUGH = frozenset(
    {
        "project_kind",
        "use",
        "description",
        "detached",
        "has_aufenthaltsraum",
        "underground",
        "planning_area",
        "plan_conforming",
        "access_secured",
        "procedure_requested",
        "newer_law_requested",
    }
)
_FLOAT_FIELDS = frozenset(
    {
        "height_m",
        "structure_height_m",
        "wall_height_mean_m",
        "gross_floor_area_m2",
        "largest_unit_floor_area_m2",
        "largest_storey_area_m2",
        "floor_area_m2",
        "gross_volume_m3",
        "sales_area_m2",
        "garage_usable_area_m2",
        "parcel_area_m2",
        "existing_garages_area_m2",
    }
)
_MAPPINGS = ("address", "parcel", "applicant", "designer")
_TYPE_NAMES = {
    "string": "Text",
    "number": "Zahl",
    "integer": "ganze Zahl",
    "boolean": "true/false",
    "null": "null",
    "object": "Objekt",
    "array": "Liste",
}


@dataclass(frozen=True)
class FieldError:
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '(oberste Ebene)'}: {self.message}"


class ApplicationFormatError(ValueError):
    """The application is not in the documented JSON form. ``errors`` names each broken field."""

    def __init__(self, summary: str, errors: Sequence[FieldError] = ()) -> None:
        self.summary = summary
        self.errors = tuple(errors)
        lines = [summary, *(f"  - {error}" for error in self.errors)]
        super().__init__("\n".join(lines))


def load_application(source: str | os.PathLike[str] | Mapping[str, Any]) -> Vorhaben:
    """Read, validate and convert an application (file path, folder with ``application.json``, or dict)."""
    if isinstance(source, Mapping):
        return vorhaben_from_dict(source)
    return vorhaben_from_dict(read_application_json(Path(source)))


def read_application_json(path: Path) -> Any:
    """Parse the JSON text of an application file (or of ``application.json`` in a folder); no validation."""
    if path.is_dir():
        path = path / APPLICATION_FILE
    if not path.is_file():
        raise ApplicationFormatError(f"Antragsdatei nicht gefunden: {path}")
    if path.stat().st_size > MAX_BYTES:
        raise ApplicationFormatError(f"Antragsdatei {path} ist größer als {MAX_BYTES // 1_000_000} MB.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApplicationFormatError(
            f"Antragsdatei {path} ist nicht UTF-8-kodiert (Byte {exc.start})."
        ) from exc
    except OSError as exc:
        raise ApplicationFormatError(
            f"Antragsdatei {path} kann nicht gelesen werden: {exc.strerror}"
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApplicationFormatError(
            f"Ungültiges JSON in {path}: Zeile {exc.lineno}, Spalte {exc.colno} ({exc.msg})."
        ) from exc


def validate_application(data: Any) -> None:
    """Raise ``ApplicationFormatError`` listing every schema violation and unknown document type."""
    errors = [_translate(error) for error in sorted(_validator().iter_errors(data), key=_sort_key)]
    flat = [item for group in errors for item in group]
    if not flat and isinstance(data, Mapping):
        flat = _unknown_document_codes(data)
    if flat:
        raise ApplicationFormatError("Der Antrag entspricht nicht der dokumentierten JSON-Form:", flat)


def vorhaben_from_dict(data: Mapping[str, Any], *, validate: bool = True) -> Vorhaben:
    """Convert the JSON form (as dict) into the rules' ``Vorhaben``; validates first unless told not to."""
    if validate:
        validate_application(data)
    values: dict[str, Any] = {name: data[name] for name in _PASS_THROUGH if name in data}
    for name in _INT_FIELDS & data.keys():
        values[name] = None if data[name] is None else int(data[name])
    for name in _FLOAT_FIELDS & data.keys():
        values[name] = None if data[name] is None else float(data[name])
    for name in _MAPPINGS:
        if data.get(name) is not None:
            values[name] = dict(data[name])
    values["documents"] = tuple(
        DocumentRef(type_code=str(doc["type_code"]), name=str(doc["name"]))
        for doc in data.get("documents", ())
    )
    values["uses"] = tuple(UsePart(use=part["use"], where=part.get("where", "")) for part in data.get("uses", ()))
    values["submitted_on"] = _date(data.get("submitted_on"), "/submitted_on")
    return Vorhaben(**values)


def _date(text: Any, pointer: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        raise ApplicationFormatError(
            "Der Antrag entspricht nicht der dokumentierten JSON-Form:",
            [FieldError(pointer, f"kein gültiges Datum {text!r} (erwartet JJJJ-MM-TT)")],
        ) from None


def site_from_dict(data: Mapping[str, Any], *, validate: bool = True) -> SitePlan | None:
    """The Lageplan geometry (``site``) of the JSON form, or ``None`` when the application has none."""
    if validate:
        validate_application(data)
    site = data.get("site")
    if site is None:
        return None
    try:
        return site_plan(site)
    except SiteError as exc:
        raise ApplicationFormatError(
            "Die Lageplan-Geometrie (site) ist fehlerhaft:", [FieldError(exc.pointer, exc.message)]
        ) from exc


def check_site(site: Mapping[str, Any]) -> SitePlan:
    """Validate a ``site`` object alone (schema ``$defs/site`` + geometry) and convert it; errors as above."""
    validator = _site_validator()
    errors = [_translate(error) for error in sorted(validator.iter_errors(site), key=_sort_key)]
    flat = [FieldError("/site" + e.pointer, e.message) for group in errors for e in group]
    if flat:
        raise ApplicationFormatError("Die Lageplan-Geometrie (site) ist fehlerhaft:", flat)
    try:
        return site_plan(site)
    except SiteError as exc:
        raise ApplicationFormatError(
            "Die Lageplan-Geometrie (site) ist fehlerhaft:", [FieldError(exc.pointer, exc.message)]
        ) from exc


@lru_cache(maxsize=1)
def _site_validator() -> Draft202012Validator:
    defs = application_schema()["$defs"]
    return Draft202012Validator({"$defs": defs, "$ref": "#/$defs/site", "type": "object"})


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    text = resources.files("bauantrag").joinpath("schemas", "application.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def application_schema() -> dict[str, Any]:
    """The JSON Schema of the application form (e.g. for the API documentation)."""
    schema = _validator().schema
    if not isinstance(schema, Mapping):
        raise TypeError("application schema must be a JSON object")
    return dict(schema)


def _unknown_document_codes(data: Mapping[str, Any]) -> list[FieldError]:
    known = document_type_names()
    return [
        FieldError(
            f"/documents/{index}/type_code",
            f"unbekannter Dokumenttyp {doc['type_code']!r} "
            f"(nicht in der XBau-Codeliste vorlagenantragstellung {codelist_version()})",
        )
        for index, doc in enumerate(data.get("documents", ()))
        if doc["type_code"] not in known
    ]


def _pointer(parts: Sequence[str | int]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _sort_key(error: ValidationError) -> tuple[str, str]:
    return _pointer(list(error.absolute_path)), str(error.validator)


def _translate(error: ValidationError) -> list[FieldError]:
    path = list(error.absolute_path)
    here = _pointer(path)
    kind, instance = str(error.validator), error.instance
    expected: Any = error.validator_value
    if kind == "required":
        match = re.match(r"'(.+)' is a required property", error.message)
        name = match.group(1) if match else str(expected)
        return [FieldError(_pointer([*path, name]), "Pflichtfeld fehlt")]
    if kind == "additionalProperties" and isinstance(instance, Mapping):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        return [
            FieldError(_pointer([*path, key]), "unbekanntes Feld") for key in instance if key not in allowed
        ]
    if kind == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        names = " oder ".join(_TYPE_NAMES.get(str(t), str(t)) for t in wanted)
        return [FieldError(here, f"falscher Typ: erwartet {names}, gefunden {_json_type(instance)}")]
    messages: dict[str, Callable[[], str]] = {
        "enum": lambda: "ungültiger Wert {!r}; erlaubt: {}".format(
            instance, ", ".join("null" if v is None else str(v) for v in expected)
        ),
        "const": lambda: f"muss {json.dumps(expected)} sein, gefunden {json.dumps(instance)}",
        "minimum": lambda: f"muss mindestens {expected} sein, gefunden {instance}",
        "maximum": lambda: f"darf höchstens {expected} sein, gefunden {instance}",
        "minItems": lambda: f"hat zu wenige Einträge (mindestens {expected})",
        "pattern": lambda: f"hat nicht das erwartete Format (Muster {expected}): {instance!r}",
        "minLength": lambda: "darf nicht leer sein",
        "maxLength": lambda: f"ist zu lang (höchstens {expected} Zeichen)",
        "maxItems": lambda: f"hat zu viele Einträge (höchstens {expected})",
    }
    text = messages[kind]() if kind in messages else f"ungültig ({error.message})"
    return [FieldError(here, text)]


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "ganze Zahl"
    if isinstance(value, float):
        return "Zahl"
    if isinstance(value, str):
        return "Text"
    return "Liste" if isinstance(value, list) else "Objekt"
