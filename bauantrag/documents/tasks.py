"""Background tasks of the documents app."""

from __future__ import annotations

import datetime as dt

from celery import Task, shared_task
from django.db import transaction
from django.utils import timezone

from bauantrag.celery.queueing import TRANSIENT_DB_RETRY, enqueue_on_commit, new_task_id
from bauantrag.documents import reading


@shared_task(bind=True, acks_late=True, ignore_result=True, **TRANSIENT_DB_RETRY)
def read_text(self: Task[[str], str], document_id: str) -> str:
    """Read a Bauvorlage's text page by page (text layer or OCR). Idempotent; see documents.reading."""
    return reading.read_document_text(document_id, task_id=self.request.id)


def requeue_stale_texts(cutoff: dt.datetime, limit: int) -> int:
    """The sweeper's part for Bauvorlagen (bauantrag.celery.leases): queue the reading again of those waiting for
    it (the broker was down when they were stored) or left running by a dead worker, each under a new owner. The
    reading resumes after the last stored page."""
    from bauantrag.documents.models import Document, TextStatus

    with transaction.atomic():
        ids = list(
            Document.objects.select_for_update(skip_locked=True)
            .filter(text_status__in=(TextStatus.PENDING, TextStatus.RUNNING), text_heartbeat_at__lt=cutoff)
            .order_by("text_heartbeat_at").values_list("pk", flat=True)[:limit]
        )
        now = timezone.now()
        for pk in ids:
            task_id = new_task_id()
            Document.objects.filter(pk=pk).update(text_task_id=task_id, text_heartbeat_at=now)
            enqueue_on_commit(read_text, str(pk), task_id=task_id)
    return len(ids)

