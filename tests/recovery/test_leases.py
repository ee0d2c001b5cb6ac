"""Work left running by a dead worker is taken up again; work a living worker holds is left to it."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from bauantrag.cases.models import CheckRun, CheckRunStatus
from bauantrag.cases.tasks import run_precheck
from bauantrag.celery import app as celery_app
from bauantrag.celery.leases import sweep
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document, TextStatus
from bauantrag.documents.tasks import read_text
from tests.documents.textfiles import text_pdf
from tests.factories import draft_case, run_actions_now, submitted_case

LONG_AGO = dt.timedelta(hours=1)


def _three_page_document(applicant: Any) -> Document:
    case = draft_case(applicant)
    pdf = text_pdf(["<p>Baubeschreibung Seite 1</p>", "<p>Seite 2</p>", "<p>Seite 3</p>"])
    with run_actions_now():  # read at once: tasks run in-process in the tests
        document = upload_document(applicant, case, SimpleUploadedFile("bb.pdf", pdf,
                                                                       content_type="application/pdf"), "1502")
    document.refresh_from_db()
    assert document.text_status == TextStatus.DONE and document.pages.count() == 3
    return document


def _sweep() -> dict[str, int]:
    """The sweeper, with the tasks it queues after its commit run here."""
    with run_actions_now(letters=False):
        return sweep()


def _as_if_running(document: Document, *, owner: str, heartbeat: dt.datetime, pages_done: int) -> None:
    """The state a worker leaves when it dies after storing ``pages_done`` pages."""
    document.pages.filter(number__gt=pages_done).delete()
    Document.objects.filter(pk=document.pk).update(
        text_status=TextStatus.RUNNING, text_pages_done=pages_done, text_pages_total=3, text_task_id=owner,
        text_heartbeat_at=heartbeat,
    )


@pytest.mark.django_db
def test_a_reading_left_running_by_a_dead_worker_resumes_after_its_last_page(applicant: Any) -> None:
    document = _three_page_document(applicant)
    _as_if_running(document, owner="dead-worker", heartbeat=timezone.now() - LONG_AGO, pages_done=2)
    kept = dict(document.pages.values_list("number", "pk"))

    assert _sweep() == {"cases.precheck": 0, "documents.text": 1}

    document.refresh_from_db()
    assert (document.text_status, document.text_pages_done) == (TextStatus.DONE, 3)
    assert document.text_task_id != "dead-worker"
    pages = dict(document.pages.values_list("number", "pk"))
    assert sorted(pages) == [1, 2, 3] and {n: pages[n] for n in kept} == kept  # pages 1 and 2 not read again


@pytest.mark.django_db
def test_a_reading_a_living_worker_holds_is_left_to_it(applicant: Any) -> None:
    document = _three_page_document(applicant)
    _as_if_running(document, owner="living-worker", heartbeat=timezone.now(), pages_done=1)

    assert _sweep() == {"cases.precheck": 0, "documents.text": 0}
    read_text.apply(args=[str(document.pk)], task_id="another-task")  # e.g. a duplicate delivery
    document.refresh_from_db()
    assert (document.text_status, document.text_pages_done) == (TextStatus.RUNNING, 1)

    read_text.apply(args=[str(document.pk)], task_id="living-worker")  # its own message again: it goes on
    document.refresh_from_db()
    assert (document.text_status, document.pages.count()) == (TextStatus.DONE, 3)


@pytest.mark.django_db
def test_a_pre_check_left_running_by_a_dead_worker_is_run_again(applicant: Any) -> None:
    case = submitted_case(applicant, letters=False)
    run = case.check_runs.get()
    findings = run.findings.count()
    run.findings.all().delete()
    CheckRun.objects.filter(pk=run.pk).update(status=CheckRunStatus.RUNNING, task_id="dead-worker",
                                              heartbeat_at=timezone.now() - LONG_AGO)

    assert _sweep()["cases.precheck"] == 1
    run.refresh_from_db()
    assert run.status == CheckRunStatus.DONE and run.findings.count() == findings
    assert _sweep()["cases.precheck"] == 0  # done: nothing more to queue


@pytest.mark.django_db(transaction=True)
def test_a_pre_check_that_meets_a_lock_timeout_is_retried_and_finishes(applicant: Any) -> None:
    """A transient database error (here PostgreSQL's lock timeout while another transaction holds the run) leaves
    the run running and the task tries again; the run is not marked failed."""
    if connection.vendor != "postgresql":
        pytest.skip("lock timeouts are PostgreSQL's (SQLite locks the whole database)")
    import psycopg

    case = submitted_case(applicant, letters=False)
    run = case.check_runs.get()
    run.findings.all().delete()
    CheckRun.objects.filter(pk=run.pk).update(status=CheckRunStatus.PENDING)

    settings = connection.settings_dict
    holder = psycopg.connect(host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
                             dbname=settings["NAME"], autocommit=False)
    holder.execute("SELECT 1 FROM cases_checkrun WHERE id = %s FOR UPDATE", [run.pk])
    connection.ensure_connection()
    me = connection.connection.info.backend_pid
    waited: list[bool] = []
    def release_once_waited() -> None:
        """When the task waits for the lock: let its lock timeout pass once, then release the row."""
        watcher = psycopg.connect(host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
                                  dbname=settings["NAME"], autocommit=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            row = watcher.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", [me]).fetchone()
            if row and row[0]:
                waited.append(True)
                break
            time.sleep(0.01)
        time.sleep(0.5)  # longer than the lock timeout: the first attempt has given up
        holder.rollback()
        watcher.close()

    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '200ms'")
    releaser = threading.Thread(target=release_once_waited)
    releaser.start()
    try:
        celery_app.conf.task_eager_propagates = False  # let the in-process retries run (without their pauses)
        result = run_precheck.apply(args=[str(run.pk)])
    finally:
        celery_app.conf.task_eager_propagates = True
        releaser.join()
        holder.close()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")

    assert waited, "the task never waited for the lock"
    assert result.successful(), result.traceback  # without the retry: a failed task, the run left waiting
    run.refresh_from_db()
    assert run.status == CheckRunStatus.DONE and run.findings.exists()
