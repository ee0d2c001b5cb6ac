"""Queueing background work so that an outage of the broker never undoes or hides a committed action.

Every action that starts background work stores it first as a row marked as waiting (a pre-check run, a Bauvorlage
whose text is still to be read) and queues the task after the commit through ``enqueue_on_commit``. If the broker
cannot take the task, the error is logged and the row stays waiting: the action has committed and answers normally,
and the sweeper (``bauantrag.celery.leases``, run by Celery beat) queues the work again later.

Tasks that touch the database retry a transient database error (a lost connection, a deadlock or serialization
failure) with growing pauses: ``TRANSIENT_DB_RETRY`` is spread into their ``shared_task(...)`` options.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError, transaction

logger = logging.getLogger("bauantrag.tasks")

# Django wraps psycopg's errors: a dropped connection, a deadlock (40P01) and a serialization failure (40001) all
# arrive as OperationalError; a connection closed under the worker's feet as InterfaceError.
TRANSIENT_DB_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)

TRANSIENT_DB_RETRY: dict[str, Any] = {
    "autoretry_for": TRANSIENT_DB_ERRORS,
    "retry_backoff": 2,  # 2 s, 4 s, 8 s … with jitter, at most a minute
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 8,  # after that the work stays marked as running and the sweeper takes it up after its lease
}


def new_task_id() -> str:
    """The id a task will carry, chosen before queueing so the row can name its owner (see leases)."""
    return str(uuid.uuid4())


def enqueue(task: Any, *args: Any, task_id: str | None = None) -> bool:
    """Queue ``task(*args)`` now. False (logged) if the broker did not take it; the caller's row stays waiting."""
    try:
        task.apply_async(args=args, task_id=task_id)
    except Exception:  # the broker's errors differ by transport (kombu, redis, OSError); all mean "not queued"
        logger.warning("Broker unavailable: %s%s not queued; the sweeper queues it later", task.name, args,
                       exc_info=True)
        return False
    return True


def enqueue_on_commit(task: Any, *args: Any, task_id: str | None = None) -> None:
    """Queue ``task(*args)`` once the current transaction has committed; never raises into the committed action."""
    transaction.on_commit(_enqueuer(task, args, task_id))


def _enqueuer(task: Any, args: tuple[Any, ...], task_id: str | None) -> Callable[[], None]:
    def enqueue_after_commit() -> None:
        enqueue(task, *args, task_id=task_id)

    return enqueue_after_commit
