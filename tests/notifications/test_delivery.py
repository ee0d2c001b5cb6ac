"""Delivery: retries while the SMTP server is down, no second mail on redelivery, safe sender headers."""

from __future__ import annotations

from collections.abc import Callable
from smtplib import SMTPRecipientsRefused

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, TestCase

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases import actions
from bauantrag.cases.models import CaseState
from bauantrag.celery import app as celery_app
from bauantrag.notifications.models import NotificationLog, NotificationStatus
from bauantrag.notifications.tasks import MAX_RETRIES, send_notification
from tests.factories import draft_case, run_actions_now
from tests.notifications.conftest import SmtpServer

pytestmark = pytest.mark.django_db


def _submit_without_running_tasks(applicant: User) -> NotificationLog:
    """Submit; the after-commit callbacks are captured, not run: the task waits in the queue."""
    case = draft_case(applicant)
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        actions.submit(applicant, case)
    assert callbacks, "the sending is queued after commit"
    log = NotificationLog.objects.get(case=case)
    assert (log.status, log.attempts) == (NotificationStatus.QUEUED, 0)
    return log


def test_server_down_then_up_the_retry_sends_exactly_one_mail(
    smtp_server_factory: Callable[[bool], SmtpServer], applicant: User
) -> None:
    server = smtp_server_factory(False)  # nothing listens on the port yet
    log = _submit_without_running_tasks(applicant)

    with pytest.raises(OSError):  # the task fails and Celery's autoretry schedules the next try
        send_notification(str(log.pk))
    log.refresh_from_db()
    assert (log.status, log.attempts) == (NotificationStatus.RETRYING, 1)
    assert "ConnectionRefusedError" in log.last_error

    server.start()
    send_notification(str(log.pk))  # the retry
    log.refresh_from_db()
    assert (log.status, log.attempts, log.last_error) == (NotificationStatus.SENT, 2, "")
    assert [env.rcpt_tos for env in server.inbox.envelopes] == [[applicant.email]]

    send_notification(str(log.pk))  # the broker delivers the task once more
    log.refresh_from_db()
    assert (log.status, log.attempts) == (NotificationStatus.SENT, 2)
    assert len(server.inbox.envelopes) == 1


def test_retries_are_scheduled_until_the_limit_then_the_log_says_failed(
    smtp_server_factory: Callable[[bool], SmtpServer], applicant: User
) -> None:
    smtp_server_factory(False)
    log = _submit_without_running_tasks(applicant)
    celery_app.conf.task_eager_propagates = False  # let the eager retries run through to the limit
    try:
        result = send_notification.apply(args=[str(log.pk)])  # eager: the retries follow without pause
    finally:
        celery_app.conf.task_eager_propagates = True
    assert isinstance(result.result, ConnectionRefusedError)
    log.refresh_from_db()
    assert (log.status, log.attempts) == (NotificationStatus.FAILED, MAX_RETRIES + 1)
    send_notification.apply(args=[str(log.pk)], throw=False)  # a late redelivery does not try again
    log.refresh_from_db()
    assert log.attempts == MAX_RETRIES + 1


def test_a_server_that_refuses_the_mail_is_retried(
    smtp_server: SmtpServer, applicant: User
) -> None:
    log = _submit_without_running_tasks(applicant)
    smtp_server.inbox.refuse = True
    with pytest.raises(SMTPRecipientsRefused):
        send_notification(str(log.pk))
    log.refresh_from_db()
    assert log.status == NotificationStatus.RETRYING
    assert "SMTPRecipientsRefused" in log.last_error and "451" in log.last_error
    assert smtp_server.inbox.envelopes == []

    smtp_server.inbox.refuse = False
    send_notification(str(log.pk))
    log.refresh_from_db()
    assert (log.status, log.attempts) == (NotificationStatus.SENT, 2)
    assert len(smtp_server.inbox.envelopes) == 1


def test_a_mail_server_that_is_down_does_not_break_the_submission(
    smtp_server_factory: Callable[[bool], SmtpServer], applicant: User, applicant_client: Client
) -> None:
    server = smtp_server_factory(False)
    case = draft_case(applicant)
    with run_actions_now():
        response = applicant_client.post(f"/antraege/{case.pk}/einreichen/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED
    log = NotificationLog.objects.get(case=case)
    assert log.status == NotificationStatus.RETRYING
    assert "ConnectionRefusedError" in log.last_error

    server.start()
    send_notification(str(log.pk))  # the next retry
    log.refresh_from_db()
    assert log.status == NotificationStatus.SENT
    assert len(server.inbox.envelopes) == 1


def test_a_sender_with_a_line_break_is_refused(tenant: Tenant) -> None:
    for bad in (
        "Bauaufsicht <bauaufsicht@musterstadt.example>\r\nBcc: alle@evil.example",
        "Bauaufsicht <bauaufsicht@musterstadt.example>\nX-Evil: 1",
        "bauaufsicht@musterstadt.example, alle@evil.example",
        "Bauaufsicht <keine-adresse>",
        "Bau<aufsicht> <bauaufsicht@musterstadt.example>",
    ):
        tenant.mail_sender = bad
        with pytest.raises(ValidationError) as caught:
            tenant.full_clean()
        assert "mail_sender" in caught.value.message_dict, bad
    tenant.mail_sender = "Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>"
    tenant.full_clean()


def test_a_stored_bad_sender_falls_back_to_the_default_and_adds_no_header(
    smtp_server: SmtpServer, tenant: Tenant, applicant: User
) -> None:
    Tenant.objects.filter(pk=tenant.pk).update(mail_sender="X <a@musterstadt.example>\r\nBcc: alle@evil.example")
    case = draft_case(applicant)
    with run_actions_now():
        actions.submit(applicant, case)
    inbox = smtp_server.inbox
    assert [env.rcpt_tos for env in inbox.envelopes] == [[applicant.email]]
    mail = inbox.parsed(0)
    assert mail["From"] == "Bauantrag Betrieb <betrieb@bauantrag.example>"
    assert mail["Bcc"] is None
    assert "evil" not in inbox.raw(0).decode()
