"""Background tasks of the documents app."""

from __future__ import annotations

from celery import shared_task

from bauantrag.documents import reading


@shared_task(acks_late=True, ignore_result=True)
def read_text(document_id: str) -> str:
    """Read a Bauvorlage's text page by page (text layer or OCR). Idempotent; see documents.reading."""
    return reading.read_document_text(document_id)
