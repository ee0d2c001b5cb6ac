"""Real files and a real clamd protocol peer for the upload tests, built in code."""

from __future__ import annotations

import io
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pikepdf
from django.conf import settings
from django.test import Client

from bauantrag.documents.models import Document

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
API = "/api/v1"
DANGEROUS_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFiles", "/EF", "/XFA", "/RichMediaContent"}
DANGEROUS_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/URI", "/ImportData", "/GoToR"}


def stored_files() -> list[Path]:
    root = Path(settings.DOCUMENT_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def nothing_stored() -> bool:
    return Document.objects.count() == 0 and stored_files() == []


def upload(client: Client, case: Any, name: str, content: bytes, document_type: str = "1803") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(f"{API}/applications/{case.pk}/documents/",
                       {"file": SimpleUploadedFile(name, content), "document_type": document_type})


def save(pdf: pikepdf.Pdf, **options: Any) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def raw_pdf(catalog_extra: bytes) -> bytes:
    """A hand-written PDF (correct xref) whose catalog carries extra entries exactly as given."""
    stream = b"BT /F1 12 Tf 72 720 Td (Lageplan) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def active_parts(data: bytes) -> tuple[set[str], set[str]]:
    """Independent check: all dictionary keys and all /S action types anywhere in the file."""
    keys: set[str] = set()
    actions: set[str] = set()

    def walk(obj: Any, depth: int = 0) -> None:
        if depth > 50:
            return
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            keys.update(obj.keys())
            if isinstance(obj.get("/S"), pikepdf.Name):
                actions.add(str(obj.get("/S")))
            for key in list(obj.keys()):
                walk(obj[key], depth + 1)
        elif isinstance(obj, pikepdf.Array):
            for item in obj:
                walk(item, depth + 1)

    with pikepdf.open(io.BytesIO(data)) as pdf:
        walk(pdf.trailer)
        for obj in pdf.objects:
            walk(obj)
        attachments = len(pdf.attachments)
    if attachments:
        keys.add("attachments")
    return keys, actions


class _Clamd(socketserver.BaseRequestHandler):
    server: Any

    def handle(self) -> None:
        sock: socket.socket = self.request
        if self.server.mode == "hang":
            time.sleep(3)
            return
        command = b""
        while not command.endswith(b"\0"):
            command += sock.recv(1)
        assert command == b"zINSTREAM\0"
        data = bytearray()
        while True:
            size = struct.unpack("!L", _exact(sock, 4))[0]
            if size == 0:
                break
            data += _exact(sock, size)
        self.server.received.append(bytes(data))
        found = EICAR in data
        sock.sendall(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")


def _exact(sock: socket.socket, size: int) -> bytes:
    out = b""
    while len(out) < size:
        piece = sock.recv(size - len(out))
        if not piece:
            raise ConnectionError("client closed")
        out += piece
    return out


@contextmanager
def fake_clamd(mode: str = "normal") -> Iterator[Any]:
    """A clamd speaking the real INSTREAM protocol on 127.0.0.1; yields the server (received streams)."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Clamd)
    server.daemon_threads = True
    server.mode = mode  # type: ignore[attr-defined]
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
