"""The audit events of the Beteiligung of neighbours and the public (§ 72 BauO NRW)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class NeighbourEvent(models.TextChoices):
    NEIGHBOUR_ADDED = "neighbour.added", _("Nachbarin / Nachbar erfasst")
    NEIGHBOUR_CHANGED = "neighbour.changed", _("Angaben zur Nachbarin / zum Nachbarn geändert")
    CONSENT_RECORDED = "neighbour.consent", _("Zustimmung der Nachbarin / des Nachbarn erfasst")
    NOTIFICATION_DRAFTED = "neighbour.notification_drafted", _(
        "Benachrichtigung der Nachbarin / des Nachbarn entworfen")
    NOTIFICATION_DELIVERED = "neighbour.notified", _("Zugang der Benachrichtigung erfasst, Einwendungsfrist berechnet")
    OBJECTION_RECORDED = "neighbour.objection", _("Einwendung erfasst")
    DECISION_DRAFTED = "neighbour.decision_drafted", _("Zustellung der Baugenehmigung an Nachbarn entworfen")
    DECISION_SERVED = "neighbour.decision_served", _("Zustellung der Baugenehmigung an Nachbarn erfasst")
    NOTICE_RECORDED = "neighbour.notice", _("Öffentliche Bekanntmachung erfasst")


register_events("neighbours", NeighbourEvent)
