"""Background tasks of the case workflow."""

from __future__ import annotations

from celery import shared_task

from bauantrag.cases import precheck


@shared_task(acks_late=True, max_retries=3, default_retry_delay=5)
def run_precheck(check_run_id: str) -> None:
    precheck.execute(check_run_id)


@shared_task(acks_late=True)
def run_deadlines() -> dict[str, int]:
    """Reminders before and expiry after Nachforderung deadlines (idempotent; Celery beat runs it hourly)."""
    from bauantrag.cases import deadlines

    return deadlines.run_deadlines()
