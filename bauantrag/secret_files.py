"""Secrets kept in a file that the first process to need them creates (the secret key, the document master key).

Several processes start at once (gunicorn workers, Celery workers, parallel test workers). The file must appear
complete or not at all: it is written under a temporary name and then hard-linked to its final name, which fails
if another process got there first; every process then reads the one file that won. Pure Python, no Django.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make_secret: Callable[[], str]) -> str:
    """The secret stored at `path`, created (mode 0600) with `make_secret()` when the file does not exist yet."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _publish(path, make_secret())
    return path.read_text().strip()


def _publish(path: Path, secret: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(secret + "\n")
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):  # another process published its secret first: use that one
            os.link(temporary, path)
    finally:
        temporary.unlink()
