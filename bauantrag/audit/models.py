"""The audit trail: every action, who, when, what, before and after, hash-chained per Kommune."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    CASE_CREATED = "case.created", _("Antrag angelegt")
    CASE_UPDATED = "case.updated", _("Antragsdaten geändert")
    CASE_SUBMITTED = "case.submitted", _("Antrag eingereicht")
    CASE_RESUBMITTED = "case.resubmitted", _("Antrag nach Nachforderung erneut eingereicht")
    CASE_COMPLETE = "case.complete", _("Vollständigkeit bestätigt")
    CHECK_STARTED = "check.started", _("Automatische Vorprüfung gestartet")
    CHECK_FINISHED = "check.finished", _("Automatische Vorprüfung abgeschlossen")
    CHECK_FAILED = "check.failed", _("Automatische Vorprüfung fehlgeschlagen")
    FINDING_REVIEWED = "finding.reviewed", _("Befund bewertet")
    NACHFORDERUNG_SENT = "nachforderung.sent", _("Nachforderung versandt")
    DOCUMENT_UPLOADED = "document.uploaded", _("Bauvorlage hochgeladen")
    DOCUMENT_REJECTED = "document.rejected", _("Upload abgelehnt")
    ACCESS_DENIED = "access.denied", _("Zugriff verweigert")
    ACCOUNT_REGISTERED = "account.registered", _("Konto angelegt")
    PLAN_IMPORTED = "plan.imported", _("Bebauungsplan übernommen")
    PLAN_REJECTED = "plan.rejected", _("Bebauungsplan abgelehnt")
    PARCELS_IMPORTED = "parcels.imported", _("Flurstücke übernommen")
    TENANT_SETTINGS_CHANGED = "tenant.settings_changed", _("Einstellungen der Kommune geändert")
    DOCUMENT_TEXT_READ = "document.text_read", _("Text der Bauvorlage gelesen")
    DOCUMENT_TEXT_FAILED = "document.text_failed", _("Texterkennung fehlgeschlagen")
    DOCUMENT_CLASSIFIED = "document.classified", _("Art der Bauvorlage erkannt")
    DOCUMENT_DAMAGED = "document.damaged", _("Gespeicherte Datei beschädigt")
    VALUES_EXTRACTED = "document.values_extracted", _("Angaben aus Bauvorlage ausgelesen")
    SUMMARY_CREATED = "summary.created", _("Zusammenfassung erstellt")
    MESSAGE_SENT = "message.sent", _("Nachricht gesendet")
    LETTER_DRAFTED = "letter.drafted", _("Schreiben entworfen")
    LETTER_SENT = "letter.sent", _("Schreiben versandt")
    BETEILIGUNG_SENT = "beteiligung.sent", _("Fachstelle beteiligt")
    BETEILIGUNG_WITHDRAWN = "beteiligung.withdrawn", _("Beteiligung zurückgenommen")
    STELLUNGNAHME_SUBMITTED = "stellungnahme.submitted", _("Stellungnahme abgegeben")
    FACHSTELLE_CHANGED = "fachstelle.changed", _("Verzeichnis der Fachstellen geändert")
    NACHFORDERUNG_REMINDED = "nachforderung.reminded", _("An Nachforderung erinnert")
    NACHFORDERUNG_EXPIRED = "nachforderung.expired", _("Frist der Nachforderung abgelaufen")
    NACHFORDERUNG_EXTENDED = "nachforderung.extended", _("Frist der Nachforderung verlängert")
    CASE_APPROVED = "case.approved", _("Baugenehmigung erteilt")
    CASE_REFUSED = "case.refused", _("Antrag abgelehnt")
    CASE_WITHDRAWN = "case.withdrawn", _("Rücknahme erfasst")
    CASE_CLOSED = "case.closed", _("Vorgang abgeschlossen")
    REPORT_EXPORTED = "report.exported", _("Statistik exportiert")


class AuditEvent(models.Model):
    chain = models.CharField(max_length=64, help_text=_("Kette: UUID der Kommune oder „platform“"))
    seq = models.PositiveBigIntegerField()
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, null=True, blank=True)
    created_at = models.DateTimeField()
    event = models.CharField(max_length=40, choices=Event.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    actor_label = models.CharField(max_length=200, blank=True)
    subject_type = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=64)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    message = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["chain", "seq"]
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_unique_seq_per_chain")]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokolleinträge")

    def __str__(self) -> str:
        return f"{self.chain}#{self.seq} {self.event}"

    def as_record(self) -> dict[str, Any]:
        return {
            "chain": self.chain,
            "seq": self.seq,
            "created_at": self.created_at.isoformat(),
            "event": self.event,
            "actor": self.actor_label,
            "subject_type": self.subject_type,
            "subject_id": self.subject_id,
            "case_id": str(self.case_id) if self.case_id else None,
            "before": self.before,
            "after": self.after,
            "message": self.message,
            "request_id": self.request_id,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }
