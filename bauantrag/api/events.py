"""The audit events of the API (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class ApiEvent(models.TextChoices):
    TOKEN_CREATED = "api.token_created", _("API-Zugang angelegt")
    TOKEN_REVOKED = "api.token_revoked", _("API-Zugang widerrufen")


register_events("api", ApiEvent)
