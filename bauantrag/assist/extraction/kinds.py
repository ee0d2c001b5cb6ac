"""Which kind of Bauvorlage states which value: a value is certain only in a document of a kind that carries it.

A figure read from a court decision, a forum post, a tender notice or a plan's Begründung is not the Vorhaben's
figure, however cleanly it is written ("GRZ von 0,4"). Which values a Bauvorlage states is set by the BauPrüfVO
NRW (2021 wording, still applied; ``/work/shared/LAW.md`` Part B) and the Vordrucke of the VV BauPrüfVO:

* **Every Bauvorlage** names the Vorhaben and is signed by the Entwurfsverfasser/in (§ 70 Abs. 3 BauO NRW: the
  Entwurfsverfasser/in signs the Bauvorlagen, Fachplaner/innen sign theirs too); the Vordrucke and plan heads name
  the Bauherrschaft and the Baugrundstück after the Liegenschaftskataster (§ 3 Abs. 1 Nr. 2 BauPrüfVO for the
  Lageplan). So Bauherr, Gemarkung, Flur, Flurstück, Entwurfsverfasser/in and Kammernummer are carried by every kind,
  also by an unspecified „sonstige Bauvorlage“.
* **Figures** only by the kinds whose content they are:
  - Lageplan (§ 3): Geschosszahl, Wand- and Firsthöhen of the buildings (Abs. 1 Nr. 6, 12), the Berechnung of GRZ,
    GFZ, Vollgeschosse and Baumasse that completes it (Abs. 2);
  - Bauzeichnungen (§ 4): Höhe der Fußbodenoberkante des höchstgelegenen Geschosses (Abs. 3 Nr. 3), Firsthöhen
    (Abs. 3 Nr. 5), the storeys in the Schnitte, and the Gebäudeklasse their fire-safety details depend on (Abs. 1
    Nr. 3, Abs. 6);
  - Baubeschreibung (§ 5 Abs. 1 and its Vordruck) and the Antragsformular (Vordruck of the Bauantrag): the
    Vorhaben's key data – Gebäudeklasse, Vollgeschosse, GRZ/GFZ, Brutto-Rauminhalt, Wohnungen; heights only in the
    Baubeschreibung;
  - Berechnung des Maßes der baulichen Nutzung (§ 3 Abs. 2): GRZ, GFZ, Vollgeschosse, Baumasse (Brutto-Rauminhalt);
  - Kostenermittlung (§ 6 Nr. 1): the Brutto-Rauminhalt after DIN 277;
  - Brandschutz (§ 9, Erklärung § 13 Abs. 1): the Gebäudeklasse and the heights that decide it and the Hochhaus
    limit (§ 2 Abs. 3, 4 BauO NRW);
  - Standsicherheitsnachweis (§ 8): the Gebäudeklasse (whether it is checked depends on it, § 68 BauO NRW);
  - Stellplatznachweis, Barrierefreiheit, Wärme-/Schallschutz: the number of Wohnungen the need, the barrier-free
    share or the protection between Wohnungen is reckoned from;
  - statistischer Erhebungsbogen: Vollgeschosse, Rauminhalt, Wohnungen.
  Wherever the Gebäudeklasse is stated, so may be the height after § 2 Abs. 3 BauO NRW that decides it.
  Betriebsbeschreibung, Flurkarte, Vollmacht, Fotos, Entwässerung, Baulast, Nachweis der Bauvorlageberechtigung and
  „sonstige“ state none of these figures as the Vorhaben's own.

A document the classifier takes for „keine Bauvorlage“ – at any confidence – carries no value of a Vorhaben; a
document without a classification (no model) neither, as far as the software can tell. There a value is at most
„unsicher“ with the reason, and so never a finding (only certain values are compared, plausibility.py). A filled-in
PDF form field is exempt: it is the applicant's own entry in the form (acroform.py), while the page text the
classifier reads is that of the blank Vordruck, which it rightly calls „keine Bauvorlage“.

Pure Python; the caller passes the classification (``Kind``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bauantrag.assist.extraction import acroform
from bauantrag.assist.extraction.extractor import Extracted, extract

NOT_A_BAUVORLAGE = "keine_bauvorlage"  # the classifier's reject class (corpus.classes.NOT_A_BAUVORLAGE)

IDENTITY = frozenset({"bauherr", "gemarkung", "flur", "flurstueck", "entwurfsverfasser", "kammer_nummer"})
_HEIGHTS = frozenset({"gebaeudehoehe_m", "firsthoehe_m", "traufhoehe_m", "hoehe_bauo_m"})
_MASS = frozenset({"grz", "gfz", "vollgeschosse", "brutto_rauminhalt_m3"})
_KEY_DATA = _MASS | {"gebaeudeklasse", "wohneinheiten"}

_FIGURES: dict[str, frozenset[str]] = {
    "lageplan": _MASS | {"gebaeudehoehe_m", "firsthoehe_m", "traufhoehe_m"},
    "bauzeichnungen": _HEIGHTS | {"vollgeschosse", "gebaeudeklasse"},
    "baubeschreibung": _KEY_DATA | _HEIGHTS,
    "antrag": _KEY_DATA,
    "berechnung_mass": _MASS,
    "kostenermittlung": frozenset({"brutto_rauminhalt_m3"}),
    "brandschutz": frozenset({"gebaeudeklasse", "hoehe_bauo_m", "gebaeudehoehe_m"}),
    "standsicherheit": frozenset({"gebaeudeklasse"}),
    "stellplatz": frozenset({"wohneinheiten"}),
    "barrierefreiheit": frozenset({"wohneinheiten"}),
    "waerme_schallschutz": frozenset({"wohneinheiten"}),
    "statistik": frozenset({"vollgeschosse", "brutto_rauminhalt_m3", "wohneinheiten"}),
}
# Where the Gebäudeklasse stands, the height that decides it (§ 2 Abs. 3 BauO NRW) may stand beside it.
FIGURES = {kind: fields | {"hoehe_bauo_m"} if "gebaeudeklasse" in fields else fields
           for kind, fields in _FIGURES.items()}


@dataclass(frozen=True)
class Kind:
    """The classifier's suggestion for a document: its class name, label and confidence (any confidence)."""

    name: str
    label: str
    confidence: float


