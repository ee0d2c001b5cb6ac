"""Neighbours and the public in the procedure (§ 72 BauO NRW): the neighbours of a case with the clerk's judgement
whether their public-law interests are affected, their consent, the notification and its period, their
Einwendungen, the Zustellung of the Baugenehmigung, and the Bekanntmachungen. Personal data of third parties:
only the Bauaufsicht sees it (never the applicant side)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Affected(models.TextChoices):
    OPEN = "offen", _("zu prüfen")
    YES = "ja", _("Belange können berührt sein – zu benachrichtigen")
    NO = "nein", _("nicht berührt – keine Benachrichtigung")


class Source(models.TextChoices):
    REGISTER = "register", _("aus dem Flurstücksregister")
    MANUAL = "manual", _("von Hand erfasst")


class ConsentKind(models.TextChoices):
    SIGNATURE = "unterschrift", _("Lageplan und Bauzeichnungen unterschrieben")
    OTHER = "sonstige", _("auf andere Weise zugestimmt")


class Anrede(models.TextChoices):
    NONE = "", _("keine Angabe")
    FRAU = "frau", _("Frau")
    HERR = "herr", _("Herr")


class Neighbour(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="neighbours")
    name = models.CharField(_("Name"), max_length=200, blank=True,
                            help_text=_("Eigentümerin oder Eigentümer des angrenzenden Grundstücks"))
    anrede = models.CharField(_("Anrede"), max_length=10, choices=Anrede.choices, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    flurstueck = models.CharField(_("Flurstück"), max_length=200, blank=True,
                                  help_text=_("z. B. „Gemarkung Unna, Flur 7, Flurstück 124“"))
    parcel = models.ForeignKey("parcels.Parcel", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source = models.CharField(_("Herkunft"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    affected = models.CharField(_("Öffentlich-rechtlich geschützte Belange berührt?"), max_length=10,
                                choices=Affected.choices, default=Affected.OPEN)
    affected_reason = models.CharField(_("Begründung der Einschätzung"), max_length=1000, blank=True)
    consent_on = models.DateField(_("Zugestimmt am"), null=True, blank=True)
    consent_kind = models.CharField(_("Art der Zustimmung"), max_length=20, choices=ConsentKind.choices, blank=True)
    consent_note = models.CharField(_("Vermerk zur Zustimmung"), max_length=1000, blank=True)
    notification_letter = models.ForeignKey("correspondence.Letter", on_delete=models.PROTECT, null=True,
                                            blank=True, related_name="+")
    notified_on = models.DateField(_("Benachrichtigung zugegangen am"), null=True, blank=True)
    objection_deadline = models.DateField(_("Einwendungsfrist bis"), null=True, blank=True)
    deadline_basis = models.CharField(max_length=300, blank=True)
    deadline_note = models.TextField(blank=True, help_text=_("Was an der Frist zu prüfen ist"))
    decision_letter = models.ForeignKey("correspondence.Letter", on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")
    decision_served_on = models.DateField(_("Baugenehmigung zugestellt am"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("Nachbarin / Nachbar")
        verbose_name_plural = _("Nachbarinnen und Nachbarn")

    def __str__(self) -> str:
        return self.name or self.flurstueck or str(self.pk)

    def address_lines(self) -> list[str]:
        return [line for line in (self.street.strip(), f"{self.postal_code} {self.city}".strip()) if line]

    @property
    def consented(self) -> bool:
        return self.consent_on is not None

    @property
    def to_notify(self) -> bool:
        """§ 72 Abs. 1 Satz 1, Abs. 2 Satz 1: affected in the clerk's judgement and no consent."""
        return self.affected == Affected.YES and not self.consented

    @property
    def addressable(self) -> bool:
        return bool(self.name.strip() and self.street.strip() and self.city.strip())


class ObjectionForm(models.TextChoices):
    TEXT = "textform", _("in Textform")
    MINUTES = "niederschrift", _("zur Niederschrift")


class Objection(models.Model):
    """An Einwendung of a neighbour (§ 72 Abs. 1 Satz 3 BauO NRW), as it came in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    neighbour = models.ForeignKey(Neighbour, on_delete=models.CASCADE, related_name="objections")
    received_on = models.DateField(_("Eingegangen am"))
    form = models.CharField(_("Form"), max_length=20, choices=ObjectionForm.choices, default=ObjectionForm.TEXT)
    text = models.TextField(_("Inhalt der Einwendung"), max_length=20_000)
    late = models.BooleanField(_("nach Ablauf der Frist eingegangen"), default=False)
    file_name = models.CharField(_("Datei"), max_length=255, blank=True)
    file_storage_name = models.CharField(max_length=80, blank=True, editable=False)
    file_sha256 = models.CharField(_("SHA-256 der Datei"), max_length=64, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_content_type = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "recorded_at"]
        verbose_name = _("Einwendung")
        verbose_name_plural = _("Einwendungen")

    def __str__(self) -> str:
        return f"Einwendung vom {self.received_on:%d.%m.%Y}"


class NoticeKind(models.TextChoices):
    VORHABEN = "vorhaben", _("Bekanntmachung des Vorhabens (§ 72 Abs. 3 bis 5 BauO NRW)")
    BESCHEID = "bescheid", _("Bekanntmachung der Baugenehmigung statt Zustellung (§ 72 Abs. 6 BauO NRW)")


class PublicNotice(models.Model):
    """An öffentliche Bekanntmachung with its dates, the text as a letter of the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="public_notices")
    kind = models.CharField(_("Art"), max_length=10, choices=NoticeKind.choices)
    published_on = models.DateField(_("Bekannt gemacht am"))
    published_in = models.CharField(
        _("Veröffentlicht in"), max_length=300,
        help_text=_("Amtliches Veröffentlichungsblatt und Internet oder örtliche Tageszeitung (§ 72 Abs. 3 Satz 1)"),
    )
    inspection_place = models.CharField(_("Ort und Zeit der Einsicht"), max_length=300)
    display_from = models.DateField(_("Auslegung ab"))
    display_until = models.DateField(_("Auslegung bis"))
    objections_until = models.DateField(_("Einwendungen bis"), null=True, blank=True)
    legal_basis = models.CharField(max_length=200)
    note = models.TextField(blank=True, help_text=_("Was an den Fristen zu prüfen ist"))
    letter = models.ForeignKey("correspondence.Letter", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["published_on", "recorded_at"]
        verbose_name = _("Öffentliche Bekanntmachung")
        verbose_name_plural = _("Öffentliche Bekanntmachungen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} vom {self.published_on:%d.%m.%Y}"
