"""The audit key: a file outside the database (BAUANTRAG_AUDIT_KEY_FILE, default DATA_DIR/audit_key), created with
mode 0600 by the first process that needs it, like the secret key and the document key. Whoever can read the
database but not this file cannot re-seal a changed row or forge a checkpoint."""

from __future__ import annotations

import base64
import binascii
import functools
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bauantrag.secret_files import read_or_create


def decode_key(value: str, source: str) -> bytes:
    try:
        key = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(f"{source}: the audit key must be base64") from exc
    if len(key) < 32:
        raise ImproperlyConfigured(f"{source}: the audit key must be at least 32 bytes (base64 of 32 random bytes)")
    return key


def audit_key() -> bytes:
    return _file_key(str(settings.AUDIT_KEY_FILE))


@functools.lru_cache(maxsize=4)
def _file_key(path: str) -> bytes:
    """Read (or created) once per process."""
    return decode_key(read_or_create(Path(path), lambda: base64.b64encode(secrets.token_bytes(32)).decode()), path)
