"""One bundled request for missing or faulty Bauvorlagen (§ 71 Abs. 1 Satz 2 BauO NRW)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models.case import Case


class Nachforderung(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="nachforderungen")
    round = models.PositiveSmallIntegerField(help_text=_("Einreichungsrunde, auf die sie sich bezieht"))
    items = models.JSONField(
        help_text=_("Liste der Mängel: [{document_type, title, reason, finding}]"),
    )
    message = models.TextField(_("Anschreiben"), max_length=8000, blank=True)
    deadline = models.DateField(_("Frist"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(
        _("Erinnert am"), null=True, blank=True,
        help_text=_("Erinnerung an die Bauherrschaft vor Fristablauf (einmal je Frist)"),
    )
    expired_at = models.DateTimeField(
        _("Frist abgelaufen festgestellt am"), null=True, blank=True,
        help_text=_("Die Frist lief ohne erneute Einreichung ab; die Folge entscheidet die Sachbearbeitung"),
    )
    extended_at = models.DateTimeField(_("Frist zuletzt verlängert am"), null=True, blank=True)
    extension_reason = models.TextField(_("Grund der Fristverlängerung"), max_length=2000, blank=True)
    original_deadline = models.DateField(
        _("Ursprüngliche Frist"), null=True, blank=True, help_text=_("Gesetzt bei der ersten Verlängerung"),
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Nachforderung vom {self.created_at:%d.%m.%Y}, Frist {self.deadline:%d.%m.%Y}"
