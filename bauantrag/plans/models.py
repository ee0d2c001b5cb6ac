"""The register of Bebauungspläne of a Kommune: the original XPlanGML file, its summary and its geometry.

A file may hold several plans (a plan with its Änderungen, a WFS download): each becomes one entry; the entries
of one file share the stored file and differ in ``position`` (the plan's place in the file).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Bebauungsplan(models.Model):
    """One imported XPlanGML plan. Geometry is stored as GeoJSON in EPSG:25832 (metres)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="plans")
    name = models.CharField(_("Name"), max_length=300)
    number = models.CharField(_("Nummer"), max_length=100, blank=True)
    gemeinde = models.CharField(_("Gemeinde"), max_length=200, blank=True)
    ags = models.CharField(_("Amtlicher Gemeindeschlüssel"), max_length=20, blank=True)
    xplan_version = models.CharField(_("XPlanGML-Version"), max_length=10)
    source_crs = models.CharField(
        _("Koordinatenreferenzsystem der Datei"), max_length=200,
        help_text=_("Wie in der Datei angegeben; gespeichert wird die Geometrie in EPSG:25832."),
    )
    legal_status = models.CharField(
        _("Rechtsstand"), max_length=20, blank=True, help_text=_("Schlüssel BP_Rechtsstand, z. B. 4000 in Kraft")
    )
    in_force_date = models.DateField(_("In Kraft seit"), null=True, blank=True)
    baunvo_version = models.CharField(_("BauNVO-Fassung"), max_length=100, blank=True)
    plan_kind = models.JSONField(_("Planart"), default=list, help_text=_("Schlüssel BP_PlanArt"))
    display_name = models.CharField(_("Dateiname"), max_length=200)
    storage_name = models.CharField(max_length=80, editable=False)
    position = models.PositiveSmallIntegerField(
        _("Nr. des Plans in der Datei"), default=0, help_text=_("0 für den ersten Plan der Datei")
    )
    size = models.PositiveBigIntegerField(_("Dateigröße"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    summary = models.JSONField(_("Zusammenfassung"), help_text=_("plan_summary() der Datei"))
    geltungsbereich = models.JSONField(_("Geltungsbereich (GeoJSON)"), null=True, blank=True)
    features = models.JSONField(
        _("Planinhalte (GeoJSON)"),
        help_text=_("Baugebietsteilflächen, überbaubare Flächen, Baugrenzen und Baulinien als FeatureCollection"),
    )
    min_x = models.FloatField(null=True, blank=True)
    min_y = models.FloatField(null=True, blank=True)
    max_x = models.FloatField(null=True, blank=True)
    max_y = models.FloatField(null=True, blank=True)
    imported_at = models.DateTimeField(_("Übernommen am"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("Übernommen von"),
        help_text=_("Leer, wenn der Betrieb den Plan mit dem Verwaltungsbefehl import_plan übernommen hat."),
    )

    class Meta:
        ordering = ["name", "imported_at"]
        verbose_name = _("Bebauungsplan")
        verbose_name_plural = _("Bebauungspläne")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "sha256", "position"], name="plan_unique_plan_per_file_tenant")
        ]
        indexes = [models.Index(fields=["tenant", "min_x", "min_y"], name="plan_tenant_bbox")]

    def __str__(self) -> str:
        return self.name
