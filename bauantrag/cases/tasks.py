"""Background tasks of the case workflow."""

from __future__ import annotations

import datetime as dt

from celery import Task, shared_task
from django.db import transaction
from django.utils import timezone

from bauantrag.cases import precheck
from bauantrag.celery.queueing import TRANSIENT_DB_RETRY, enqueue_on_commit, new_task_id


@shared_task(bind=True, acks_late=True, **TRANSIENT_DB_RETRY)
def run_precheck(self: Task[[str], None], check_run_id: str) -> None:
    precheck.execute(check_run_id, task_id=self.request.id)


@shared_task(acks_late=True)
def run_deadlines() -> dict[str, int]:
    """Reminders before and expiry after Nachforderung deadlines (idempotent; Celery beat runs it hourly)."""
    from bauantrag.cases import deadlines

    return deadlines.run_deadlines()


def schedule_precheck(check_run_id: str) -> None:
    """Queue the pre-check after the commit; while the broker is down the run stays waiting for the sweeper."""
    enqueue_on_commit(run_precheck, check_run_id)


def requeue_stale_prechecks(cutoff: dt.datetime, limit: int) -> int:
    """The sweeper's part for pre-checks (bauantrag.celery.leases): queue again the runs waiting or running whose
    last sign of life is older than ``cutoff``, each under a new owner."""
    from bauantrag.cases.models import CheckRun, CheckRunStatus

    with transaction.atomic():
        runs = list(
            CheckRun.objects.select_for_update(skip_locked=True)
            .filter(status__in=(CheckRunStatus.PENDING, CheckRunStatus.RUNNING), heartbeat_at__lt=cutoff)
            .order_by("heartbeat_at").values_list("pk", flat=True)[:limit]
        )
        now = timezone.now()
        for pk in runs:
            task_id = new_task_id()
            CheckRun.objects.filter(pk=pk).update(task_id=task_id, heartbeat_at=now)
            enqueue_on_commit(run_precheck, str(pk), task_id=task_id)
    return len(runs)
