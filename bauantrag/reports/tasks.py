"""Background work of the statistics: computing a period's figures anew after status changes (queries.py)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def refresh_figures(user_id: int, first: str, last: str) -> None:
    from django.core.cache import cache

    from bauantrag.accounts.models import User
    from bauantrag.reports.periods import Period, parse_month
    from bauantrag.reports.queries import compute_figures, figures_key

    user = User.objects.get(pk=user_id)
    period = Period(parse_month(first), parse_month(last))
    try:
        compute_figures(user, period)
    finally:
        cache.delete(f"{figures_key(user, period)}:refreshing")
