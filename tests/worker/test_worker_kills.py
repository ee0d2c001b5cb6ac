"""Nothing is lost when the worker is killed mid-task, again and again (kill -9 of its main process, as a crash).

Each round starts a worker, waits until it works on a pre-check or a Bauvorlage, lets it go on for up to a second
(and, where that pause ended between two tasks, until the next one has begun), kills its main process with SIGKILL
and then what is left of its process group (as systemd does before a restart).
The killed tasks stay unacknowledged in Redis (their visibility timeout is hours), so only the sweeper brings them
back: whenever the queue is drained it queues again what is unfinished, as Celery beat would (with a lease of
seconds instead of minutes), until every pre-check is done and every Bauvorlage read.

BAUANTRAG_FAULT_KILLS sets the number of kills (10 here; `make bench-kills` runs 100 and prints the figures).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from bauantrag.cases import actions
from bauantrag.cases.models import CheckRun, CheckRunStatus
from bauantrag.celery import app as celery_app
from bauantrag.celery.leases import sweep
from bauantrag.documents import crypto
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document, TextStatus
from tests.documents.textfiles import text_pdf
from tests.factories import VALID_VORHABEN, UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("BAUANTRAG_FAULT_KILLS", "10"))
PAGES = 12
DOCUMENTS_PER_CASE = 2
LEASE = dt.timedelta(seconds=10)  # the test's sweeper: work silent for 10 s belongs to a dead worker


class Worker:
    """A real Celery worker (prefork, concurrency 2) in its own process group, restartable."""

    def __init__(self, tmp_path: Path) -> None:
        db = connection.settings_dict
        self.env = {
            **os.environ,
            "BAUANTRAG_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
            "BAUANTRAG_BROKER_URL": settings.CELERY_BROKER_URL,
            "BAUANTRAG_DATA_DIR": str(tmp_path / "worker-data"),
            "BAUANTRAG_DOCUMENT_ROOT": str(settings.DOCUMENT_ROOT),
            "BAUANTRAG_DOCUMENT_KEY": base64.b64encode(crypto.master_key()).decode(),
            "BAUANTRAG_TEXT_PAGE_TIMEOUT": "2",
            "BAUANTRAG_TASK_LEASE_SECONDS": "10",
        }
        self.log = tmp_path / "worker.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "bauantrag", "worker", "--pool=prefork", "--concurrency=2",
             "--loglevel=warning", "--without-heartbeat", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
        )

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)  # the main process, as in the finding
        self.proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # its orphaned pool children, as systemd's KillMode does

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.kill()


def _busy(since: dt.datetime) -> bool:
    """Whether the current worker is at work: a run or reading it claimed or advanced since it started."""
    return (CheckRun.objects.filter(status=CheckRunStatus.RUNNING, heartbeat_at__gte=since).exists()
            or Document.objects.filter(text_status=TextStatus.RUNNING, text_heartbeat_at__gte=since).exists())


def _unfinished() -> tuple[int, int]:
    runs = CheckRun.objects.exclude(status=CheckRunStatus.DONE).count()
    documents = Document.objects.exclude(text_status=TextStatus.DONE).count()
    return runs, documents


def _submit_applications(count: int) -> None:
    pdf = text_pdf([f"<h1>Baubeschreibung</h1><p>Seite {n} von {PAGES}</p>" for n in range(1, PAGES + 1)])
    applicant = UserFactory()
    for index in range(count):
        if index and not index % 50:
            applicant = UserFactory(tenant=applicant.tenant)  # under the limit of uploads per person and day
        case = actions.create_application(applicant, VALID_VORHABEN)
        for number in range(DOCUMENTS_PER_CASE):
            upload = SimpleUploadedFile(f"vorlage-{index}-{number}.pdf", pdf, content_type="application/pdf")
            upload_document(applicant, case, upload, "1502" if number == 0 else "1803")
        actions.submit(applicant, case)  # each commit queues its tasks in Redis


def test_killing_the_worker_mid_task_loses_nothing(tmp_path: Path) -> None:
    if not settings.CELERY_BROKER_URL.startswith("redis://") or connection.vendor != "postgresql":
        pytest.fail("worker tests need BAUANTRAG_BROKER_URL=redis://… and PostgreSQL (scripts/test.sh sets both)")
    celery_app.conf.task_always_eager = False
    redis = celery_app.connection_for_write().default_channel.client
    redis.flushdb()
    cases = 2 * KILLS
    _submit_applications(cases)
    worker = Worker(tmp_path)
    started = time.monotonic()
    mid_task = 0
    pace = random.Random(KILLS)
    try:
        for _kill in range(KILLS):
            if not redis.llen("celery"):  # all queued work taken by killed workers: the sweeper brings it back
                sweep(dt.timedelta(0))
            since = timezone.now()
            worker.start()
            deadline = time.monotonic() + 60
            while not _busy(since) and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(pace.uniform(0, 1))  # somewhere in the work: before, between or after pages or tasks
            between = time.monotonic() + 10  # landed between two tasks: kill once the next one has begun
            while not _busy(since) and time.monotonic() < between:
                time.sleep(0.01)
            hit = _busy(since)
            mid_task += hit
            worker.kill()
            if not hit:
                print(f"kill {_kill}: idle; unfinished {_unfinished()}, queued {redis.llen('celery')}")
        killed_at = time.monotonic()
        left_after_kills = _unfinished()

        worker.start()
        deadline = time.monotonic() + 120 + 5 * cases
        while _unfinished() != (0, 0) and time.monotonic() < deadline:
            if not redis.llen("celery"):  # the queue is drained: what is still unfinished was lost
                sweep(LEASE)  # what Celery beat does every few minutes, here with a short lease
            time.sleep(1)
        recovered_in = time.monotonic() - killed_at
    finally:
        worker.stop()

    log = worker.log.read_text(errors="replace")[-4000:]
    assert _unfinished() == (0, 0), f"left unfinished (pre-checks, Bauvorlagen): {_unfinished()}; worker:\n{log}"
    assert CheckRun.objects.count() == cases
    assert Document.objects.count() == cases * DOCUMENTS_PER_CASE
    for run in CheckRun.objects.annotate(n=Count("findings")):
        assert run.n > 3 and run.findings.values("position").distinct().count() == run.n  # no duplicates
    for document in Document.objects.all():
        pages = sorted(document.pages.values_list("number", flat=True))
        assert pages == list(range(1, PAGES + 1)), (document.pk, pages)
        assert document.text_pages_done == document.text_pages_total == PAGES
    assert mid_task >= KILLS // 2, f"only {mid_task} of {KILLS} kills hit a running task"
    print(
        f"\nworker kills: {KILLS} (of them mid-task: {mid_task}), applications: {cases} with "
        f"{cases * DOCUMENTS_PER_CASE} Bauvorlagen of {PAGES} pages; unfinished right after the last kill: "
        f"{left_after_kills[0]} pre-checks, {left_after_kills[1]} Bauvorlagen; all done {recovered_in:.1f} s "
        f"later; kill phase {killed_at - started:.1f} s; lost: 0"
    )
