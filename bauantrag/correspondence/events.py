"""The audit events of the mailbox and letters (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class LetterEvent(models.TextChoices):
    MESSAGE_SENT = "message.sent", _("Nachricht gesendet")
    LETTER_DRAFTED = "letter.drafted", _("Schreiben entworfen")
    LETTER_SENT = "letter.sent", _("Schreiben versandt")
    LETTER_RETRIEVED = "letter.retrieved", _("Schreiben abgerufen (Bekanntgabe)")
    TEMPLATE_SAVED = "letter.template_saved", _("Vorlage eines Schreibens gespeichert")
    TEXTBAUSTEIN_SAVED = "letter.textbaustein_saved", _("Textbaustein gespeichert")
    LETTER_DAMAGED = "letter.damaged", _("Gespeichertes Schreiben beschädigt oder verändert")


register_events("correspondence", LetterEvent)
