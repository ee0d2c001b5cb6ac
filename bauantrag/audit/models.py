"""The audit trail: every action, who, when, what, before and after, hash-chained per Kommune.

The event codes are declared by the apps that write them (audit/events.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    chain = models.CharField(max_length=64, help_text=_("Kette: UUID der Kommune oder „platform“"))
    seq = models.PositiveBigIntegerField()
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, null=True, blank=True)
    created_at = models.DateTimeField()
    event = models.CharField(max_length=40, help_text=_("Code des Ereignisses, von der schreibenden App erklärt"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    actor_label = models.CharField(max_length=200, blank=True)
    subject_type = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=64)
    # The case the event belongs to, as a plain reference (no foreign key: the trail sits below the apps that
    # write it, and a row must stay readable and verifiable whatever happens to the case).
    case_id = models.UUIDField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    message = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # 1: unkeyed SHA-256 over some columns (rows written before the chain was keyed, kept as they are);
    # 2: HMAC with the audit key over every column (audit/chain.py).
    hash_version = models.PositiveSmallIntegerField(default=2)

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
            "tenant_id": str(self.tenant_id) if self.tenant_id else None,
            "actor_id": str(self.actor_id) if self.actor_id else None,
            "hash_version": self.hash_version,
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
