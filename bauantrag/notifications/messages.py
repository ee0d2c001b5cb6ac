"""Builds the notification mails. They carry only the Aktenzeichen, what happened and a link to the case in
the portal: no names, addresses, parcel data, documents or findings (the mail leaves the authority's systems
unencrypted)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Tenant, validate_mail_sender
from bauantrag.notifications.models import NotificationEvent, NotificationLog

logger = logging.getLogger(__name__)


def _subject_and_text(event: str) -> tuple[str, str]:
    texts = {
        NotificationEvent.SUBMITTED: (
            _("Eingangsbestätigung"),
            _("Ihr Bauantrag ist bei der Bauaufsichtsbehörde eingegangen. Die Vollständigkeitsprüfung hat begonnen."),
        ),
        NotificationEvent.RESUBMITTED: (
            _("Erneute Einreichung eingegangen"),
            _("Ihre nachgereichten Unterlagen sind eingegangen. Die Vollständigkeitsprüfung wird fortgesetzt."),
        ),
        NotificationEvent.NACHFORDERUNG: (
            _("Nachforderung von Unterlagen"),
            _(
                "Die Bauaufsichtsbehörde hat Unterlagen nachgefordert (§ 71 Abs. 1 BauO NRW). Welche Unterlagen "
                "fehlen und bis wann Sie sie nachreichen können, sehen Sie im Portal. Bitte beachten Sie die Frist."
            ),
        ),
        NotificationEvent.COMPLETE: (
            _("Vollständigkeitsbestätigung"),
            _("Die Bauaufsichtsbehörde hat die Vollständigkeit Ihres Bauantrags bestätigt."),
        ),
        NotificationEvent.MESSAGE: (
            _("Neue Nachricht"),
            _("Im Postfach Ihres Vorgangs liegt eine neue Nachricht. Sie können sie im Portal lesen."),
        ),
        NotificationEvent.LETTER: (
            _("Neues Schreiben"),
            _("Die Bauaufsichtsbehörde hat Ihnen ein Schreiben zugestellt. Sie finden es im Postfach des Vorgangs."),
        ),
        NotificationEvent.REMINDER: (
            _("Erinnerung an eine Frist"),
            _("Eine Frist in Ihrem Vorgang läuft bald ab. Einzelheiten sehen Sie im Portal."),
        ),
        NotificationEvent.DECISION: (
            _("Entscheidung über Ihren Antrag"),
            _("Die Bauaufsichtsbehörde hat über Ihren Antrag entschieden. Den Bescheid finden Sie im Portal."),
        ),
        NotificationEvent.BETEILIGUNG: (
            _("Bitte um Stellungnahme"),
            _("Die Bauaufsichtsbehörde bittet Ihre Fachstelle um eine Stellungnahme. Einzelheiten und die Frist "
              "sehen Sie nach der Anmeldung."),
        ),
    }
    return texts[NotificationEvent(event)]


def sender_for(tenant: Tenant) -> str:
    """The Kommune's sender; the operator's default when none is set or the stored one is not valid."""
    if tenant.mail_sender:
        try:
            validate_mail_sender(tenant.mail_sender)
        except ValidationError:
            logger.warning("Kommune %s: ungültiger Absender, es wird der Standardabsender verwendet", tenant.slug)
        else:
            return tenant.mail_sender
    return str(settings.DEFAULT_FROM_EMAIL)


def case_link(log: NotificationLog) -> str:
    path = log.link_path or reverse("portal:detail", kwargs={"case_id": log.case_id})
    return settings.PUBLIC_URL.rstrip("/") + path


def build_message(log: NotificationLog) -> EmailMultiAlternatives:
    tenant = log.tenant
    file_number = log.case.file_number
    title, text = _subject_and_text(log.event)
    context = {
        "file_number": file_number, "title": title, "text": text, "link": case_link(log),
        "authority": tenant.authority_name,
        # A Fachstelle is asked for a Stellungnahme: not "your application in the portal".
        "for_agency": log.event == NotificationEvent.BETEILIGUNG,
    }
    sender = sender_for(tenant)
    domain = sender.rsplit("@", 1)[-1].rstrip(">").strip() or None
    message = EmailMultiAlternatives(
        subject=f"{title} – {_('Aktenzeichen')} {file_number}",
        body=render_to_string("notifications/mail.txt", context),
        from_email=sender,
        to=[log.recipient],
        headers={"Auto-Submitted": "auto-generated", "Message-ID": make_msgid(domain=domain)},
    )
    message.attach_alternative(render_to_string("notifications/mail.html", context), "text/html")
    return message
