"""Reading the key data of a Bauvorlage and storing it (called by the after-text pipeline step)."""

from __future__ import annotations

import logging

from django.db import transaction

from bauantrag.assist.events import AssistEvent
from bauantrag.assist.extraction import kinds
from bauantrag.assist.extraction.extractor import EXTRACTOR_VERSION, extract
from bauantrag.assist.models import ExtractedValue
from bauantrag.audit.service import record
from bauantrag.documents.models import Document

logger = logging.getLogger(__name__)


def page_texts(document: Document) -> list[str]:
    """The texts of the document's pages in order; a missing page is empty, so page numbers stay right."""
    rows = list(document.pages.order_by("number").values_list("number", "text"))
    texts = [""] * (max((number for number, _ in rows), default=0))
    for number, text in rows:
        texts[number - 1] = text
    return texts


def extract_document(document: Document) -> int:
    """Replace the document's extracted values with what its current page texts say; returns how many.

    Idempotent: running it again on the same text stores the same values. The audit event names the fields
    and the count, never the values (names of people are personal data). A value is certain only where the kind
    the classifier suggests for the page texts carries its field (kinds.py); the classification is the same call
    the pipeline's classification step (order 10) made on the same texts, repeated here because that step stores
    only a confident Bauvorlage kind on the document, and the gate needs „keine Bauvorlage“ and uncertain kinds too.
    """
    texts = page_texts(document)
    fields = list(document.form_fields or [])
    has_text = any(t.strip() for t in texts)
    kind = kinds.classify(texts) if has_text else None
    found = kinds.gate(extract(texts, fields), kind) if fields or has_text else []
    with transaction.atomic():
        locked = Document.objects.select_for_update(of=("self",)).select_related("case", "tenant").get(pk=document.pk)
        previous = ExtractedValue.objects.filter(document=locked).count()
        ExtractedValue.objects.filter(document=locked).delete()
        ExtractedValue.objects.bulk_create(
            ExtractedValue(
                tenant_id=locked.tenant_id, document=locked, field=e.field, value=e.value[:200], raw=e.raw,
                page=e.page, start=e.start, end=e.end, confidence=e.confidence, rule=e.rule[:80], chosen=e.chosen,
                doubt=e.doubt[:200],
                extractor_version=EXTRACTOR_VERSION,
            )
            for e in found
        )
        if found or previous:
            record(
                AssistEvent.VALUES_EXTRACTED, actor=None, tenant=locked.tenant, subject=locked, case=locked.case,
                after={
                    "fields": sorted({e.field for e in found if e.chosen}),
                    "count": len(found),
                    "pages": len(texts),
                    "extractor_version": EXTRACTOR_VERSION,
                    "document_kind": kind.name if kind else "",
                    "kind_confidence": kind.confidence if kind else None,
                },
                message=f"{len(found)} Angaben aus „{locked.display_name}“ ausgelesen",
            )
    return len(found)
