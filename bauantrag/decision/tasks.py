"""Background work of the decision app."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def offer_to_archive() -> int:
    """List refused or withdrawn cases whose retention period ended for the offer to the archive (daily)."""
    from bauantrag.decision import retention

    return retention.list_due()
