"""The audit events of the case, its pre-check, Nachforderungen and decision (registered with the trail by
bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class CaseEvent(models.TextChoices):
    CASE_CREATED = "case.created", _("Antrag angelegt")
    CASE_UPDATED = "case.updated", _("Antragsdaten geändert")
    CASE_SUBMITTED = "case.submitted", _("Antrag eingereicht")
    CASE_RESUBMITTED = "case.resubmitted", _("Antrag nach Nachforderung erneut eingereicht")
    CASE_COMPLETE = "case.complete", _("Vollständigkeit bestätigt")
    DECISION_DUE_SET = "case.decision_due", _("Zeitpunkt der Entscheidung berechnet (§ 71 Abs. 6 BauO NRW)")
    CASE_ASSIGNED = "case.assigned", _("Zuständige Sachbearbeitung zugewiesen")
    VERFAHREN_36A_SET = "case.verfahren_36a", _("Einordnung nach § 36a BauGB festgelegt")
    CHECK_STARTED = "check.started", _("Automatische Vorprüfung gestartet")
    CHECK_FINISHED = "check.finished", _("Automatische Vorprüfung abgeschlossen")
    CHECK_FAILED = "check.failed", _("Automatische Vorprüfung fehlgeschlagen")
    CHECK_FINDINGS_REFRESHED = "check.findings_refreshed", _("Befunde aus den Bauvorlagen aktualisiert")
    FINDING_REVIEWED = "finding.reviewed", _("Befund bewertet")
    NACHFORDERUNG_SENT = "nachforderung.sent", _("Nachforderung versandt")
    NACHFORDERUNG_REMINDED = "nachforderung.reminded", _("An Nachforderung erinnert")
    NACHFORDERUNG_EXPIRED = "nachforderung.expired", _("Frist der Nachforderung abgelaufen")
    NACHFORDERUNG_EXTENDED = "nachforderung.extended", _("Frist der Nachforderung verlängert")
    CASE_APPROVED = "case.approved", _("Baugenehmigung erteilt")
    CASE_REFUSED = "case.refused", _("Antrag abgelehnt")
    CASE_WITHDRAWN = "case.withdrawn", _("Rücknahme erfasst")
    CASE_CLOSED = "case.closed", _("Vorgang abgeschlossen")


#: The applicant side sees these in the case's history; the clerk's internal steps stay in the Bauaufsicht.
register_events("cases", CaseEvent, applicant_visible=(
    CaseEvent.CASE_CREATED, CaseEvent.CASE_SUBMITTED, CaseEvent.CASE_RESUBMITTED, CaseEvent.CASE_COMPLETE,
    CaseEvent.CHECK_FINISHED, CaseEvent.CHECK_FAILED, CaseEvent.NACHFORDERUNG_SENT, CaseEvent.CASE_UPDATED,
    CaseEvent.DECISION_DUE_SET,
))
