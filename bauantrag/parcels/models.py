"""The Kommune's copy of the Liegenschaftskataster: Flurstücke imported from ALKIS (NAS) or GeoJSON files."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Parcel(models.Model):
    """One Flurstück. Geometry is stored as GeoJSON in EPSG:25832 (metres)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="parcels")
    kennzeichen = models.CharField(
        _("Flurstückskennzeichen"), max_length=20, help_text=_("20 Zeichen, z. B. 05329001100085______")
    )
    gemarkung_number = models.CharField(_("Gemarkungsnummer"), max_length=4)
    gemarkung_name = models.CharField(_("Gemarkung"), max_length=200, blank=True)
    flur = models.PositiveIntegerField(_("Flur"))
    zaehler = models.PositiveIntegerField(_("Zähler"))
    nenner = models.PositiveIntegerField(_("Nenner"), null=True, blank=True)
    area_m2 = models.FloatField(_("Fläche (m²)"), help_text=_("Amtliche Fläche, sonst aus der Geometrie berechnet"))
    official_area = models.BooleanField(_("Amtliche Fläche"), default=False)
    geometry = models.JSONField(_("Geometrie (GeoJSON, EPSG:25832)"))
    min_x = models.FloatField()
    min_y = models.FloatField()
    max_x = models.FloatField()
    max_y = models.FloatField()
    source_name = models.CharField(_("Quelldatei"), max_length=200)
    imported_at = models.DateTimeField(_("Übernommen am"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("Übernommen von"),
        help_text=_("Leer, wenn der Betrieb die Datei mit dem Verwaltungsbefehl import_parcels übernommen hat."),
    )

    class Meta:
        ordering = ["gemarkung_number", "flur", "zaehler", "nenner"]
        verbose_name = _("Flurstück")
        verbose_name_plural = _("Flurstücke")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "kennzeichen"], name="parcel_unique_kennzeichen_per_tenant")
        ]
        indexes = [
            models.Index(fields=["tenant", "min_x", "min_y"], name="parcel_tenant_bbox"),
            models.Index(fields=["tenant", "gemarkung_number", "flur", "zaehler"], name="parcel_tenant_number"),
        ]

    def __str__(self) -> str:
        return f"{self.gemarkung_name or self.gemarkung_number}, Flur {self.flur}, Flurstück {self.label}"

    @property
    def label(self) -> str:
        """The Flurstücksnummer as written: "85" or "85/2"."""
        return f"{self.zaehler}/{self.nenner}" if self.nenner is not None else str(self.zaehler)
