"""With the broker down, a submission still commits and answers; the sweeper queues its pre-check later."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.test import Client

from bauantrag.cases.models import Case, CheckRun, CheckRunStatus
from bauantrag.celery import app as celery_app
from bauantrag.celery.leases import sweep
from bauantrag.documents.models import TextStatus
from tests.api.helpers import case_url, post
from tests.conftest import login
from tests.factories import add_documents, draft_case

pytestmark = pytest.mark.django_db(transaction=True)


def _draft(applicant: Any) -> Case:
    case = draft_case(applicant)
    add_documents(case, ("1803", "1502"))
    return case


def test_the_portal_answers_a_submission_while_the_broker_is_down(applicant: Any, broker_down: None) -> None:
    case = _draft(applicant)
    response = login(Client(), applicant).post(f"/antraege/{case.pk}/einreichen/", follow=True)

    assert response.status_code == 200
    assert "Ihr Antrag ist eingegangen" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "submitted" and case.file_number
    run = CheckRun.objects.get(case=case, round=1)
    assert run.status == CheckRunStatus.PENDING


def test_the_api_answers_a_submission_while_the_broker_is_down(applicant: Any, broker_down: None) -> None:
    case = _draft(applicant)
    response = post(login(Client(), applicant), case_url(case.pk, "submit/"))

    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"
    assert CheckRun.objects.get(case=case, round=1).status == CheckRunStatus.PENDING


def test_the_sweeper_queues_a_pre_check_left_waiting_by_the_outage(applicant: Any, broker_down: None) -> None:
    from django.core.management import call_command

    case = _draft(applicant)
    post(login(Client(), applicant), case_url(case.pk, "submit/"))
    run = CheckRun.objects.get(case=case, round=1)
    assert run.status == CheckRunStatus.PENDING
    assert set(case.documents.values_list("text_status", flat=True)) == {TextStatus.PENDING}

    celery_app.conf.task_always_eager = True  # the broker is back (tasks run in this process)
    out = StringIO()
    call_command("requeue_stuck_work", lease=0, stdout=out)
    assert "Vorprüfungen: 1 neu eingereiht" in out.getvalue()
    assert "Bauvorlagen zum Lesen: 2 neu eingereiht" in out.getvalue()
    run.refresh_from_db()
    assert run.status == CheckRunStatus.DONE
    assert run.findings.exists()
    assert set(case.documents.values_list("text_status", flat=True)) == {TextStatus.DONE}


def test_the_sweeper_leaves_work_alone_that_is_younger_than_the_lease(applicant: Any, broker_down: None) -> None:
    case = _draft(applicant)
    post(login(Client(), applicant), case_url(case.pk, "submit/"))

    celery_app.conf.task_always_eager = True
    assert sweep() == {"cases.precheck": 0, "documents.text": 0}  # the default lease (10 minutes) has not passed
    assert CheckRun.objects.get(case=case, round=1).status == CheckRunStatus.PENDING
