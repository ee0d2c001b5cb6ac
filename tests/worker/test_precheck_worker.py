"""The pre-check runs in a real Celery worker process fed through Redis, as in production."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from bauantrag.cases import actions
from bauantrag.cases.models import CheckRun, CheckRunStatus
from bauantrag.celery import app as celery_app
from tests.factories import VALID_VORHABEN, UserFactory, add_documents

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.fail("worker tests need BAUANTRAG_BROKER_URL=redis://… (scripts/test.sh sets it)")
    if connection.vendor != "postgresql":
        pytest.fail("worker tests need PostgreSQL (BAUANTRAG_DATABASE_URL=postgres://…)")
    db = connection.settings_dict
    env = {
        **os.environ,
        "BAUANTRAG_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "BAUANTRAG_BROKER_URL": settings.CELERY_BROKER_URL,
        "BAUANTRAG_DATA_DIR": str(tmp_path / "worker-data"),
    }
    log = tmp_path / "worker.log"
    celery_app.connection_for_write().default_channel.client.flushdb()  # no tasks left by earlier runs
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "bauantrag", "worker", "--pool=solo", "--loglevel=warning",
         "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    proc.log_path = log  # type: ignore[attr-defined]
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for(run_filter: dict[str, Any], worker: subprocess.Popen[bytes], timeout: float = 60) -> CheckRun:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = CheckRun.objects.filter(**run_filter).first()
        if run is not None and run.status in (CheckRunStatus.DONE, CheckRunStatus.FAILED):
            return run
        time.sleep(0.2)
    log = worker.log_path.read_text(errors="replace")  # type: ignore[attr-defined]
    raise AssertionError(f"no finished check run for {run_filter} within {timeout} s; worker said:\n{log}")


def test_a_submitted_application_is_prechecked_by_the_worker(worker: subprocess.Popen[bytes]) -> None:
    celery_app.conf.task_always_eager = False
    applicant = UserFactory()
    case = actions.create_application(applicant, VALID_VORHABEN)
    add_documents(case)
    actions.submit(applicant, case)  # commits; the task goes to Redis after commit

    run = _wait_for({"case": case, "round": 1}, worker)
    assert run.status == CheckRunStatus.DONE, run.error
    assert run.procedure == "vereinfachtes_verfahren"
    assert run.building_class == 1
    assert run.findings.count() > 3
    assert run.ruleset_version


def test_a_redelivered_task_does_not_duplicate_findings(worker: subprocess.Popen[bytes]) -> None:
    celery_app.conf.task_always_eager = False
    applicant = UserFactory()
    case = actions.create_application(applicant, VALID_VORHABEN)
    actions.submit(applicant, case)
    run = _wait_for({"case": case, "round": 1}, worker)
    count = run.findings.count()

    from bauantrag.cases.tasks import run_precheck

    run_precheck.delay(str(run.pk))  # as if the broker delivered it a second time
    # The solo worker takes tasks in order: once a later submission is checked, the duplicate was handled.
    later = actions.create_application(applicant, VALID_VORHABEN)
    actions.submit(applicant, later)
    _wait_for({"case": later, "round": 1}, worker)
    run.refresh_from_db()
    assert run.status == CheckRunStatus.DONE
    assert run.findings.count() == count


@pytest.mark.django_db(transaction=False)
def test_a_web_process_sends_tasks_to_the_configured_broker() -> None:
    """In a fresh Django process (as gunicorn runs it) the tasks belong to the project's Celery app."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from bauantrag.cases.tasks import run_precheck; "
        "print(run_precheck.app.main, run_precheck.app.conf.broker_url == settings.CELERY_BROKER_URL)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bauantrag.settings"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["bauantrag", "True"], out.stderr
