"""The audit events of the register of Bebauungspläne (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class PlanEvent(models.TextChoices):
    PLAN_IMPORTED = "plan.imported", _("Bebauungsplan übernommen")
    PLAN_REJECTED = "plan.rejected", _("Bebauungsplan abgelehnt")


register_events("plans", PlanEvent)
