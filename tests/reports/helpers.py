"""Cases with known dates for the statistics: the real actions run with Django's clock set to a chosen moment.
The statistics read no letter: the letters of the case events stay unrendered drafts (letters=False)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock
from zoneinfo import ZoneInfo

from django.utils import timezone

from bauantrag.accounts.models import User
from bauantrag.cases import actions
from bauantrag.cases.models import Case, CaseState, StatusChange
from tests.factories import run_actions_now, submitted_case

BERLIN = ZoneInfo("Europe/Berlin")


def moment(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@contextmanager
def clock(when: dt.datetime) -> Iterator[None]:
    """Django's clock (django.utils.timezone.now) stands at ``when``: the audit trail, auto_now fields and the
    actions' own timestamps all read it. Like the real clock it answers in UTC (the audit hash covers the
    timestamp as written, so it must read back identically from the database)."""
    with mock.patch("django.utils.timezone.now", return_value=when.astimezone(dt.UTC)):
        yield


def submit_at(when: dt.datetime, applicant: User) -> Case:
    with clock(when):
        return submitted_case(applicant, documents=(), letters=False)


def nachforderung_at(case: Case, when: dt.datetime, clerk: User, deadline: dt.date | None = None) -> None:
    with clock(when), run_actions_now(letters=False):
        actions.send_nachforderung(
            clerk, case, items=[{"document_type": "1502", "title": "Baubeschreibung", "reason": "fehlt"}],
            message="Bitte nachreichen.", deadline=deadline or (when.date() + dt.timedelta(days=14)),
        )


def resubmit_at(case: Case, when: dt.datetime) -> None:
    with clock(when), run_actions_now(letters=False):
        actions.resubmit(case.applicant, case)


def complete_at(case: Case, when: dt.datetime, clerk: User) -> None:
    with clock(when), run_actions_now(letters=False):
        actions.confirm_completeness(clerk, case)


def decide_at(case: Case, when: dt.datetime, clerk: User, to_state: CaseState = CaseState.APPROVED) -> None:
    """The decision's row in the status history, as the workflow writes it (the statistics read only the history;
    the case itself stays as it is)."""
    with clock(when):
        StatusChange.objects.create(tenant_id=case.tenant_id, case=case, from_state=CaseState.COMPLETE,
                                    to_state=to_state, at=timezone.now(), actor=clerk)
