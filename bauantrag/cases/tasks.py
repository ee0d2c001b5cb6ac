"""Background tasks of the case workflow."""

from __future__ import annotations

from celery import shared_task

from bauantrag.cases import precheck


@shared_task(acks_late=True, max_retries=3, default_retry_delay=5)
def run_precheck(check_run_id: str) -> None:
    precheck.execute(check_run_id)
