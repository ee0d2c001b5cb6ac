"""A real SMTP server (aiosmtpd) on 127.0.0.1 that the tests start, and Django's SMTP backend pointed at it."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


class Inbox:
    """Collects every message the server accepts."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.refuse = False  # answer every recipient with a temporary error, as a full or greylisting server does

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refuse:
            return "451 4.3.0 Bitte spaeter erneut versuchen"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def raw(self, index: int) -> bytes:
        content = self.envelopes[index].original_content or b""
        return content if isinstance(content, bytes) else content.encode()

    def parsed(self, index: int) -> EmailMessage:
        message = message_from_bytes(self.raw(index), policy=policy.default)
        assert isinstance(message, EmailMessage)
        return message

    def subject(self, index: int) -> str:
        return str(self.parsed(index)["Subject"]).strip()  # Django folds the encoded subject onto a new line

    def everything(self, index: int) -> str:
        """Raw message, decoded headers and decoded text of all parts: where personal data might hide."""
        message = self.parsed(index)
        parts = [self.raw(index).decode("utf-8", errors="replace")]
        parts += [f"{name}: {value}" for name, value in message.items()]
        parts += [str(part.get_content()) for part in message.walk() if not part.is_multipart()]
        return "\n".join(parts)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server_factory(settings: Any) -> Iterator[Callable[[bool], SmtpServer]]:
    """Points Django at a free port; the server is started at once or later (to test a server that is down)."""
    servers: list[SmtpServer] = []

    def make(started: bool = True) -> SmtpServer:
        server = SmtpServer(free_port())
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        settings.DEFAULT_FROM_EMAIL = "Bauantrag Betrieb <betrieb@bauantrag.example>"
        settings.PUBLIC_URL = "https://bauantrag.kreis.example"
        servers.append(server)
        if started:
            server.start()
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def smtp_server(smtp_server_factory: Callable[[bool], SmtpServer]) -> SmtpServer:
    return smtp_server_factory(True)
