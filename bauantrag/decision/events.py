"""The audit events of the retention and the offer to the archive (registered with the trail)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class RetentionEvent(models.TextChoices):
    ARCHIVE_DUE = "archive.due", _("Aufbewahrungsfrist abgelaufen – dem Archiv anzubieten")
    ARCHIVE_OFFERED = "archive.offered", _("Dem Archiv angeboten")
    ARCHIVE_DECIDED = "archive.decided", _("Antwort des Archivs erfasst")


register_events("decision", RetentionEvent)
