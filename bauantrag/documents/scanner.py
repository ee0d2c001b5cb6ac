"""A tiny clamd client: INSTREAM over TCP or a unix socket, with a timeout. Fails closed."""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings


class ScannerUnavailable(Exception):
    """clamd is configured but did not give a clear answer (down, timeout, protocol error)."""


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    signature: str = ""


def configured() -> bool:
    return bool(settings.DOCUMENT_CLAMD)


def _connect(url: str, timeout: float) -> socket.socket:
    parsed = urlparse(url)
    if parsed.scheme == "tcp" and parsed.hostname and parsed.port:
        return socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
    if parsed.scheme == "unix" and parsed.path:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(parsed.path)
        except OSError:
            sock.close()
            raise
        return sock
    raise ScannerUnavailable(f"BAUANTRAG_CLAMD: unsupported address {url!r}")


def scan(chunks: Iterable[bytes]) -> ScanResult:
    """Stream the bytes to clamd. Raises ScannerUnavailable on any failure to get a verdict."""
    timeout = float(settings.DOCUMENT_CLAMD_TIMEOUT)
    try:
        with _connect(settings.DOCUMENT_CLAMD, timeout) as sock:
            sock.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), 65536):
                    piece = chunk[start: start + 65536]
                    sock.sendall(struct.pack("!L", len(piece)) + piece)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0") and len(reply) < 4096:
                data = sock.recv(4096)
                if not data:
                    break
                reply += data
    except (OSError, TimeoutError) as exc:
        raise ScannerUnavailable(str(exc)) from exc
    text = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if text.endswith(": OK"):
        return ScanResult(clean=True)
    if text.endswith(" FOUND"):
        signature = text.split(":", 1)[-1].strip().removesuffix(" FOUND").strip()
        return ScanResult(clean=False, signature=signature[:120])
    raise ScannerUnavailable(f"unexpected clamd reply {text[:200]!r}")
