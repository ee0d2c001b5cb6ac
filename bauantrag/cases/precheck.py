"""Runs the legal check engine on a case and stores the findings (called by the background task)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from bauantrag.audit.service import record
from bauantrag.cases import document_findings
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CheckRun, CheckRunStatus, Finding, Vorhaben
from bauantrag.cases.site import site_plan_of
from bauantrag.cases.vorhaben_fields import CONTACT_FIELDS, snapshot
from bauantrag.celery import leases
from bauantrag.celery.queueing import TRANSIENT_DB_ERRORS, new_task_id
from bauantrag.rules import model as rules_model
from bauantrag.rules.engine import run_precheck

if TYPE_CHECKING:
    from bauantrag.accounts.models import Tenant
    from bauantrag.documents.models import Document
    from bauantrag.plans.models import Bebauungsplan as PlanRecord
    from bauantrag.rules.planning.plan import Bebauungsplan
    from bauantrag.rules.planning.project import SitePlan

logger = logging.getLogger(__name__)

_ADDRESS = ("street", "house_number", "postal_code", "city")
_PARCEL = ("gemarkung", "flur", "flurstueck")
_NOT_RULE_INPUT = {"bauherr_name", "site", *CONTACT_FIELDS, *_ADDRESS, *_PARCEL}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if value == "":
        return None
    return value


def rules_input(vorhaben: Vorhaben, documents: list[Document]) -> rules_model.Vorhaben:
    data = {k: _plain(v) for k, v in snapshot(vorhaben).items() if k not in _NOT_RULE_INPUT}
    return rules_model.Vorhaben(
        **data,
        address={k: getattr(vorhaben, k) for k in _ADDRESS},
        parcel={k: getattr(vorhaben, k) for k in _PARCEL},
        documents=tuple(rules_model.DocumentRef(type_code=d.document_type, name=d.display_name) for d in documents),
    )


def submitted_on(case: Case) -> dt.date | None:
    """The day of the application (Antragstellung) in German local time: it decides the Fassung of the BauO NRW
    (§ 90 Abs. 4). A resubmission after a Nachforderung continues the same application."""
    return timezone.localdate(case.submitted_at) if case.submitted_at else None


def applicable_plans(tenant: Tenant, site: SitePlan) -> tuple[PlanRecord | None, tuple[Bebauungsplan, ...]]:
    """The Kommune's plans at the site (with the changes they name) and the entry of the one in force there (the
    rules choose it the same way and answer „bitte prüfen“ where that is unclear; then the entry the buildings
    overlap most is returned for the map)."""
    from shapely.ops import unary_union

    from bauantrag.plans.register import plans_for_check
    from bauantrag.rules.planning.plan_choice import choose_plan

    found = plans_for_check(tenant, unary_union([b.footprint for b in site.buildings]))
    if not found:
        return None, ()
    plans = tuple(plan for _record, plan in found)
    main = unary_union([b.footprint for b in site.buildings if b.is_main])
    chosen = choose_plan(plans, main).plan if not main.is_empty else None
    record = next((record for record, plan in found if plan is chosen), found[0][0])
    return record, plans


def applicable_plan(tenant: Tenant, site: SitePlan) -> tuple[PlanRecord | None, Bebauungsplan | None]:
    """The entry and plan of ``applicable_plans`` (for the map)."""
    from bauantrag.plans.register import parsed_plan

    record, _plans = applicable_plans(tenant, site)
    return record, parsed_plan(record) if record is not None else None


def _claim(check_run_id: str, task_id: str | None) -> CheckRun | None:
    """Mark the run as running for this task, or None: it is finished, or another living task runs it."""
    with transaction.atomic():
        run = CheckRun.objects.select_for_update(of=("self",)).select_related("case__vorhaben", "tenant").get(
            pk=check_run_id
        )
        if run.status in (CheckRunStatus.DONE, CheckRunStatus.FAILED):
            return None
        if run.status == CheckRunStatus.RUNNING and not leases.may_take_over(run.task_id, run.heartbeat_at, task_id):
            return None
        run.status = CheckRunStatus.RUNNING
        run.started_at = run.heartbeat_at = timezone.now()
        run.task_id = task_id or new_task_id()
        run.save(update_fields=["status", "started_at", "heartbeat_at", "task_id"])
    return run


def _still_owned(run: CheckRun) -> bool:
    """Inside a transaction: lock the run; False if the sweeper gave it to another task meanwhile."""
    current = CheckRun.objects.select_for_update().filter(pk=run.pk).values_list("status", "task_id").first()
    return current == (CheckRunStatus.RUNNING, run.task_id)


def execute(check_run_id: str, task_id: str | None = None) -> None:
    """Idempotent: a finished run is left alone, so a redelivered task does no harm. ``task_id``: the Celery task
    running this (its lease, see bauantrag.celery.leases); None when called outside a task.

    A transient database error is raised as it is, leaving the run marked as running for the task's retry (or the
    sweeper); any other error fails the run."""
    run = _claim(check_run_id, task_id)
    if run is None:
        return
    case = run.case
    documents = list(case.documents.bauvorlagen().filter(round__lte=run.round).order_by("uploaded_at"))
    vorhaben = replace(rules_input(case.vorhaben, documents), submitted_on=submitted_on(case))
    plan_record = None
    try:
        site = site_plan_of(case.vorhaben.site)
        if site is None:
            result = run_precheck(vorhaben)
        else:
            plan_record, plans = applicable_plans(run.tenant, site)
            result = run_precheck(vorhaben, plan=plans, site=site)
    except TRANSIENT_DB_ERRORS:
        raise
    except Exception as exc:
        logger.exception("pre-check failed for run %s", check_run_id)
        with transaction.atomic():
            if not _still_owned(run):
                return
            run.status = CheckRunStatus.FAILED
            run.error = f"{type(exc).__name__}: {exc}"
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "error", "finished_at"])
            record(CaseEvent.CHECK_FAILED, actor=None, tenant=run.tenant, subject=run, case=case,
                   after={"error": run.error})
        raise
    payload = result.to_dict()
    payload["findings"] = payload["findings"] + document_findings.collect(case, documents)
    with transaction.atomic():
        if not _still_owned(run):
            return  # the sweeper handed the run to another task: that one stores the findings
        run.findings.all().delete()
        Finding.objects.bulk_create(
            Finding(
                tenant=run.tenant, check_run=run, position=i, rule=f["rule"], status=f["status"],
                legal_basis=f["legal_basis"], message=f["message"], evidence=f["evidence"],
                law_version=f.get("law_version", ""), review_note=f.get("review_note", ""),
            )
            for i, f in enumerate(payload["findings"])
        )
        document_findings.carry_over_reviews(run)
        run.status = CheckRunStatus.DONE
        run.plan = plan_record
        run.ruleset_version = payload["ruleset_version"]
        run.procedure = payload["procedure"] or ""
        run.building_class = payload["building_class"]
        run.law = payload.get("law") or None
        run.input = {
            "vorhaben": {k: _plain(v) for k, v in snapshot(case.vorhaben).items()},
            "documents": [d.document_type for d in documents],
        }
        run.finished_at = timezone.now()
        run.save()
        statuses = [f["status"] for f in payload["findings"]]
        summary = {s: statuses.count(s) for s in ("pass", "fail", "needs_review")}
        record(
            CaseEvent.CHECK_FINISHED, actor=None, tenant=run.tenant, subject=run, case=case,
            after={"round": run.round, "procedure": run.procedure, "building_class": run.building_class,
                   "ruleset_version": run.ruleset_version, **summary,
                   **({"plan": plan_record.name} if plan_record else {})},
        )
