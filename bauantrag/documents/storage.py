"""Local document storage under DOCUMENT_ROOT/<tenant>/<random name>."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings


def _path(tenant_id: object, storage_name: str) -> Path:
    if "/" in storage_name or storage_name.startswith("."):
        raise ValueError("invalid storage name")
    return Path(settings.DOCUMENT_ROOT) / str(tenant_id) / storage_name


def write(tenant_id: object, chunks: Iterable[bytes]) -> tuple[str, int, str]:
    """Write the chunks to a new random name; return (storage name, size, sha256). Atomic via rename."""
    storage_name = uuid.uuid4().hex
    target = _path(tenant_id, storage_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    digest = hashlib.sha256()
    size = 0
    with tmp.open("wb") as out:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    tmp.rename(target)
    return storage_name, size, digest.hexdigest()


def open_for_read(tenant_id: object, storage_name: str) -> object:
    return _path(tenant_id, storage_name).open("rb")


def delete(tenant_id: object, storage_name: str) -> None:
    _path(tenant_id, storage_name).unlink(missing_ok=True)
