from __future__ import annotations

from celery import shared_task

from bauantrag.audit.anchor import anchor_chains


@shared_task(ignore_result=True)
def anchor_audit_chains() -> int:
    """Periodic (celery beat): checkpoints of the audit chains outside the database. Returns how many were written."""
    written, _changed = anchor_chains()
    return len(written)
