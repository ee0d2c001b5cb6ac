"""What the assistance functions store: values read from a Bauvorlage, each with the place it came from."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractedField(models.TextChoices):
    FLURSTUECK = "flurstueck", _("Flurstück")
    GEMARKUNG = "gemarkung", _("Gemarkung")
    FLUR = "flur", _("Flur")
    BAUHERR = "bauherr", _("Bauherrschaft")
    ENTWURFSVERFASSER = "entwurfsverfasser", _("Entwurfsverfasser/in")
    KAMMER_NUMMER = "kammer_nummer", _("Kammer-Mitgliedsnummer")
    GEBAEUDEKLASSE = "gebaeudeklasse", _("Gebäudeklasse")
    VOLLGESCHOSSE = "vollgeschosse", _("Vollgeschosse")
    HOEHE_BAUO = "hoehe_bauo_m", _("Höhe nach § 2 Abs. 3 Satz 2 BauO NRW (m)")
    GEBAEUDEHOEHE = "gebaeudehoehe_m", _("Gebäudehöhe (m)")
    FIRSTHOEHE = "firsthoehe_m", _("Firsthöhe (m)")
    TRAUFHOEHE = "traufhoehe_m", _("Traufhöhe (m)")
    GRZ = "grz", _("Grundflächenzahl (GRZ)")
    GFZ = "gfz", _("Geschossflächenzahl (GFZ)")
    BRUTTO_RAUMINHALT = "brutto_rauminhalt_m3", _("Brutto-Rauminhalt (m³)")
    WOHNEINHEITEN = "wohneinheiten", _("Wohneinheiten")


class ExtractedValue(models.Model):
    """One value found in a Bauvorlage's text: page (1-based) and character span [start, end) of that page's text.

    Per document and field one value is ``chosen``; further distinct values found for the same field are kept as
    alternatives (a document that contradicts itself), figures given as the plan's permitted maximum too.
    Rows are replaced whenever the document's text is read again.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="extracted_values",
        verbose_name=_("Bauvorlage"),
    )
    field = models.CharField(_("Angabe"), max_length=30, choices=ExtractedField.choices)
    value = models.CharField(
        _("Wert"), max_length=200, help_text=_("Normalisiert: Zahlen mit Punkt als Dezimalzeichen")
    )
    raw = models.TextField(_("Fundstelle"), help_text=_("Der Text der Seite von start bis end"))
    page = models.PositiveIntegerField(_("Seite"))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    confidence = models.FloatField(_("Sicherheit"))
    rule = models.CharField(_("Regel"), max_length=80)
    chosen = models.BooleanField(
        _("Gewählter Wert"), default=True,
        help_text=_("Der Wert, der für das Dokument gilt; sonst eine abweichende Angabe im selben Dokument"),
    )
    doubt = models.CharField(
        _("Unsicher, weil"), max_length=200, blank=True,
        help_text=_("Leer: die Angabe gilt als sicher. Sonst der Grund, warum sie nur als „unsicher“ gezeigt wird "
                    "und keinen Befund auslöst"),
    )
    extractor_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-chosen", "field", "page", "start"]
        indexes = [models.Index(fields=["document", "field"], name="assist_extracted_doc_field")]
        verbose_name = _("Ausgelesener Wert")
        verbose_name_plural = _("Ausgelesene Werte")

    def __str__(self) -> str:
        return f"{self.field}={self.value} (S. {self.page})"

    @property
    def certain(self) -> bool:
        """A chosen value the extractor is sure of: only such values are compared with the form and summarised."""
        return self.chosen and not self.doubt

    @property
    def permitted(self) -> bool:
        """The plan's permitted figure as quoted in the document ("GRZ zulässig 0,4"), not the project's own."""
        return self.rule.endswith(".zulaessig")
