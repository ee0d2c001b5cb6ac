"""Leases on background work, and the sweeper that takes up work whose worker died or whose task was never queued.

A row of background work (a pre-check run, a Bauvorlage whose text is read) keeps, besides its status, its *owner*
(``task_id``: the Celery task that may work on it) and its last *sign of life* (``heartbeat_at``: stored, started,
a page read). While the row is running and its heartbeat is younger than the lease, only its owner works on it; a
task with another id leaves it alone (``may_take_over``). A heartbeat older than the lease means a dead worker:
a ``kill -9``, a lost machine, the filesystem broker that deletes a message when it is fetched.

The sweeper (``sweep``; Celery beat runs it, ``manage.py requeue_stuck_work`` by hand) asks every registered
``Sweeper`` to queue again what is waiting or running with a heartbeat older than the lease. Re-queueing names a new
owner and renews the heartbeat, so a slow but living worker notices at its next step that it lost the work and stops,
and the next sweep does not queue the same row twice. The tasks are idempotent: a finished row is left alone.

A waiting row whose message still sits in a long queue (a backlog older than the lease) is queued a second time;
the duplicate costs one locked read when it arrives (the row is running or done by then). That is the price of
knowing nothing about the broker's queue: at most ``limit`` rows per kind and sweep, once per lease.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from bauantrag.registry import Registry


def default_lease() -> dt.timedelta:
    return dt.timedelta(seconds=float(settings.BACKGROUND_LEASE_SECONDS))


def may_take_over(owner: str, heartbeat: dt.datetime | None, me: str | None,
                  lease: dt.timedelta | None = None) -> bool:
    """Whether the task ``me`` may start on a row marked running by ``owner``.

    Yes for the owner itself (its message delivered again after its worker died, or its retry), for a call outside
    a task (``me`` None: the operator's command), and when the owner's heartbeat is older than the lease."""
    if me is None or owner == me or heartbeat is None:
        return True
    return heartbeat < timezone.now() - (lease or default_lease())


@dataclass(frozen=True)
class Sweeper:
    label: str  # German, plural: what was queued again ("Vorprüfungen")
    requeue: Callable[[dt.datetime, int], int]  # (heartbeat cutoff, limit) -> number of rows queued again


SWEEPERS: Registry[Sweeper] = Registry("celery.SWEEPERS")


def sweep(lease: dt.timedelta | None = None, limit: int = 500) -> dict[str, int]:
    """Queue again the work of every sweeper whose heartbeat is older than ``lease``; returns the counts by key."""
    cutoff = timezone.now() - (default_lease() if lease is None else lease)
    return {key: sweeper.requeue(cutoff, limit) for key, sweeper in SWEEPERS.items()}
