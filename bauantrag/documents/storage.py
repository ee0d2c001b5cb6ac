"""Local document storage under DOCUMENT_ROOT/<tenant>/<random name>, encrypted at rest (see crypto.py).

Files written before encryption was introduced have no header and are read as they are.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from bauantrag.documents.crypto import DecryptingReader, DocumentTampered, encrypt_chunks, is_encrypted

__all__ = ["DocumentTampered", "delete", "open_for_read", "write"]


def _path(tenant_id: object, storage_name: str) -> Path:
    if "/" in storage_name or "\\" in storage_name or storage_name.startswith(".") or not storage_name:
        raise ValueError("invalid storage name")
    return Path(settings.DOCUMENT_ROOT) / str(tenant_id) / storage_name


def write(tenant_id: object, chunks: Iterable[bytes], suffix: str = "") -> tuple[str, int, str]:
    """Encrypt the chunks into a new random name; return (storage name, plaintext size, plaintext sha256).

    Atomic via rename; memory stays at about one chunk whatever the file size.
    """
    storage_name = uuid.uuid4().hex + suffix
    target = _path(tenant_id, storage_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    size = 0

    def measured() -> Iterator[bytes]:
        nonlocal size
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            yield chunk

    try:
        with tmp.open("wb") as out:
            for block in encrypt_chunks(tenant_id, measured()):
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        tmp.rename(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return storage_name, size, digest.hexdigest()


def open_for_read(tenant_id: object, storage_name: str) -> BinaryIO:
    """A file object yielding the plaintext. Raises DocumentTampered (logged) before anything is served."""
    handle = _path(tenant_id, storage_name).open("rb")
    if not is_encrypted(handle):
        return handle  # written before encryption at rest
    try:
        reader = DecryptingReader(tenant_id, handle, f"{tenant_id}/{storage_name}")
        reader.verify()
    except BaseException:
        handle.close()
        raise
    return reader  # type: ignore[return-value]


def delete(tenant_id: object, storage_name: str) -> None:
    _path(tenant_id, storage_name).unlink(missing_ok=True)
