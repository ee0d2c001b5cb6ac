"""The periodic sweeper task (Celery beat, every few minutes; see bauantrag.celery.leases)."""

from __future__ import annotations

from celery import shared_task

from bauantrag.celery import leases


@shared_task(acks_late=True, ignore_result=True)
def sweep_stuck_work() -> dict[str, int]:
    return leases.sweep()
