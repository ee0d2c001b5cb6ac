"""Sending notification e-mails in the background, retried with growing pauses while the SMTP server is down."""

from __future__ import annotations

from celery import Task, shared_task

from bauantrag.celery.queueing import TRANSIENT_DB_ERRORS
from bauantrag.notifications import service

MAX_RETRIES = 10  # pauses 1 s, 2 s, 4 s … up to 10 minutes: about 20 minutes in all before giving up


@shared_task(
    bind=True, acks_late=True, autoretry_for=service.RETRYABLE + TRANSIENT_DB_ERRORS, retry_backoff=True,
    retry_backoff_max=600, retry_jitter=True, max_retries=MAX_RETRIES,
)
def send_notification(self: Task[[str], None], log_id: str) -> None:
    service.deliver(log_id, final_attempt=self.request.retries >= MAX_RETRIES)


@shared_task(acks_late=True)
def requeue_unsent_notifications() -> int:
    return service.requeue_unsent()
