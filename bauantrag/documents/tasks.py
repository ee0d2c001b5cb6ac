"""Background tasks of the documents app."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from bauantrag.documents import reading


@shared_task(acks_late=True, ignore_result=True)
def read_text(document_id: str) -> str:
    """Read a Bauvorlage's text page by page (text layer or OCR). Idempotent; see documents.reading."""
    return reading.read_document_text(document_id)


@shared_task(ignore_result=True)
def requeue_pending_texts(older_than_minutes: int = 15, limit: int = 500) -> int:
    """Queue the reading again for Bauvorlagen still waiting for it (the broker was down when they were stored).

    Run by Celery beat; a document being read is not touched (its task is idempotent anyway)."""
    from datetime import timedelta

    from django.utils import timezone

    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = [str(pk) for pk in waiting_for_text(cutoff).values_list("pk", flat=True)[:limit]]
    for document_id in ids:
        read_text.delay(document_id)
    return len(ids)


def waiting_for_text(cutoff: Any) -> Any:
    """The Bauvorlagen uploaded before ``cutoff`` whose text is still waiting to be read, oldest first (read from
    the partial index ``document_text_pending``)."""
    from bauantrag.documents.models import Document, TextStatus

    return Document.objects.filter(text_status=TextStatus.PENDING, uploaded_at__lt=cutoff).order_by("uploaded_at")
