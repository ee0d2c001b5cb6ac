"""Form against Bauvorlagen: where a value read from a document disagrees with the application form.

Each disagreement becomes a finding with status ``needs_review`` (never ``fail``: the software cannot know which of
the two is right, and the reading can be wrong) that names both sources, e.g.
"Formular: 2 Vollgeschosse; Baubeschreibung.pdf, Seite 2: „3 Vollgeschosse“". Agreement produces no finding.
Nothing is compared where the form is silent or nothing was read.

Compared (form field -> extracted field), with the tolerance for numbers:

    storeys_full                  vollgeschosse          exactly
    pre-check's Gebäudeklasse     gebaeudeklasse         exactly
    height_m                      hoehe_bauo_m           ± 0.05 m (plans give heights to the 5 cm)
    structure_height_m            gebaeudehoehe_m        ± 0.05 m
    gross_volume_m3               brutto_rauminhalt_m3   ± 0.5 %, at least ± 1 m³ (rounding of the DIN 277 sums)
    dwellings (else units)        wohneinheiten          exactly
    gemarkung                     gemarkung              same letters (case, umlauts and spaces ignored)
    flur                          flur                   same number
    flurstueck                    flurstueck             same set of Zähler/Nenner
    bauherr_name                  bauherr                same words in any order, or one contains the other's
                                                         (titles, salutations ignored: "Müller, Anna" = "Anna Müller")
    designer's chamber_number     kammer_nummer          same digits (chamber abbreviations ignored)

Only the value the extractor *chose* for a document and is *sure of* is compared (extractor.py, certainty.py):
not the alternatives it also found (a per-storey Brutto-Rauminhalt beside the total), not the figures the document
gives as the plan's permitted maximum ("maximal III Vollgeschosse zulässig"), not a value marked "unsicher".
Names of people are not repeated in the finding's message (the message may be read in other places); they are in
the evidence, beside the document, page and span, and the link to the highlighted place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from bauantrag.assist.extraction.folding import fold
from bauantrag.assist.models import ExtractedValue

if TYPE_CHECKING:
    from bauantrag.cases.models import Case
    from bauantrag.documents.models import Document

RULE_PREFIX = "plausibilitaet"
# The versions the comparisons' legal bases refer to (shown with each finding).
LAW_VERSION = "BauO NRW 2018 in der ab 01.01.2024 geltenden Fassung; BauPrüfVO NRW; BauNVO 2023"


@dataclass(frozen=True)
class Comparison:
    field: str  # the extracted field
    form_field: str  # the Vorhaben's field, or "building_class" / "chamber_number"
    label: str  # German, for the message
    legal_basis: str  # paragraph and law version (the version the comparison applies)
    kind: str  # "count", "decimal", "place", "number", "parcel", "name", "chamber"
    form_template: str = "{}"  # how the form's value reads in the message
    tolerance: Decimal = Decimal(0)
    relative: Decimal = Decimal(0)
    personal: bool = False


COMPARISONS: tuple[Comparison, ...] = (
    Comparison("vollgeschosse", "storeys_full", "Vollgeschosse", "§ 2 Abs. 6 BauO NRW, § 20 Abs. 1 BauNVO", "count",
               "{} Vollgeschosse"),
    Comparison("gebaeudeklasse", "building_class", "Gebäudeklasse", "§ 2 Abs. 3 BauO NRW", "count",
               "Gebäudeklasse {} (von der Vorprüfung aus den Formularangaben bestimmt)"),
    Comparison("hoehe_bauo_m", "height_m", "Höhe nach § 2 Abs. 3 Satz 2 BauO NRW", "§ 2 Abs. 3 Satz 2 BauO NRW",
               "decimal", "Höhe {} m", tolerance=Decimal("0.05")),
    Comparison("gebaeudehoehe_m", "structure_height_m", "Gesamthöhe des Gebäudes",
               "§ 16 Abs. 2 Nr. 4 BauNVO, § 50 Abs. 2 Nr. 2 BauO NRW", "decimal", "Gesamthöhe {} m",
               tolerance=Decimal("0.05")),
    Comparison("brutto_rauminhalt_m3", "gross_volume_m3", "Brutto-Rauminhalt", "§ 6 Nr. 1 BauPrüfVO (DIN 277)",
               "decimal", "Brutto-Rauminhalt {} m³", tolerance=Decimal(1), relative=Decimal("0.005")),
    Comparison("wohneinheiten", "dwellings", "Wohneinheiten",
               "§ 2 Abs. 3 Satz 1 BauO NRW (Nutzungseinheiten), § 48 BauO NRW", "count", "{} Wohnungen"),
    Comparison("gemarkung", "gemarkung", "Gemarkung", "§ 3 Abs. 1 Satz 4 Nr. 2 BauPrüfVO", "place", "Gemarkung {}"),
    Comparison("flur", "flur", "Flur", "§ 3 Abs. 1 Satz 4 Nr. 2 BauPrüfVO", "number", "Flur {}"),
    Comparison("flurstueck", "flurstueck", "Flurstück", "§ 3 Abs. 1 Satz 4 Nr. 2 BauPrüfVO", "parcel",
               "Flurstück {}"),
    # The 2018/2021 text required the Bauherrschaft to sign the Bauantrag (§ 70 Abs. 3 Satz 1 BauO NRW a. F.); that
    # sentence is gone from the 2024 text. What remains is § 53 Abs. 1 Satz 2: the applications are the
    # Bauherrschaft's duty, so the documents and the form should name the same Bauherrschaft (REVIEW-2026-12 M18).
    Comparison("bauherr", "bauherr_name", "Bauherrschaft", "§ 53 Abs. 1 Satz 2 BauO NRW (Fassung 2024)", "name",
               personal=True),
    Comparison("kammer_nummer", "chamber_number", "Kammer-Mitgliedsnummer der Entwurfsverfasserin / des "
               "Entwurfsverfassers", "§ 67 Abs. 1 und 3 BauO NRW", "chamber", personal=True),
)


# --- equality per kind --------------------------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _letters(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(value).text)


_TITLE_WORDS = {
    "herr", "herrn", "frau", "dr", "prof", "dipl", "ing", "dipl-ing", "dr-ing", "architekt", "architektin",
    "familie", "eheleute", "und", "u", "fh",
}


def _name_words(value: str) -> set[str]:
    words = {w for w in re.split(r"[^a-z0-9]+", fold(value).text) if w}
    return words - _TITLE_WORDS


def _parcels(value: str) -> set[str]:
    items = re.findall(r"\d+(?:\s*/\s*\d+)?", value)
    return {"/".join(str(int(part)) for part in re.split(r"\s*/\s*", item)) for item in items}


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value).lstrip("0")


def agrees(comparison: Comparison, form_value: Any, extracted: str) -> bool | None:
    """True or False, or None if the two cannot be compared (e.g. the form's value is not a number)."""
    kind = comparison.kind
    if kind in ("count", "decimal"):
        a, b = _decimal(form_value), _decimal(extracted)
        if a is None or b is None:
            return None
        allowed = max(comparison.tolerance, abs(a) * comparison.relative)
        return abs(a - b) <= allowed
    text = str(form_value).strip()
    if kind == "number":
        return _digits(text) == _digits(extracted) if _digits(text) else None
    if kind == "place":
        return _letters(text) == _letters(extracted)
    if kind == "parcel":
        form_parcels = _parcels(text)
        return form_parcels == _parcels(extracted) if form_parcels else None
    if kind == "chamber":
        return _digits(text) == _digits(extracted) if _digits(text) else None
    if kind == "name":
        a_words, b_words = _name_words(text), _name_words(extracted)
        if not a_words or not b_words:
            return None
        return a_words <= b_words or b_words <= a_words
    raise ValueError(kind)


# --- the form's values -----------------------------------------------------------------------------------------------


def _building_class(case: Case, documents: list[Document]) -> int | None:
    """The Gebäudeklasse of the case's pre-check of this round; while that run is still running, the same
    determination (bauantrag.rules, § 2 Abs. 3 BauO NRW) from the same form data."""
    from bauantrag.cases.models import CheckRun, CheckRunStatus

    run = CheckRun.objects.filter(case=case, round=case.round, status=CheckRunStatus.DONE).first()
    if run is not None:
        return run.building_class
    from bauantrag.cases.precheck import rules_input
    from bauantrag.rules.nrw.bauo_nrw.building_class import classify

    return classify(rules_input(case.vorhaben, documents)).building_class


def form_values(case: Case, documents: list[Document]) -> dict[str, Any]:
    """The form's value per extracted field (only those the form states)."""
    vorhaben = getattr(case, "vorhaben", None)
    if vorhaben is None:
        return {}
    values: dict[str, Any] = {}
    for comparison in COMPARISONS:
        if comparison.form_field == "building_class":
            value: Any = _building_class(case, documents)
        elif comparison.form_field == "chamber_number":
            designer = case.designer
            value = designer.chamber_number if designer is not None else None
        elif comparison.form_field == "dwellings":
            value = vorhaben.dwellings if vorhaben.dwellings is not None else vorhaben.units
        else:
            value = getattr(vorhaben, comparison.form_field)
        if value not in (None, ""):
            values[comparison.field] = value
    return values


# --- disagreements ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    comparison: Comparison
    form_value: Any
    value: ExtractedValue

    @property
    def snippet(self) -> str:
        return " ".join(self.value.raw.split())

    @property
    def source_url(self) -> str:
        return source_url(self.value)

    def form_text(self) -> str:
        return self.comparison.form_template.format(german(self.form_value))


def source_url(value: ExtractedValue) -> str:
    return reverse("assist:extraction_values", kwargs={"document_id": value.document_id}) + f"#wert-{value.pk}"


def german(value: Any) -> str:
    """A form value as it reads in German: 3.10 -> "3,10"."""
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def disagreements(case: Case, documents: list[Document]) -> list[Disagreement]:
    form = form_values(case, documents)
    if not form or not documents:
        return []
    rows = (
        ExtractedValue.objects.filter(document__in=documents, tenant_id=case.tenant_id, field__in=list(form),
                                      chosen=True, doubt="")
        .select_related("document").order_by("document__uploaded_at", "document_id", "field", "page", "start")
    )
    by_field = {c.field: c for c in COMPARISONS}
    found = []
    for row in rows:
        if row.permitted or not row.certain:
            continue
        comparison = by_field[row.field]
        if agrees(comparison, form[row.field], row.value) is False:
            found.append(Disagreement(comparison, form[row.field], row))
    return found


def _message(d: Disagreement) -> str:
    document = d.value.document.display_name
    if d.comparison.personal:
        return (
            f"{d.comparison.label}: Die Angabe im Formular stimmt nicht mit der Bauvorlage „{document}“ "
            f"(Seite {d.value.page}) überein. Bitte prüfen, welche Angabe gilt; beide stehen in den Angaben "
            "zu diesem Befund."
        )
    return (
        f"{d.comparison.label}: Formular und Bauvorlage weichen voneinander ab. Formular: {d.form_text()}; "
        f"{document}, Seite {d.value.page}: „{d.snippet}“. Bitte prüfen, welche Angabe gilt."
    )


def finding(d: Disagreement) -> dict[str, Any]:
    value = d.value
    return {
        "rule": f"{RULE_PREFIX}.{d.comparison.field}",
        "law_version": LAW_VERSION,
        "status": "needs_review",
        "legal_basis": d.comparison.legal_basis,
        "message": _message(d),
        "evidence": {
            "compared": d.comparison.label,
            "form_value": german(d.form_value),
            "extracted_value": value.value,
            "document": value.document.display_name,
            "document_id": str(value.document_id),
            "page": value.page,
            "start": value.start,
            "end": value.end,
            "snippet": d.snippet,
            "source_url": d.source_url,
            "extracted_value_id": str(value.pk),
        },
    }


def provider(case: Case, documents: list[Document]) -> list[dict[str, Any]]:
    """For bauantrag.cases.document_findings: one needs_review finding per disagreeing value and document."""
    return [finding(d) for d in disagreements(case, documents)]
