"""The audit events of the register of Flurstücke (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class ParcelEvent(models.TextChoices):
    PARCELS_IMPORTED = "parcels.imported", _("Flurstücke übernommen")


register_events("parcels", ParcelEvent)
