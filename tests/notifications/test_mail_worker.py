"""A real Celery worker on Redis sends the mail to the real SMTP server, retrying while the server is down."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from bauantrag.cases import actions
from bauantrag.celery import app as celery_app
from bauantrag.notifications.models import NotificationLog, NotificationStatus
from tests.factories import VALID_VORHABEN, UserFactory
from tests.notifications.conftest import SmtpServer

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mail_worker(tmp_path: Path, smtp_server_factory: Callable[[bool], SmtpServer]) -> Iterator[SmtpServer]:
    """A worker process configured by environment variables, as in production; the SMTP server not yet started."""
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.fail("worker tests need BAUANTRAG_BROKER_URL=redis://… (scripts/test.sh sets it)")
    if connection.vendor != "postgresql":
        pytest.fail("worker tests need PostgreSQL (BAUANTRAG_DATABASE_URL=postgres://…)")
    server = smtp_server_factory(False)
    db = connection.settings_dict
    env = {
        **os.environ,
        "BAUANTRAG_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "BAUANTRAG_BROKER_URL": settings.CELERY_BROKER_URL,
        "BAUANTRAG_DATA_DIR": str(tmp_path / "worker-data"),
        "BAUANTRAG_SMTP_HOST": "127.0.0.1",
        "BAUANTRAG_SMTP_PORT": str(server.port),
        "BAUANTRAG_SMTP_STARTTLS": "false",
        "BAUANTRAG_PUBLIC_URL": "https://bauantrag.kreis.example",
    }
    log = tmp_path / "worker.log"
    celery_app.connection_for_write().default_channel.client.flushdb()  # no tasks left by earlier runs
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "bauantrag", "worker", "--pool=solo", "--loglevel=warning",
         "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    server.worker_log = log  # type: ignore[attr-defined]
    yield server
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for_status(server: SmtpServer, status: str, timeout: float = 60) -> NotificationLog:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = NotificationLog.objects.first()
        if log is not None and log.status == status:
            return log
        time.sleep(0.2)
    said = server.worker_log.read_text(errors="replace")  # type: ignore[attr-defined]
    raise AssertionError(f"no notification with status {status} within {timeout} s; worker said:\n{said}")


def test_the_worker_retries_while_the_server_is_down_and_then_sends_once(mail_worker: SmtpServer) -> None:
    celery_app.conf.task_always_eager = False
    applicant = UserFactory()
    applicant.tenant.mail_sender = "Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>"
    applicant.tenant.save()
    case = actions.create_application(applicant, VALID_VORHABEN)
    actions.submit(applicant, case)  # commits; the sending task goes to Redis after commit

    log = _wait_for_status(mail_worker, NotificationStatus.RETRYING)
    assert "ConnectionRefusedError" in log.last_error
    mail_worker.start()
    log = _wait_for_status(mail_worker, NotificationStatus.SENT)
    assert log.attempts >= 2
    time.sleep(3)  # a duplicate would arrive now
    assert len(mail_worker.inbox.envelopes) == 1
    case.refresh_from_db()
    mail = mail_worker.inbox.parsed(0)
    assert mail["From"] == "Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>"
    assert case.file_number in mail_worker.inbox.subject(0)
    assert f"https://bauantrag.kreis.example/antraege/{case.pk}/" in mail_worker.inbox.everything(0)
