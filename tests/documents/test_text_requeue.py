"""Bauvorlagen whose reading was never queued (broker down at upload) are picked up by the beat task."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from bauantrag.documents.models import Document, TextStatus
from bauantrag.documents.tasks import requeue_pending_texts, waiting_for_text
from tests.factories import add_documents, draft_case

pytestmark = pytest.mark.django_db


def test_old_pending_documents_are_read_recent_ones_left_to_their_task(applicant: Any) -> None:
    case = draft_case(applicant)
    add_documents(case, ("1803", "1502"))
    old, recent = case.documents.order_by("document_type")  # 1502, 1803
    Document.objects.filter(pk__in=[old.pk, recent.pk]).update(text_status=TextStatus.PENDING, text_pages_done=0)
    old.pages.all().delete()
    Document.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - dt.timedelta(hours=1))

    assert requeue_pending_texts() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.text_status == TextStatus.DONE and old.pages.count() == 1
    assert recent.text_status == TextStatus.PENDING
    assert "documents.requeue_pending_texts" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_postgresql_finds_the_waiting_documents_in_the_partial_index_without_scanning_all() -> None:
    """Issue 14: with 583,000 documents the periodic re-queue scanned them all every time."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test table is tiny; ask whether the index CAN serve
        cursor.execute("SET LOCAL enable_sort = off")  # (with a few rows, another index plus a sort costs the same)
        plan = waiting_for_text(timezone.now())[:500].explain()
    assert "document_text_pending" in plan and "Sort" not in plan, plan
