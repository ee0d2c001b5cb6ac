"""Local document storage under DOCUMENT_ROOT/<tenant>/<random name>, encrypted at rest (see crypto.py).

A file is only handed out after its authenticated decryption and its SHA-256 check passed. A file without the
encryption header (a plaintext put in place of the ciphertext) is refused: no Kommune's data is kept unencrypted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from bauantrag.audit.alerts import alert_operator
from bauantrag.documents.crypto import DecryptingReader, DocumentTampered, encrypt_chunks, is_encrypted

__all__ = ["DocumentTampered", "delete", "open_for_read", "write"]

logger = logging.getLogger("bauantrag.documents")


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


def open_for_read(tenant_id: object, storage_name: str, sha256: str | None) -> BinaryIO:
    """A file object yielding the plaintext, whose SHA-256 must be ``sha256`` (the value stored when it was written;
    None only where none was stored). Raises DocumentTampered (logged as an error) before anything is served."""
    label = f"{tenant_id}/{storage_name}"
    handle = _path(tenant_id, storage_name).open("rb")
    try:
        if not is_encrypted(handle):
            logger.error("Document %s is not encrypted (a plain file in place of the ciphertext); not served.", label)
            raise DocumentTampered(f"document {label} is not encrypted")
        reader = DecryptingReader(tenant_id, handle, label)
        reader.verify(sha256)
    except DocumentTampered as exc:
        handle.close()
        alert_operator(f"Datei der Kommune {tenant_id} verändert",
                       f"Die gespeicherte Datei {label} hat die Integritätsprüfung nicht bestanden ({exc}) und wird "
                       "nicht ausgeliefert. Bitte die Ablage prüfen und die Datei aus der Sicherung wiederherstellen.",
                       key=label)
        raise
    except BaseException:
        handle.close()
        raise
    return reader  # type: ignore[return-value]


def delete(tenant_id: object, storage_name: str) -> None:
    _path(tenant_id, storage_name).unlink(missing_ok=True)
