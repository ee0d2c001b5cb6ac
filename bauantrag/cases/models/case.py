"""The case (Vorgang) of one Bauantrag and its explicit states."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("Eingegangen – in Vollständigkeitsprüfung")
    NACHFORDERUNG = "nachforderung", _("Nachforderung offen")
    COMPLETE = "complete", _("Vollständig")
    APPROVED = "approved", _("Genehmigt")
    REFUSED = "refused", _("Abgelehnt")
    WITHDRAWN = "withdrawn", _("Zurückgenommen")


#: States in which the case is closed: no uploads, no changes, no further transitions.
CLOSED_STATES = frozenset({CaseState.APPROVED, CaseState.REFUSED, CaseState.WITHDRAWN})


class Decision(models.TextChoices):
    """How the procedure ended (set together with the closed state)."""

    APPROVED = "approved", _("Baugenehmigung erteilt")
    REFUSED = "refused", _("Bauantrag abgelehnt")
    WITHDRAWN = "withdrawn", _("Rücknahme durch die Bauherrschaft")
    WITHDRAWN_FICTITIOUS = "withdrawn_fictitious", _(
        "Gilt als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW, Frist der Nachforderung abgelaufen)"
    )


class Procedure(models.TextChoices):
    VERFAHRENSFREI = "verfahrensfrei", _("Verfahrensfrei (§ 62 BauO NRW)")
    GENEHMIGUNGSFREISTELLUNG = "genehmigungsfreistellung", _("Genehmigungsfreistellung (§ 63 BauO NRW)")
    VEREINFACHT = "vereinfachtes_verfahren", _("Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)")
    BAUGENEHMIGUNG = "baugenehmigungsverfahren", _("Baugenehmigungsverfahren (§ 65 BauO NRW)")


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="cases")
    file_number = models.CharField(_("Aktenzeichen"), max_length=40, blank=True)
    state = models.CharField(_("Status"), max_length=20, choices=CaseState.choices, default=CaseState.DRAFT)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases_as_applicant",
        verbose_name=_("Antragsteller/in"),
    )
    designer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="cases_as_designer", verbose_name=_("Entwurfsverfasser/in"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_cases",
        verbose_name=_("Zuständige Sachbearbeitung"),
        help_text=_("Wer den Vorgang bearbeitet (ein Konto der Sachbearbeitung derselben Kommune); leer = nicht "
                    "zugewiesen"),
    )
    round = models.PositiveSmallIntegerField(
        _("Einreichungsrunde"), default=0,
        help_text=_("0 = Entwurf, 1 = erste Einreichung, 2 = nach erster Nachforderung …"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("Eingang"), null=True, blank=True)
    last_submitted_at = models.DateTimeField(_("Letzte Einreichung"), null=True, blank=True)
    completeness_due = models.DateField(
        _("Frist Vollständigkeitsprüfung"), null=True, blank=True,
        help_text=_("Zehn Arbeitstage nach Eingang (§ 71 Abs. 1 Satz 1 BauO NRW), NRW-Feiertage nicht mitgezählt."),
    )
    completed_at = models.DateTimeField(_("Vollständig seit"), null=True, blank=True)
    decision_due = models.DateField(
        _("Entscheidung bis"), null=True, blank=True,
        help_text=_("Zeitpunkt der Entscheidung nach § 71 Abs. 6 BauO NRW, der Bauherrschaft mit der "
                    "Vollständigkeit mitgeteilt (§ 71 Abs. 2 Nr. 1); neu berechnet, wenn sich die Anhörung ändert"),
    )
    decision_due_basis = models.JSONField(
        _("Berechnung der Entscheidungsfrist"), default=dict, blank=True,
        help_text=_("Verfahrensart, Beginn und Grund, Rechtsgrundlage und offene Punkte („zu prüfen“)"),
    )
    verfahren_36a = models.BooleanField(
        _("Zustimmung der Gemeinde nach § 36a BauGB"), default=False,
        help_text=_("Vorhaben nach § 31 Abs. 3 oder § 34 Abs. 3b BauGB: Die Zustimmung gilt als erteilt, wenn sie "
                    "nicht binnen drei Monaten verweigert wird (§ 36a Abs. 1 Satz 4 BauGB). Die Einordnung "
                    "entscheidet die Sachbearbeitung."),
    )
    verfahren_36a_reason = models.TextField(
        _("Begründung der Einordnung nach § 36a BauGB"), max_length=2000, blank=True
    )
    decision = models.CharField(
        _("Ergebnis des Verfahrens"), max_length=30, choices=Decision.choices, blank=True,
        help_text=_("Genehmigung, Ablehnung oder Rücknahme; leer, solange der Vorgang offen ist"),
    )
    decided_at = models.DateTimeField(
        _("Entschieden am"), null=True, blank=True,
        help_text=_("Versand des Bescheids bzw. Erfassung der Rücknahme"),
    )
    decision_reason = models.TextField(
        _("Begründung"), max_length=20000, blank=True,
        help_text=_("Ablehnungsgründe bzw. Angaben zur Rücknahme (Erklärung der Bauherrschaft oder Fristablauf)"),
    )
    decision_conditions = models.JSONField(
        _("Nebenbestimmungen"), default=list, blank=True,
        help_text=_("Nebenbestimmungen der Baugenehmigung (Auflagen, Bedingungen, Hinweise) als Liste von Texten"),
    )
    decision_letter_id = models.UUIDField(
        null=True, blank=True, help_text=_("Das Schreiben (Bescheid bzw. Bestätigung der Rücknahme)"),
    )
    running_due = models.DateField(
        _("Laufende Frist"), null=True, blank=True, editable=False,
        help_text=_("Früheste laufende Frist des offenen Vorgangs, nach der der Eingangskorb sortiert "
                    "(cases/running_due.py); leer bei Entwürfen und abgeschlossenen Vorgängen"),
    )
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, blank=True)
    retention_until = models.DateField(
        _("Aufbewahren bis"), null=True, blank=True,
        help_text=_("Ende der Aufbewahrungsfrist: Jahresende des Abschlussjahres plus die eingestellte Zahl Jahre; "
                    "leer bei genehmigten Vorhaben (aufzubewahren, solange die Anlage besteht, § 74 Abs. 5 Satz 3 BauO "
                    "NRW) und bei offenen Vorgängen"),
    )

    class Meta:
        verbose_name = _("Vorgang")
        verbose_name_plural = _("Vorgänge")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "file_number"], condition=~models.Q(file_number=""),
                name="case_unique_file_number_per_tenant",
            )
        ]
        indexes = [
            models.Index(fields=["tenant", "state", "completeness_due"]),
            # the API list (newest first, /api/v1/applications/): its first page without sorting every case
            models.Index(fields=["tenant", "-created_at", "id"], name="case_tenant_newest_first"),
            # the clerk's queue: its order (running deadline, then as before) read from the index page by page
            # (open cases only: the condition is the queue's own filter, so PostgreSQL proves it applies)
            models.Index(fields=["tenant", "running_due", "completeness_due", "submitted_at", "id"],
                         name="case_queue_running_due",
                         condition=~models.Q(state="draft")
                         & ~models.Q(state__in=["approved", "refused", "withdrawn"])),
            # the queue's "Mir zugewiesen" view: the same order within one assignee
            models.Index(fields=["tenant", "assignee", "running_due", "completeness_due", "submitted_at", "id"],
                         name="case_queue_assignee_due",
                         condition=~models.Q(state="draft")
                         & ~models.Q(state__in=["approved", "refused", "withdrawn"])
                         & models.Q(assignee__isnull=False)),
            # "Nicht zugewiesen": PostgreSQL does not read "assignee IS NULL" as a fixed index column (the order
            # would need a sort), so the unassigned open cases have their own partial index
            models.Index(fields=["tenant", "running_due", "completeness_due", "submitted_at", "id"],
                         name="case_queue_unassigned_due",
                         condition=~models.Q(state="draft")
                         & ~models.Q(state__in=["approved", "refused", "withdrawn"])
                         & models.Q(assignee__isnull=True)),
        ]

    def __str__(self) -> str:
        return self.file_number or f"Entwurf {str(self.pk)[:8]}"

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES
