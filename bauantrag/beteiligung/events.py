"""The audit events of the Beteiligung of Fachstellen (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class BeteiligungEvent(models.TextChoices):
    BETEILIGUNG_SENT = "beteiligung.sent", _("Fachstelle beteiligt")
    BETEILIGUNG_WITHDRAWN = "beteiligung.withdrawn", _("Beteiligung zurückgenommen")
    BETEILIGUNG_EXTENDED = "beteiligung.extended", _("Frist der Beteiligung ausnahmsweise verlängert")
    STELLUNGNAHME_SUBMITTED = "stellungnahme.submitted", _("Stellungnahme abgegeben")
    FACHSTELLE_CHANGED = "fachstelle.changed", _("Verzeichnis der Fachstellen geändert")


register_events("beteiligung", BeteiligungEvent)
