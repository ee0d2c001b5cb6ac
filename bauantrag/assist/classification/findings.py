"""Document finding "dokument.art": the declared type of a Bauvorlage disagrees with the detected type.

Provider for bauantrag.cases.document_findings (registered in wiring.py). Only confident, calibrated detections
are stored in Document.detected_type (see service.py), and types are compared by class (classes.py in the
corpus): a declared 2001 Grundrisse and a detected Bauzeichnungen agree, and so do a declared 2712 Erklärung zum
Brandschutz and a detected Brandschutz document (every code of a class is accepted). The message names both
kinds in words. Generic group codes (e.g. 2800, 1800) are not
compared. The status is always needs_review: the software suggests, the clerk decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from bauantrag.assist.corpus.classes import BY_NAME, class_of_code

if TYPE_CHECKING:
    from bauantrag.cases.models import Case
    from bauantrag.documents.models import Document

RULE = "dokument.art"

# Where the BauPrüfVO NRW / BauO NRW names each kind of Bauvorlage (§ 1 Abs. 1 BauPrüfVO lists them).
_BASIS: dict[str, tuple[str, str]] = {
    "flurkarte": ("BauPrüfVO", "§ 2"),
    "lageplan": ("BauPrüfVO", "§ 3"),
    "berechnung_mass": ("BauPrüfVO", "§ 3 Abs. 2"),
    "bauzeichnungen": ("BauPrüfVO", "§ 4"),
    "baubeschreibung": ("BauPrüfVO", "§ 5 Abs. 1"),
    "betriebsbeschreibung": ("BauPrüfVO", "§ 5 Abs. 2"),
    "standsicherheit": ("BauPrüfVO", "§ 8"),
    "kostenermittlung": ("BauPrüfVO", "§ 6"),
    "brandschutz": ("BauPrüfVO", "§ 9 bzw. § 13 Abs. 1 Satz 3"),
    "barrierefreiheit": ("BauPrüfVO", "§ 9a"),
    "stellplatz": ("BauO NRW", "§ 48"),
    "bauvorlageberechtigung": ("BauO NRW", "§ 67"),
}


def legal_basis(*classes: str) -> str:
    pruefvo = ["§ 1 Abs. 1"]
    bauo: list[str] = []
    for name in classes:
        law, paragraph = _BASIS.get(name, ("", ""))
        target = pruefvo if law == "BauPrüfVO" else bauo if law else None
        if target is not None and paragraph not in target:
            target.append(paragraph)
    text = ", ".join(pruefvo) + " BauPrüfVO NRW"
    if bauo:
        text += "; " + ", ".join(bauo) + " BauO NRW"
    return text


def _type_name(code: str) -> str:
    from bauantrag.cases.display import document_type_name

    return document_type_name(code)


def mismatch(document: Document) -> dict[str, Any] | None:
    """The finding for one document, or None when declared and detected type agree (or cannot be compared)."""
    if not document.detected_type or document.detected_confidence is None:
        return None
    declared = class_of_code(document.document_type)
    detected = class_of_code(document.detected_type)
    if declared is None or detected is None or declared == detected:
        return None
    percent = round(document.detected_confidence * 100)
    message = _(
        "„%(name)s“ ist als %(declared)s eingereicht, sieht aber nach %(detected)s aus (Vorschlag der Software, "
        "Sicherheit %(percent)s %%). Bitte prüfen Sie, ob die Art der Bauvorlage stimmt oder die richtige Datei "
        "hochgeladen wurde."
    ) % {
        "name": document.display_name,
        "declared": _type_name(document.document_type),
        "detected": BY_NAME[detected].label,
        "percent": percent,
    }
    return {
        "rule": RULE,
        "status": "needs_review",
        "legal_basis": legal_basis(declared, detected),
        "message": message,
        "evidence": {
            "name": document.display_name,
            "type": document.document_type,
            "detected_document_type": document.detected_type,
            "confidence": round(float(document.detected_confidence), 4),
            "classifier_version": document.classifier_version,
        },
    }


def provider(case: Case, documents: list[Document]) -> list[dict[str, Any]]:
    return [finding for finding in (mismatch(d) for d in documents) if finding is not None]
