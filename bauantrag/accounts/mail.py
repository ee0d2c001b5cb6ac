"""Account e-mails: rendered here from accounts/email/<name>_subject.txt and <name>.txt, sent by tasks.py."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from kombu.exceptions import OperationalError

from bauantrag.accounts.tasks import send_account_mail

logger = logging.getLogger("bauantrag.accounts")


def base_url() -> str:
    """The portal's address for links in e-mails (never the Host header a client sent)."""
    return str(settings.PUBLIC_URL).rstrip("/")


def render(name: str, context: dict[str, Any]) -> tuple[str, str]:
    context = {"base_url": base_url(), **context}
    subject = " ".join(render_to_string(f"accounts/email/{name}_subject.txt", context).split())
    return subject, render_to_string(f"accounts/email/{name}.txt", context)


def queue_mail(to: str, name: str, context: dict[str, Any]) -> None:
    """Send after the transaction commits (nothing is mailed about a change that was rolled back); with the broker
    down, send at once rather than not at all."""
    subject, body = render(name, context)

    def send() -> None:
        try:
            send_account_mail.delay(to, subject, body)
        except OperationalError:
            logger.warning("Broker unavailable: account mail %s sent from the web process", name)
            send_account_mail.run(to, subject, body)

    transaction.on_commit(send)