def carries(kind: str, field: str) -> bool:
    """Whether a Bauvorlage of class ``kind`` states the field as the Vorhaben's own (module docstring)."""
    if kind in ("", NOT_A_BAUVORLAGE):
        return False
    return field in IDENTITY or field in FIGURES.get(kind, frozenset())


def reason(kind: Kind | None) -> str:
    """Why a value the kind does not carry is not certain (stored as the value's doubt, shown to the clerk)."""
    if kind is None or not kind.name:
        return "Art des Dokuments nicht bestimmt: ob es eine Angabe zum Vorhaben enthält, ist offen"
    if kind.name == NOT_A_BAUVORLAGE:
        return (f"Nach Vorschlag der Software keine Bauvorlage ({round(kind.confidence * 100)} %): "
                "eine Zahl oder ein Name darin ist keine Angabe zum Vorhaben")
    return f"Eine Bauvorlage der Art „{kind.label}“ (Vorschlag der Software) enthält diese Angabe nach BauPrüfVO nicht"


def gate(extracted: list[Extracted], kind: Kind | None) -> list[Extracted]:
    """The values with a doubt where the document's kind does not carry their field (form fields exempt)."""
    why = reason(kind)
    name = kind.name if kind is not None else ""
    return [
        e if e.doubt or e.rule.endswith(acroform.FORM_RULE) or carries(name, e.field) else replace(e, doubt=why)
        for e in extracted
    ]


def classify(pages: list[str]) -> Kind | None:
    """The shipped classifier's suggestion for these page texts (the same call the pipeline's classification step
    makes, so both agree); None when the model is missing or damaged, or the text is empty."""
    from bauantrag.assist.classification.classifier import ModelError
    from bauantrag.assist.classification.classifier import classify as classify_pages

    try:
        prediction = classify_pages(pages)
    except ModelError:
        return None
    return Kind(prediction.doc_class, prediction.label, prediction.confidence) if prediction.doc_class else None


def read(pages: list[str], gated: bool = True) -> list[Extracted]:
    """What the running system shows for these page texts: extracted, then gated by the classified kind
    (``gated=False`` only to measure what the gate costs)."""
    found = extract(pages)
    return gate(found, classify(pages)) if gated else found
