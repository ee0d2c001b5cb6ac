"""Background work of the correspondence: rendering and sending the letters that accompany case events."""

from __future__ import annotations

from celery import shared_task

from bauantrag.celery.queueing import TRANSIENT_DB_ERRORS


@shared_task(acks_late=True, autoretry_for=(OSError, *TRANSIENT_DB_ERRORS), retry_backoff=True, max_retries=5)
def send_system_letter(letter_id: str) -> str:
    """Render and send a system letter (idempotent: a sent letter is left alone)."""
    from bauantrag.correspondence.actions import send_system_letter_now

    letter = send_system_letter_now(letter_id)
    return letter.state if letter is not None else "missing"


@shared_task(acks_late=True)
def requeue_system_letters(older_than_minutes: int = 10) -> int:
    """Queue again the system letters still unsent (e.g. the broker was down when the case action committed).

    Meant for the beat schedule (e.g. every 15 minutes), like notifications' requeue_unsent."""
    import datetime as dt

    from django.utils import timezone

    from bauantrag.correspondence.models import Letter, LetterState

    cutoff = timezone.now() - dt.timedelta(minutes=older_than_minutes)
    ids = list(
        Letter.objects.filter(state=LetterState.DRAFT, created_by__isnull=True, created_at__lt=cutoff)
        .values_list("pk", flat=True)
    )
    for letter_id in ids:
        send_system_letter.delay(str(letter_id))
    return len(ids)
