"""A broker that is down, for the tests of what survives an outage of the queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bauantrag.celery import app as celery_app


def _forget_connections() -> None:
    """The app keeps one connection pool to the broker; drop it so the next task goes to the configured URL."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker_down() -> Iterator[None]:
    """Tasks go to a Redis that is not there (nothing listens on the discard port 9), as in an outage."""
    conf = celery_app.conf
    saved = (conf.broker_url, conf.task_always_eager)
    conf.broker_url, conf.task_always_eager = "redis://127.0.0.1:9/0", False
    _forget_connections()
    yield
    conf.broker_url, conf.task_always_eager = saved
    _forget_connections()
