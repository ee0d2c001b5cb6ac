"""The status history of a case: one row per transition, written by the workflow (cases/workflow.py ``apply``)
in the action's transaction. The statistics read it; the audit trail keeps the full record of each action."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models.case import Case, CaseState


class StatusChange(models.Model):
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_state = models.CharField(_("Von"), max_length=20, choices=CaseState.choices)
    to_state = models.CharField(_("Nach"), max_length=20, choices=CaseState.choices)
    at = models.DateTimeField(_("Zeitpunkt"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    request_id = models.CharField(max_length=64, blank=True, help_text=_("Anfrage oder Aufgabe, wie im Protokoll"))

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["case", "at"]),
            # the newest change of a Kommune: the key of the statistics' cached figures (reports.queries)
            models.Index(fields=["tenant", "-id"], name="statuschange_tenant_newest"),
        ]
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_state} → {self.to_state}"
