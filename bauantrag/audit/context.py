"""One id per user action: the request (audit.middleware) or the background task (audit.apps) sets it, and every
audit row written while it runs carries it. Work started outside both (a management command, the shell) gets one
id per recorded event."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

_current: ContextVar[str] = ContextVar("audit_request_id", default="")


def new_id() -> str:
    return uuid.uuid4().hex


def current_request_id() -> str:
    return _current.get()


@contextmanager
def request_id(value: str) -> Iterator[str]:
    """Every audit row recorded inside the block carries ``value`` (at most 64 characters)."""
    token = _current.set(value[:64])
    try:
        yield value[:64]
    finally:
        _current.reset(token)


_task_tokens: dict[str, Token[str]] = {}


def task_started(task_id: str | None = None, **_kwargs: object) -> None:
    """celery.signals.task_prerun: the task's rows carry its task id."""
    if task_id:
        _task_tokens[task_id] = _current.set(task_id.replace("-", "")[:64])


def task_finished(task_id: str | None = None, **_kwargs: object) -> None:
    """celery.signals.task_postrun."""
    token = _task_tokens.pop(task_id or "", None)
    if token is not None:
        _current.reset(token)


_deferred: ContextVar[list[Callable[[], object]] | None] = ContextVar("audit_deferred", default=None)


@contextmanager
def deferring() -> Iterator[list[Callable[[], object]]]:
    """Collect the writes `defer` hands in while the block runs (a request: audit.middleware runs them after it)."""
    writes: list[Callable[[], object]] = []
    token = _deferred.set(writes)
    try:
        yield writes
    finally:
        _deferred.reset(token)


def defer(write: Callable[[], object]) -> bool:
    """Queue `write` to run after the request; False if no request collects (the caller decides what then)."""
    writes = _deferred.get()
    if writes is None:
        return False
    writes.append(write)
    return True
