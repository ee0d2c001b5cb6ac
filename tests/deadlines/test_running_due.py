"""The stored running deadline of a case (Case.running_due, cases/running_due.py) follows the actions that change
a deadline, and the clerk's queue reads its order from the partial index on it (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from bauantrag.accounts.models import User
from bauantrag.beteiligung.actions import withdraw_beteiligung
from bauantrag.cases.access import cases_visible_to
from bauantrag.cases.models import Case
from bauantrag.cases.running_due import NO_DEADLINE, due_expression
from bauantrag.decision import actions as decision
from bauantrag.workspace.queue import open_cases
from tests.decision.test_beteiligung_integration import ask
from tests.factories import clerk_for, complete_case, draft_case, nachforderung_case, submitted_case

pytestmark = pytest.mark.django_db


def stored_and_computed(case: Case) -> tuple[Any, Any]:
    row = Case.objects.annotate(computed=due_expression()).values("running_due", "computed", "state").get(pk=case.pk)
    return row["running_due"], (None if row["state"] in ("draft", "approved", "refused", "withdrawn")
                                else row["computed"])  # fmt: skip


def test_the_stored_deadline_follows_every_step_of_the_lifecycle(applicant: User) -> None:
    draft = draft_case(applicant)
    submitted = submitted_case(applicant, letters=False)
    waiting = nachforderung_case(applicant, letters=False)
    complete = complete_case(applicant, letters=False)
    assert Case.objects.get(pk=draft.pk).running_due is None
    assert Case.objects.get(pk=submitted.pk).running_due == submitted.completeness_due
    assert Case.objects.get(pk=waiting.pk).running_due == waiting.nachforderungen.get().deadline
    for case in (submitted, waiting, complete):
        stored, computed = stored_and_computed(case)
        assert stored == computed and stored is not None

    clerk = clerk_for(complete.tenant)
    beteiligung, _member = ask(clerk, complete)  # an open Beteiligung runs before the decision date
    stored, computed = stored_and_computed(complete)
    assert stored == computed == min(beteiligung.deadline, complete.decision_due or NO_DEADLINE)
    withdraw_beteiligung(clerk, beteiligung, reason="versehentlich")
    assert stored_and_computed(complete) == (complete.decision_due or NO_DEADLINE,) * 2

    decision.record_withdrawal(clerk, complete, reason="Erklärung vom 01.12.2026")
    assert Case.objects.get(pk=complete.pk).running_due is None  # closed: out of the queue's index


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_postgresql_reads_the_queue_order_from_the_partial_index(applicant: User) -> None:
    case = submitted_case(applicant, letters=False)
    ordered = open_cases(cases_visible_to(clerk_for(case.tenant)), timezone.localdate())
    assert not isinstance(ordered, list)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test table is tiny; ask whether the index CAN serve
        cursor.execute("SET LOCAL enable_sort = off")  # (with a few rows, another index plus a sort costs the same)
        plan = ordered[:50].explain()
    assert "case_queue_running_due" in plan and "Sort" not in plan, plan
