"""The audit events of the fees (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class FeeEvent(models.TextChoices):
    TARIFF_CHANGED = "fees.tariff_changed", _("Gebührensatz der Kommune geändert")
    ROHBAUWERT_CHANGED = "fees.rohbauwert_changed", _("Rohbauwert der Kommune geändert")
    SETTINGS_CHANGED = "fees.settings_changed", _("Gebühreneinstellungen geändert")
    BASIS_SET = "fees.basis_set", _("Grundlagen der Gebühr festgelegt")
    OVERRIDDEN = "fees.overridden", _("Gebühr abweichend festgesetzt")
    OVERRIDE_REMOVED = "fees.override_removed", _("Abweichende Festsetzung der Gebühr aufgehoben")
    KASSENZEICHEN_ASSIGNED = "fees.kassenzeichen_assigned", _("Gebühr festgesetzt, Kassenzeichen vergeben")
    EXPORTED = "fees.exported", _("Gebühren für das Kassenverfahren exportiert")


register_events("fees", FeeEvent)
