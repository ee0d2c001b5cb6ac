"""Every change to a case goes through here: permission, write, audit entry in one transaction,
side effects (background tasks) after commit. Views, API, admin and commands only call these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Tenant, User
from bauantrag.accounts.permissions import require_casework, require_verified_email
from bauantrag.audit.service import record
from bauantrag.cases import entscheidungsfrist, workflow
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import (
    Case,
    CheckRun,
    Finding,
    FindingReview,
    Nachforderung,
    Procedure,
    ReviewDecision,
    Vorhaben,
)
from bauantrag.cases.signals import case_event
from bauantrag.cases.vorhaben_fields import EDITABLE_FIELDS, REQUIRED_FOR_SUBMISSION, snapshot
from bauantrag.rules.calendar import completeness_deadline
from bauantrag.rules.fristen import legal_end


def _require_applicant_side(actor: User, case: Case | None = None) -> None:
    if not actor.is_applicant_side:
        raise PermissionDenied(_("Nur Antragsteller/innen und Entwurfsverfasser/innen können das."))
    if case is not None and actor.pk not in (case.applicant_id, case.designer_id):
        raise PermissionDenied(_("Sie sind an diesem Antrag nicht beteiligt."))


def _apply_fields(vorhaben: Vorhaben, data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unbekanntes Feld.") for name in sorted(unknown)})
    for name, value in data.items():
        setattr(vorhaben, name, value)
    vorhaben.full_clean(exclude=["case", "tenant"])
    return snapshot(vorhaben)


def _schedule_precheck(run: CheckRun) -> None:
    from bauantrag.cases.tasks import schedule_precheck

    schedule_precheck(str(run.pk))


@transaction.atomic
def create_application(actor: User, data: dict[str, Any]) -> Case:
    _require_applicant_side(actor)
    assert actor.tenant is not None
    case = Case.objects.create(
        tenant=actor.tenant, applicant=actor, designer=actor if actor.role == "designer" else None
    )
    vorhaben = Vorhaben(case=case, tenant=actor.tenant)
    after = _apply_fields(vorhaben, data)
    vorhaben.save()
    record(CaseEvent.CASE_CREATED, actor=actor, tenant=case.tenant, subject=case, case=case, after=after)
    return case


@transaction.atomic
def update_application(actor: User, case: Case, data: dict[str, Any]) -> Case:
    _require_applicant_side(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    workflow.require_open(case, _("Antrag ändern"))
    if case.state not in workflow.EDITABLE_STATES:
        raise workflow.TransitionNotAllowed(_("Der Antrag ist eingereicht und kann gerade nicht geändert werden."))
    vorhaben = case.vorhaben
    before = snapshot(vorhaben)
    after = _apply_fields(vorhaben, data)
    vorhaben.save()
    changed = {k for k in after if str(after[k]) != str(before[k])}
    if changed:
        record(
            CaseEvent.CASE_UPDATED, actor=actor, tenant=case.tenant, subject=case, case=case,
            before={k: before[k] for k in sorted(changed)}, after={k: after[k] for k in sorted(changed)},
        )
    return case


def _missing_for_submission(vorhaben: Vorhaben) -> dict[str, str]:
    return {
        name: _("Dieses Feld ist für die Einreichung erforderlich.")
        for name in REQUIRED_FOR_SUBMISSION
        if getattr(vorhaben, name) in (None, "")
    }


def _next_file_number(tenant: Tenant, year: int) -> str:
    Tenant.objects.select_for_update().get(pk=tenant.pk)  # serialise numbering per Kommune
    prefix = f"{tenant.file_number_prefix}-{year}-"
    last = (
        Case.objects.filter(tenant=tenant, file_number__startswith=prefix)
        .order_by("-file_number").values_list("file_number", flat=True).first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _start_round(case: Case, now: dt.datetime) -> CheckRun:
    case.round += 1
    case.last_submitted_at = now
    case.completeness_due = completeness_deadline(timezone.localdate(now))
    return CheckRun.objects.create(tenant=case.tenant, case=case, round=case.round)


@transaction.atomic
def submit(actor: User, case: Case) -> Case:
    _require_applicant_side(actor, case)
    require_verified_email(actor)  # a registration confirms its address before it submits (issue 13)
    case = Case.objects.select_for_update().get(pk=case.pk)
    missing = _missing_for_submission(case.vorhaben)
    if missing:
        raise ValidationError(missing)
    before, after = workflow.apply(case, workflow.SUBMIT, actor=actor)
    now = timezone.now()
    case.file_number = _next_file_number(case.tenant, timezone.localdate(now).year)
    case.submitted_at = now
    run = _start_round(case, now)
    case.save()
    record(
        CaseEvent.CASE_SUBMITTED, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"state": before}, after={"state": after, "file_number": case.file_number,
                                          "completeness_due": case.completeness_due},
    )
    _schedule_precheck(run)
    case_event.send(sender=Case, case=case, event=CaseEvent.CASE_SUBMITTED, actor=actor, obj=None)
    return case


@transaction.atomic
def resubmit(actor: User, case: Case) -> Case:
    _require_applicant_side(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    before, after = workflow.apply(case, workflow.RESUBMIT, actor=actor)
    now = timezone.now()
    run = _start_round(case, now)
    case.save()
    Nachforderung.objects.filter(case=case, answered_at__isnull=True).update(answered_at=now)
    record(
        CaseEvent.CASE_RESUBMITTED, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"state": before}, after={"state": after, "round": case.round,
                                          "completeness_due": case.completeness_due},
    )
    _schedule_precheck(run)
    case_event.send(sender=Case, case=case, event=CaseEvent.CASE_RESUBMITTED, actor=actor, obj=None)
    return case


@transaction.atomic
def review_finding(
    actor: User, finding: Finding, *, decision: str, status: str | None = None, reason: str = ""
) -> FindingReview:
    require_casework(actor, finding.check_run.case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=finding.check_run.case_id)
    workflow.require_open(case, _("Befund bewerten"))
    if decision not in ReviewDecision.values:
        raise ValidationError({"decision": _("Unbekannte Entscheidung.")})
    if decision == ReviewDecision.OVERRIDDEN:
        if not reason.strip():
            raise ValidationError({"reason": _("Bitte begründen Sie die abweichende Bewertung.")})
        if status not in ("pass", "fail", "needs_review") or status == finding.status:
            raise ValidationError({"status": _("Bitte wählen Sie eine vom Befund abweichende Bewertung.")})
    else:
        status = finding.status
    review = FindingReview.objects.create(
        tenant=case.tenant, finding=finding, decision=decision, status=status, reason=reason.strip(),
        reviewer=actor,
    )
    record(
        CaseEvent.FINDING_REVIEWED, actor=actor, tenant=case.tenant, subject=finding, case=case,
        before={"rule": finding.rule, "status": finding.status},
        after={"decision": decision, "status": status, "reason": review.reason},
    )
    return review


@transaction.atomic
def send_nachforderung(
    actor: User, case: Case, *, items: list[dict[str, str]], message: str, deadline: dt.date
) -> Nachforderung:
    require_casework(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    errors: dict[str, str] = {}
    clean_items = [
        {k: str(item.get(k, "")).strip()[:2000] for k in ("document_type", "title", "reason", "finding")}
        for item in items
    ]
    clean_items = [item for item in clean_items if item["title"] or item["reason"]]
    if not clean_items:
        errors["items"] = _("Bitte nennen Sie mindestens eine fehlende oder mangelhafte Unterlage.")
    if any(not item["reason"] for item in clean_items):
        errors["items"] = _("Bitte geben Sie zu jeder Unterlage den Grund an (§ 71 Abs. 1 Satz 2 BauO NRW).")
    if deadline <= timezone.localdate():
        errors["deadline"] = _("Die Frist muss in der Zukunft liegen.")
    if errors:
        raise ValidationError(errors)
    before, after = workflow.apply(case, workflow.SEND_NACHFORDERUNG, actor=actor)
    case.save()
    # § 31 Abs. 3 Satz 1 VwVfG NRW: a deadline set to a Saturday, Sunday or holiday ends on the next Werktag; the
    # stored (and written) deadline is that day.
    requested, deadline = deadline, legal_end(deadline)
    nachforderung = Nachforderung.objects.create(
        tenant=case.tenant, case=case, round=case.round, items=clean_items, message=message.strip(),
        deadline=deadline, created_by=actor,
    )
    record(
        CaseEvent.NACHFORDERUNG_SENT, actor=actor, tenant=case.tenant, subject=nachforderung, case=case,
        before={"state": before},
        after={"state": after, "items": clean_items, "deadline": deadline, "requested_deadline": requested,
               "message": nachforderung.message},
    )
    case_event.send(sender=Case, case=case, event=CaseEvent.NACHFORDERUNG_SENT, actor=actor, obj=nachforderung)
    return nachforderung


@transaction.atomic
def confirm_completeness(
    actor: User, case: Case, *, procedure: str | None = None, hearings_planned: bool = True
) -> Case:
    """Confirm that the Bauantrag and the Bauvorlagen are complete and compute the date by which the Bauaufsicht
    decides (§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW). procedure: the Verfahrensart the clerk determined (default:
    the latest pre-check's); hearings_planned: whether the Gemeinde or Stellen will be heard (§ 71 Abs. 2 Nr. 2)."""
    require_casework(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if procedure is not None and procedure not in Procedure.values:
        raise ValidationError({"procedure": _("Bitte wählen Sie eine Verfahrensart.")})
    before, after = workflow.apply(case, workflow.CONFIRM_COMPLETE, actor=actor)
    case.completed_at = timezone.now()
    case.decision_due_basis = {}
    case.save()
    record(
        CaseEvent.CASE_COMPLETE, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"state": before}, after={"state": after},
    )
    entscheidungsfrist.refresh(case, actor, procedure=procedure, hearings_planned=hearings_planned)
    case_event.send(sender=Case, case=case, event=CaseEvent.CASE_COMPLETE, actor=actor, obj=None)
    return case
