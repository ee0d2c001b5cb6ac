"""Account e-mails (password reset, address verification) sent in the background: the page answers in the same time
whether or not a mail goes out, so its timing does not tell whether an address has an account."""

from __future__ import annotations

import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage

MAX_RETRIES = 6  # pauses 1 s … 1 min: a link that arrives much later would have expired anyway


@shared_task(
    acks_late=True, autoretry_for=(smtplib.SMTPException, OSError), retry_backoff=True, retry_backoff_max=60,
    retry_jitter=True, max_retries=MAX_RETRIES,
)
def send_account_mail(to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
