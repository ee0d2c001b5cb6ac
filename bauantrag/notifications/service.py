"""Notifications of case events. The actions call `notify_case_event` inside their transaction: the log rows
are written with the change itself, and the sending tasks are queued only after the commit."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from bauantrag.cases.models import Case
from bauantrag.notifications.messages import build_message
from bauantrag.notifications.models import NotificationEvent, NotificationLog, NotificationStatus

logger = logging.getLogger(__name__)

# Errors of the connection or the SMTP dialogue: worth another try later. Anything else fails at once.
RETRYABLE: tuple[type[Exception], ...] = (OSError, smtplib.SMTPException)


def _recipients(case: Case) -> list[str]:
    """The applicant side of the case: the applicant and, if there is one, the designer."""
    addresses: list[str] = []
    for user in (case.applicant, case.designer):
        if user is not None and user.email and user.email.lower() not in addresses:
            addresses.append(user.email.lower())
    return addresses


def _enqueue(log_id: str) -> None:
    from bauantrag.notifications.tasks import send_notification

    send_notification.delay(log_id)


def _enqueue_later(log_id: str) -> Callable[[], None]:
    def enqueue() -> None:  # a named function: Django logs its name if queueing fails
        _enqueue(log_id)

    return enqueue


def notify_case_event(
    case: Case, event: NotificationEvent, *, recipients: list[str] | None = None, link_path: str = ""
) -> list[NotificationLog]:
    """Record one notification per recipient and queue its sending after the commit.

    recipients: default the applicant side of the case; others (e.g. a Fachstelle's users) are named.
    link_path: the page the mail points to; default the case in the portal.
    """
    addresses = _recipients(case) if recipients is None else list(dict.fromkeys(a.lower() for a in recipients if a))
    logs = [
        NotificationLog.objects.create(
            tenant_id=case.tenant_id, case=case, event=event, round=case.round, recipient=address,
            link_path=link_path,
        )
        for address in addresses
    ]
    for log in logs:
        # robust: a broker that is down must not turn the committed action into an error page; the row stays
        # "queued" and `requeue_unsent` sends it later.
        transaction.on_commit(_enqueue_later(str(log.pk)), robust=True)
    return logs


def deliver(log_id: str, *, final_attempt: bool) -> None:
    """Send one notification unless it was sent already (a redelivered task), and record the outcome.

    The row is locked while sending, so two deliveries of the same task cannot both send. Errors are recorded
    and raised again for the task to retry."""
    error: BaseException | None = None
    with transaction.atomic():
        log = NotificationLog.objects.select_for_update(of=("self",)).select_related("tenant", "case").get(pk=log_id)
        if log.status in (NotificationStatus.SENT, NotificationStatus.FAILED):
            return
        log.attempts += 1
        try:
            message = build_message(log)
            message.send()
        except Exception as exc:  # recorded here, raised again below for the task's retry
            error = exc
            retry = isinstance(exc, RETRYABLE) and not final_attempt
            log.status = NotificationStatus.RETRYING if retry else NotificationStatus.FAILED
            log.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        else:
            log.status = NotificationStatus.SENT
            log.sent_at = timezone.now()
            log.message_id = str(message.extra_headers.get("Message-ID", ""))[:255]
            log.last_error = ""
        log.save(update_fields=["attempts", "status", "last_error", "sent_at", "message_id"])
    if error is not None:
        logger.warning("Benachrichtigung %s nicht versandt (Versuch %d): %s", log_id, log.attempts, log.last_error)
        raise error


def requeue_unsent(older_than_minutes: int = 10) -> int:
    """Queue again what is still waiting (e.g. the broker was down when the action committed)."""
    cutoff = timezone.now() - dt.timedelta(minutes=older_than_minutes)
    ids = list(
        NotificationLog.objects.filter(status=NotificationStatus.QUEUED, created_at__lt=cutoff)
        .values_list("pk", flat=True)
    )
    for log_id in ids:
        _enqueue(str(log_id))
    return len(ids)
