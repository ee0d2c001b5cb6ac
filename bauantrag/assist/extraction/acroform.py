"""Filled-in PDF form fields (AcroForm) read as fields: field name and tooltip say which of our fields it is.

An applicant who completes an official Vordruck electronically leaves the values in form fields, not in the page
text. These are read exactly, before any text heuristics: a field whose name or tooltip (/TU) carries one of the
labels of patterns.py ("Gemarkung(en)", "Flurstück(e)", "Mitgliedsnummer der Architekten- oder Ingenieurkammer")
gives that value, normalised by the same rule the page text would use ("Flur: 7"). A ticked check box named for a
Gebäudeklasse ("Gebäudeklasse 3", "GK_3") gives that class. Blank fields and unticked boxes give nothing; a field
whose name fits no or several of our fields is left out.

Pure Python: ``fields`` are dicts as documents.text.FormField stores them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from bauantrag.assist.extraction.folding import fold
from bauantrag.assist.extraction.patterns import PATTERNS

FORM_RULE = "formularfeld"
FORM_CONFIDENCE = 0.99

# What a field's name or tooltip says, folded, per our field (the most specific first). Section prefixes of field
# names ("Bauherrschaft.Name") decide the person fields.
_NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("kammer_nummer", r"mitglieds?-?(?:nummer|nr)|kammer-?(?:nummer|nr)|listen-?(?:nummer|nr)|aknw"),
    ("flurstueck", r"flurstuck|flst"),
    ("gemarkung", r"gemarkung"),
    ("flur", r"(?<![a-z])flur(?:\(e\)|e|-?nr|nummer)?(?![a-z])"),
    ("hoehe_bauo_m", r"§ ?2 abs(?:atz|\.)? ?3 satz ?2|fussbodenoberkante|hohe nach"),
    ("gebaeudehoehe_m", r"gebaudehohe|gesamthohe"),
    ("firsthoehe_m", r"firsthohe"),
    ("traufhoehe_m", r"traufhohe|wandhohe"),
    ("vollgeschosse", r"vollgeschoss"),
    ("wohneinheiten", r"wohneinheit|wohnungen|anzahl we"),
    ("brutto_rauminhalt_m3", r"brutto-?rauminhalt|(?<![a-z])bri(?![a-z])|rauminhalt"),
    ("grz", r"(?<![a-z])grz(?![a-z])|grundflachenzahl"),
    ("gfz", r"(?<![a-z])gfz(?![a-z])|geschossflachenzahl"),
    ("gebaeudeklasse", r"gebaudeklasse|(?<![a-z])gk(?![a-z])"),
    ("entwurfsverfasser", r"entwurfsverfass|bauvorlageberechtigt|planverfass"),
    ("bauherr", r"bauherr|antragstell"),
)
_PERSON_PART = re.compile(r"(?<![a-z])(?:name|vorname|firma|nachname)(?![a-z])")
_ADDRESS_PART = re.compile(r"strasse|hausnummer|plz|(?<![a-z])ort(?![a-z])|telefon|e-?mail|telefax|anschrift")


def _describe(field: dict[str, Any]) -> str:
    return fold(f"{field.get('name', '')} {field.get('tooltip', '')}".replace("_", " ")).text


def field_of(field: dict[str, Any]) -> str | None:
    """Our field for a form field, or None. Person fields only for the name part ("Bauherrschaft Name, Vorname")."""
    described = _describe(field)
    matches = [name for name, hint in _NAME_HINTS if re.search(hint, described)]
    if not matches:
        return None
    first = matches[0]
    person = first in ("bauherr", "entwurfsverfasser")
    if person and (_ADDRESS_PART.search(described) or not _PERSON_PART.search(described)):
        return None
    return first


@cache
def _label(field: str) -> str:
    """A plain label of the field that its own pattern reads ("Gemarkung"), for normalising a value."""
    pattern = next(p for p in PATTERNS if p.field == field and p.where == "after" and p.labels)
    return next(label for label in pattern.labels if not label.startswith("re:"))


def _normalised(field: str, value: str) -> str | None:
    from bauantrag.assist.extraction.extractor import candidates

    if field in ("bauherr", "entwurfsverfasser"):
        return " ".join(value.split()) or None
    found = [e for e in candidates([f"{_label(field)}: {value}"]) if e.field == field and not e.permitted]
    return found[0].value if found else None


_CLASS_BOX = re.compile(r"(?:gebaudeklasse|(?<![a-z])gk)[ .:-]*(?P<v>[1-5])(?![0-9])")


def extract_fields(fields: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str, str, int]]:
    """(our field, normalised value, "label: value" as the form shows it, page) per filled-in form field."""
    for field in fields:
        value = str(field.get("value", "")).strip()
        if not value:
            continue
        shown = f"{field.get('tooltip') or field.get('name')}: {value}"
        if field.get("kind") == "checkbox":
            box = _CLASS_BOX.search(_describe(field)) or (
                _CLASS_BOX.search("gebaudeklasse " + fold(value).text) if field_of(field) == "gebaeudeklasse" else None)
            if box:
                yield "gebaeudeklasse", box.group("v"), shown, int(field.get("page") or 1)
            continue
        ours = field_of(field)
        if ours is None:
            continue
        normalised = _normalised(ours, value)
        if normalised is not None:
            yield ours, normalised, shown, int(field.get("page") or 1)
