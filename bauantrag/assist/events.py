"""The audit events of the reading aids (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class AssistEvent(models.TextChoices):
    DOCUMENT_CLASSIFIED = "document.classified", _("Art der Bauvorlage erkannt")
    VALUES_EXTRACTED = "document.values_extracted", _("Angaben aus Bauvorlage ausgelesen")
    SUMMARY_CREATED = "summary.created", _("Zusammenfassung erstellt")


register_events("assist", AssistEvent)
