"""The offer of a closed, not approved case to the Kommune's archive at the end of its retention period.

§ 74 Abs. 5 Satz 3 BauO NRW keeps the Bauvorlagen of an approved Vorhaben „so lange …, wie die Anlage besteht“: such a
case has no end date and is never offered here. For refused and withdrawn cases no statutory period was found; at the
end of the Kommune's period (settings.RETENTION_YEARS_NOT_APPROVED) ArchivG NRW § 10 Abs. 4 applies: „Unterlagen, die
zur Aufgabenerfüllung nicht mehr benötigt werden, sind dem Archiv anzubieten.“ The software records the offer and
the archive's answer; it deletes nothing.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveStatus(models.TextChoices):
    DUE = "due", _("dem Archiv anzubieten")
    OFFERED = "offered", _("dem Archiv angeboten")
    TAKEN = "taken", _("vom Archiv übernommen")
    DECLINED = "declined", _("vom Archiv nicht übernommen (nicht archivwürdig)")


class ArchiveOffer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="archive_offer")
    due_on = models.DateField(_("Aufbewahrungsfrist endete am"))
    status = models.CharField(_("Stand"), max_length=10, choices=ArchiveStatus.choices, default=ArchiveStatus.DUE)
    listed_at = models.DateTimeField(_("Zur Anbietung vorgemerkt am"), auto_now_add=True)
    offered_at = models.DateTimeField(_("Angeboten am"), null=True, blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("Antwort des Archivs erfasst am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("Vermerk"), max_length=4000, blank=True)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("Anbietung an das Archiv")
        verbose_name_plural = _("Anbietungen an das Archiv")
        indexes = [models.Index(fields=["tenant", "status"])]

    def __str__(self) -> str:
        return f"{self.case} – {self.get_status_display()}"
