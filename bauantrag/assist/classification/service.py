"""Classifying a stored Bauvorlage after its text was read (pipeline step "assist.classify", order 10).

The result goes into Document.detected_type / detected_confidence / classifier_version and the audit trail
(AssistEvent.DOCUMENT_CLASSIFIED, actor "System"). detected_type is an XBau code: when the detected class covers the
declared code (e.g. declared 2001 Grundrisse, detected Bauzeichnungen) the declared code is kept, so that the
two compare equal; otherwise the class's main code (e.g. 1803 Lageplan). An uncertain prediction (probability
below the model's calibrated threshold) leaves detected_type empty and stores only the confidence: the software
does not contradict the applicant on a guess. The reject class ``keine_bauvorlage`` has no XBau code: it leaves
detected_type empty too and is recorded in the audit event (whether the clerk should be told is a question for a
document field of its own).

A missing or damaged model never breaks the upload or the text reading: the step logs the clear ModelError and
leaves the document unclassified.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction

from bauantrag.assist.classification.classifier import ModelError, Prediction, classify
from bauantrag.assist.corpus.classes import class_of_code
from bauantrag.assist.events import AssistEvent
from bauantrag.audit.service import record

if TYPE_CHECKING:
    from bauantrag.documents.models import Document

logger = logging.getLogger("bauantrag.assist.classification")


def detected_code(prediction: Prediction, declared: str) -> str:
    if prediction.uncertain or not prediction.code:
        return ""
    if prediction.doc_class and class_of_code(declared) == prediction.doc_class:
        return declared
    return prediction.code


def _audit_message(prediction: Prediction, code: str) -> str:
    percent = round(prediction.confidence * 100)
    if code:
        return f"Vorschlag der Software: {prediction.label} ({percent} %)"
    if prediction.not_a_bauvorlage and not prediction.uncertain:
        return f"Vorschlag der Software: keine Bauvorlage, eher Informationsseite, leeres Formular o. Ä. ({percent} %)"
    return "Art der Bauvorlage nicht sicher erkannt (Vorschlag unsicher)"


def classify_document(document: Document) -> Prediction | None:
    """Classify one document from its stored page texts; None when it has no text or no model is available."""
    from bauantrag.documents.models import Document

    pages = list(document.pages.order_by("number").values_list("text", flat=True))
    if not any(text.strip() for text in pages):
        return None
    try:
        prediction = classify(pages)
    except ModelError as exc:
        logger.error("Bauvorlage %s nicht klassifiziert: %s", document.pk, exc)
        return None
    if not prediction.code and not prediction.not_a_bauvorlage:
        return None
    with transaction.atomic():
        locked = Document.objects.select_for_update(of=("self",)).select_related("tenant", "case").get(pk=document.pk)
        code = detected_code(prediction, locked.document_type)
        before = {
            "detected_type": locked.detected_type,
            "confidence": locked.detected_confidence,
            "classifier_version": locked.classifier_version,
        }
        after = {"detected_type": code, "confidence": prediction.confidence, "classifier_version": prediction.version}
        if before != after:
            locked.detected_type = code
            locked.detected_confidence = prediction.confidence
            locked.classifier_version = prediction.version
            locked.save(update_fields=["detected_type", "detected_confidence", "classifier_version"])
            record(
                AssistEvent.DOCUMENT_CLASSIFIED,
                actor=None,
                tenant=locked.tenant,
                subject=locked,
                case=locked.case,
                before=before,
                after={
                    **after,
                    "declared_type": locked.document_type,
                    "uncertain": prediction.uncertain,
                    "top": [{"code": c, "label": label, "probability": p} for c, label, p in prediction.top],
                },
                message=_audit_message(prediction, code),
            )
    document.detected_type = code
    document.detected_confidence = prediction.confidence
    document.classifier_version = prediction.version
    return prediction
