"""Runs of the automatic pre-check and their findings; the clerk's review sits beside a finding."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models.case import Case


class CheckRunStatus(models.TextChoices):
    PENDING = "pending", _("Wartet")
    RUNNING = "running", _("Läuft")
    DONE = "done", _("Abgeschlossen")
    FAILED = "failed", _("Fehlgeschlagen")


class CheckRun(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="check_runs")
    round = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=CheckRunStatus.choices, default=CheckRunStatus.PENDING)
    ruleset_version = models.CharField(max_length=40, blank=True)
    procedure = models.CharField(max_length=30, blank=True)
    building_class = models.PositiveSmallIntegerField(null=True, blank=True)
    plan = models.ForeignKey(
        "plans.Bebauungsplan", on_delete=models.PROTECT, null=True, blank=True, related_name="check_runs",
        verbose_name=_("Bebauungsplan"), help_text=_("Der Plan aus dem Planregister, gegen den geprüft wurde"),
    )
    input = models.JSONField(null=True, blank=True, help_text=_("Die geprüften Daten, wie sie der Prüfung vorlagen"))
    law = models.JSONField(
        null=True, blank=True,
        help_text=_("Die maßgebenden und die angewandten Gesetzesfassungen (Tag der Antragstellung, § 90 Abs. 4)"),
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The lease of the background work (bauantrag.celery.leases): the task that may run it, its last sign of life.
    task_id = models.CharField(max_length=36, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "round"], name="checkrun_one_per_round")]
        indexes = [  # the sweeper's question: which unfinished runs gave no sign of life for a while
            models.Index(fields=["heartbeat_at"], name="checkrun_unfinished",
                         condition=models.Q(status__in=["pending", "running"])),
        ]

    def __str__(self) -> str:
        return f"Vorprüfung {self.case_id} Runde {self.round}"


class FindingStatus(models.TextChoices):
    PASS = "pass", _("erfüllt")
    FAIL = "fail", _("nicht erfüllt")
    NEEDS_REVIEW = "needs_review", _("zu prüfen")


class Finding(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    check_run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveSmallIntegerField()
    rule = models.CharField(max_length=80)
    status = models.CharField(max_length=15, choices=FindingStatus.choices)
    legal_basis = models.CharField(max_length=200)
    message = models.TextField()
    evidence = models.JSONField(default=dict)
    law_version = models.CharField(max_length=200, blank=True)
    review_note = models.TextField(
        blank=True,
        help_text=_("Rechtliche Einschränkung für die Sachbearbeitung; Antragstellenden nicht gezeigt"),
    )

    class Meta:
        ordering = ["check_run", "position"]

    def __str__(self) -> str:
        return f"{self.rule}: {self.status}"


class ReviewDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("bestätigt")
    OVERRIDDEN = "overridden", _("abweichend bewertet")


class FindingReview(models.Model):
    """The clerk's judgement of a finding, stored beside it and never over it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=12, choices=ReviewDecision.choices)
    status = models.CharField(
        max_length=15, choices=FindingStatus.choices, help_text=_("Bewertung der Sachbearbeitung")
    )
    reason = models.TextField(max_length=4000, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    carried_over_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to",
        help_text=_("Die Bewertung derselben Feststellung aus der vorigen Runde, deren Nachweis unverändert ist"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.status})"

    @property
    def carried_over_from_round(self) -> int | None:
        source = self.carried_over_from
        return source.finding.check_run.round if source is not None else None
