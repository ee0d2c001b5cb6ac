"""The audit events of the statistics (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class ReportEvent(models.TextChoices):
    REPORT_EXPORTED = "report.exported", _("Statistik exportiert")


register_events("reports", ReportEvent)
