"""An OpenAI-compatible chat completion server on 127.0.0.1 in a thread, as the Kommune's language model."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role, Tenant, User
from tests.conftest import login
from tests.factories import UserFactory

ANSWER = "Neubau eines Einfamilienhauses in Unna [F3]; es fehlen Baubeschreibung und Flurkarte [F9]."


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def prompt(self) -> str:
        return "\n".join(m["content"] for m in self.json["messages"])


@dataclass
class FakeLlm:
    """mode: ok | sleep | status500 | invalid_json | not_chat | redirect | huge | drip."""

    port: int = 0
    mode: str = "ok"
    answer: str = ANSWER
    sleep: float = 3.0
    received: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _handler(fake: FakeLlm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str = "application/json", **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            fake.received.append(Received(self.path, dict(self.headers.items()), body))
            if fake.mode == "sleep":
                time.sleep(fake.sleep)
            if fake.mode == "status500":
                self._send(500, b'{"error": "model not loaded"}')
            elif fake.mode == "invalid_json":
                self._send(200, b"<html>kein JSON</html>", "text/html")
            elif fake.mode == "not_chat":
                self._send(200, b'{"secret": "interne Daten"}')
            elif fake.mode == "redirect":
                self._send(302, b"", Location="http://169.254.169.254/latest/meta-data/")
            elif fake.mode == "huge":
                content = "x" * (600 * 1024)
                self._send(200, json.dumps({"choices": [{"message": {"content": content}}]}).encode())
            elif fake.mode == "drip":  # headers arrive, then the body trickles in slower than the time limit
                answer = json.dumps({"choices": [{"message": {"role": "assistant", "content": fake.answer}}]})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                for char in answer:
                    self.wfile.write(char.encode())
                    self.wfile.flush()
                    time.sleep(0.05)
            else:
                answer = {"id": "chatcmpl-1", "object": "chat.completion", "model": "llama3.1:8b",
                          "choices": [{"index": 0, "finish_reason": "stop",
                                       "message": {"role": "assistant", "content": fake.answer}}]}  # fmt: skip
                self._send(200, json.dumps(answer).encode())

    return Handler


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    fake = FakeLlm()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def llm_allowed(settings: Any) -> None:
    settings.LLM_ALLOWED = True
    settings.LLM_ALLOWED_HOSTS = ()


@pytest.fixture
def tenant_admin(tenant: Tenant) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)


@pytest.fixture
def admin_client(tenant_admin: User) -> Client:
    return login(Client(), tenant_admin)


def enable_llm(tenant: Tenant, url: str, *, model: str = "llama3.1:8b", timeout: int = 20, key: str = "") -> None:
    """Switch the Kommune's language model on through the tenant administrator's action."""
    from bauantrag.assist.summary.settings_page import change_llm_settings

    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    values = {"llm_enabled": True, "llm_base_url": url, "llm_model": model, "llm_timeout_seconds": timeout}
    change_llm_settings(admin, tenant, values, new_key=key)
    tenant.refresh_from_db()
