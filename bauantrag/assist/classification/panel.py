"""The clerk's panel "Art der Bauvorlagen": declared vs. detected type per document (a suggestion)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from bauantrag.assist.classification.classifier import ModelError, get_classifier
from bauantrag.assist.classification.modelfile import parse_version
from bauantrag.assist.corpus.classes import class_of_code

if TYPE_CHECKING:
    from bauantrag.cases.models import Case
    from bauantrag.documents.models import Document

logger = logging.getLogger("bauantrag.assist.classification")


@dataclass
class Row:
    document_id: str
    name: str
    declared: str
    detected: str
    confidence: str
    verdict: str  # "agree", "differ", "uncertain", "pending", "none"
    verdict_label: str
    version: str


def _row(document: Document) -> Row:
    from bauantrag.cases.display import document_type_name
    from bauantrag.documents.models import TextStatus

    confidence = f"{round(document.detected_confidence * 100)} %" if document.detected_confidence is not None else "–"
    detected = document_type_name(document.detected_type) if document.detected_type else "–"
    if document.classifier_version:
        if not document.detected_type:
            verdict, label = "uncertain", _("Vorschlag unsicher")
        else:
            declared_class = class_of_code(document.document_type)
            detected_class = class_of_code(document.detected_type)
            if declared_class is None or declared_class == detected_class:
                verdict, label = "agree", _("passt")
            else:
                verdict, label = "differ", _("weicht ab – bitte prüfen")
    elif document.text_status in (TextStatus.PENDING, TextStatus.RUNNING):
        verdict, label = "pending", _("Text wird noch gelesen")
    else:
        verdict, label = "none", _("nicht klassifiziert (kein lesbarer Text)")
    return Row(
        str(document.pk),
        document.display_name,
        document_type_name(document.document_type),
        detected,
        confidence,
        verdict,
        label,
        document.classifier_version,
    )


def context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    documents = list(case.documents.bauvorlagen().order_by("round", "uploaded_at"))
    if not documents:
        return None
    rows = [_row(d) for d in documents]
    try:
        version, unavailable = get_classifier().version, False
    except ModelError as exc:  # the detail (path, checksum) goes to the log, not to the page
        logger.error("Klassifikationsmodell nicht verfügbar: %s", exc)
        version, unavailable = "", True
    _model_id, kind, reject = parse_version(version)
    calibration = {"kind": f"{round(kind * 100)} %", "reject": f"{round(reject * 100)} %"} if kind and reject else None
    return {
        "rows": rows,
        "version": version,
        "calibration": calibration,
        "unavailable": unavailable,
        "differ": sum(1 for r in rows if r.verdict == "differ"),
    }
