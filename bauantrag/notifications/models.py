"""The record of every notification e-mail: what was sent to whom, when, and how often it was tried."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationEvent(models.TextChoices):
    SUBMITTED = "submitted", _("Eingangsbestätigung")
    RESUBMITTED = "resubmitted", _("Bestätigung der erneuten Einreichung")
    NACHFORDERUNG = "nachforderung", _("Nachforderung")
    COMPLETE = "complete", _("Vollständigkeitsbestätigung")
    MESSAGE = "message", _("Neue Nachricht im Postfach")
    LETTER = "letter", _("Neues Schreiben der Bauaufsicht")
    REMINDER = "reminder", _("Erinnerung an eine Frist")
    DECISION = "decision", _("Entscheidung über den Antrag")
    BETEILIGUNG = "beteiligung", _("Bitte um Stellungnahme")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Wartet auf Versand")
    RETRYING = "retrying", _("Fehlgeschlagen – neuer Versuch folgt")
    SENT = "sent", _("Versandt")
    FAILED = "failed", _("Endgültig fehlgeschlagen")


class NotificationLog(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="notifications")
    event = models.CharField(_("Anlass"), max_length=20, choices=NotificationEvent.choices)
    round = models.PositiveSmallIntegerField(_("Einreichungsrunde"), default=0)
    recipient = models.EmailField(_("Empfänger/in"))
    status = models.CharField(
        _("Status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    link_path = models.CharField(
        _("Link"), max_length=300, blank=True,
        help_text=_("Pfad der Seite, auf die die E-Mail verweist; leer: der Antrag im Portal"),
    )
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Versandt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["tenant", "status"])]

    def __str__(self) -> str:
        return f"{self.get_event_display()} → {self.recipient}"
