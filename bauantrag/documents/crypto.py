"""Encryption at rest: AES-256-GCM in 1 MiB chunks with a per-tenant key derived from the master key.

File format (version 1):
    header  = MAGIC (8 bytes) | version (1) | chunk size (4, big endian) | file id (16 random bytes)
    records = nonce (12) | ciphertext of one plaintext chunk + GCM tag (16), repeated
Each record's associated data is the header, the chunk index (8 bytes) and a final flag (1 byte), so chunks
cannot be swapped, reordered, moved between files, or dropped at the end without the check failing.
An empty file still has one (empty, final) record.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import io
import logging
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bauantrag.secret_files import read_or_create

logger = logging.getLogger("bauantrag.documents")

MAGIC = b"BAUENC\x00\x01"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
HEADER_SIZE = len(MAGIC) + 1 + 4 + 16
NONCE_SIZE = 12
TAG_SIZE = 16


class DocumentTampered(Exception):
    """The stored file fails its authentication check: damaged or altered. It must not be served."""


def _decode_key(value: str) -> bytes:
    try:
        key = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured("BAUANTRAG_DOCUMENT_KEY must be base64") from exc
    if len(key) != 32:
        raise ImproperlyConfigured("BAUANTRAG_DOCUMENT_KEY must be 32 bytes (base64 of 32 random bytes)")
    return key


def master_key() -> bytes:
    """BAUANTRAG_DOCUMENT_KEY, or the key file (created with mode 0600 on first use, like the secret key)."""
    if settings.DOCUMENT_KEY:
        return _decode_key(settings.DOCUMENT_KEY)
    return _file_key(str(settings.DOCUMENT_KEY_FILE))


@functools.lru_cache(maxsize=8)
def _file_key(path: str) -> bytes:
    """The key file read (or created) once per process, not on every encryption and decryption."""
    return _decode_key(read_or_create(Path(path), lambda: base64.b64encode(secrets.token_bytes(32)).decode()))


@functools.lru_cache(maxsize=256)
def _derive(master: bytes, tenant_id: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"bauantrag-documents-v1",
                info=b"tenant:" + tenant_id.encode())
    return hkdf.derive(master)


def tenant_key(tenant_id: object) -> AESGCM:
    return AESGCM(_derive(master_key(), str(tenant_id)))


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def encrypt_chunks(tenant_id: object, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The encrypted file as a stream of byte strings; re-chunks the input to CHUNK_SIZE."""
    aes = tenant_key(tenant_id)
    header = MAGIC + struct.pack(">BI", VERSION, CHUNK_SIZE) + secrets.token_bytes(16)
    yield header
    index = 0
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        while len(pending) > CHUNK_SIZE:  # keep at least one byte back: the final record comes last
            yield _seal(aes, header, index, bytes(pending[:CHUNK_SIZE]), final=False)
            del pending[:CHUNK_SIZE]
            index += 1
    yield _seal(aes, header, index, bytes(pending), final=True)


def _seal(aes: AESGCM, header: bytes, index: int, plain: bytes, *, final: bool) -> bytes:
    nonce = secrets.token_bytes(NONCE_SIZE)
    return nonce + aes.encrypt(nonce, plain, _aad(header, index, final))


def is_encrypted(handle: BinaryIO) -> bool:
    start = handle.tell()
    head = handle.read(len(MAGIC))
    handle.seek(start)
    return head == MAGIC


class DecryptingReader(io.RawIOBase):
    """A read-only file object yielding the plaintext of an encrypted file, one chunk in memory at a time."""

    def __init__(self, tenant_id: object, handle: BinaryIO, label: str) -> None:
        self._aes = tenant_key(tenant_id)
        self._handle = handle
        self._label = label
        self._size = os.fstat(handle.fileno()).st_size
        handle.seek(0)
        self._header = handle.read(HEADER_SIZE)
        if len(self._header) != HEADER_SIZE or self._header[: len(MAGIC)] != MAGIC:
            self._fail("header")
        version, self._chunk = struct.unpack(">BI", self._header[len(MAGIC): len(MAGIC) + 5])
        if version != VERSION or not 0 < self._chunk <= 16 * CHUNK_SIZE:
            self._fail("header")
        self._index = 0
        self._buffer = b""
        self._done = False

    def _fail(self, where: str) -> None:
        logger.error("Document %s failed its integrity check (%s); not served.", self._label, where)
        raise DocumentTampered(f"document {self._label} failed its integrity check ({where})")

    def _next_chunk(self) -> bytes:
        record = self._handle.read(NONCE_SIZE + self._chunk + TAG_SIZE)
        final = self._handle.tell() >= self._size
        if len(record) < NONCE_SIZE + TAG_SIZE:
            self._fail(f"chunk {self._index} truncated")
        try:
            plain = self._aes.decrypt(record[:NONCE_SIZE], record[NONCE_SIZE:],
                                      _aad(self._header, self._index, final))
        except InvalidTag:
            self._fail(f"chunk {self._index}")
        self._index += 1
        self._done = final
        return plain

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            self._buffer = self._next_chunk()
        count = min(len(buffer), len(self._buffer))
        buffer[:count] = self._buffer[:count]
        self._buffer = self._buffer[count:]
        return count

    def verify(self, sha256: str | None) -> None:
        """Authenticate every chunk (discarding the plaintext) and compare the plaintext's SHA-256 with the stored
        one (None: no hash stored), then rewind. The hash catches another file of the same Kommune put in place
        of this one, which decrypts fine."""
        digest = hashlib.sha256()
        while not self._done:
            digest.update(self._next_chunk())
        if sha256 is not None and not hmac.compare_digest(digest.hexdigest(), sha256.lower()):
            self._fail("SHA-256 differs from the stored one")
        self.rewind()

    def rewind(self) -> None:
        self._handle.seek(HEADER_SIZE)
        self._index, self._buffer, self._done = 0, b"", False

    def close(self) -> None:
        self._handle.close()
        super().close()
