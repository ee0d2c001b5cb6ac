"""The original XPlanGML files under DOCUMENT_ROOT/<tenant id>/plans/<random name>.gml."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from django.conf import settings


def _path(tenant_id: object, storage_name: str) -> Path:
    if "/" in storage_name or "\\" in storage_name or storage_name.startswith("."):
        raise ValueError("invalid storage name")
    return Path(settings.DOCUMENT_ROOT) / str(tenant_id) / "plans" / storage_name


def write(tenant_id: object, data: bytes) -> str:
    """Write the file under a new random name (atomic via rename) and return that name."""
    storage_name = f"{uuid.uuid4().hex}.gml"
    target = _path(tenant_id, storage_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    tmp.rename(target)
    return storage_name


def read(tenant_id: object, storage_name: str) -> bytes:
    return _path(tenant_id, storage_name).read_bytes()


def path(tenant_id: object, storage_name: str) -> Path:
    return _path(tenant_id, storage_name)


def delete(tenant_id: object, storage_name: str) -> None:
    _path(tenant_id, storage_name).unlink(missing_ok=True)
