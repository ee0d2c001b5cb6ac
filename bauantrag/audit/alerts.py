"""Alerts to the platform operator about what must never happen: a stored file that fails its integrity check.

The alert is an ERROR on the logger ``bauantrag.security`` and, where ``BAUANTRAG_SECURITY_ALERT_MAIL`` is set, an
e-mail to that address. One e-mail per occasion (``key``, e.g. the file) and quarter of an hour (a cache key guards
it), so that a tampered file opened a hundred times does not bury the operator's inbox. Sending never raises: the
caller's refusal (409) must not turn into a 500 because the mail server is down.
"""

from __future__ import annotations

import hashlib
import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail

logger = logging.getLogger("bauantrag.security")

MAIL_INTERVAL_SECONDS = 15 * 60


def alert_operator(subject: str, body: str, key: str) -> bool:
    """Log the alert and mail it to the operator when configured; ``key`` names the occasion (one mail per key and
    interval). True when an e-mail went out."""
    logger.error("%s: %s", subject, body)
    address = settings.SECURITY_ALERT_MAIL
    if not address:
        return False
    if not cache.add("security-alert:" + hashlib.sha256(key.encode()).hexdigest(), 1, timeout=MAIL_INTERVAL_SECONDS):
        return False
    try:
        send_mail(f"Bauantrag – Sicherheitsmeldung: {subject}", body + "\n", None, [address])
    except (OSError, SMTPException):
        logger.exception("The security alert could not be mailed to %s", address)
        return False
    return True
