"""Review item M5: a Nachforderung's deadline ends by § 31 Abs. 3 VwVfG NRW.

„Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen Feiertag oder einen Sonnabend, so endet die Frist
mit dem Ablauf des nächstfolgenden Werktages.“ The letters do not name the day „unter Hinweis auf diese Vorschrift“,
so a deadline set to Saturday 19.12.2026 runs until Monday 21.12.2026 (review, probe D): expiry, the proposal of the
Rücknahmefiktion (§ 71 Abs. 1 Satz 3 BauO NRW), the reminder and the queue all wait for it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions, deadlines
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, Nachforderung
from bauantrag.rules.calendar import is_working_day
from tests.factories import clerk_for, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db

SATURDAY = dt.date(2026, 12, 19)
MONDAY = dt.date(2026, 12, 21)


def stored_on(case: Case, deadline: dt.date) -> Nachforderung:
    """A Nachforderung whose deadline was stored as the clerk typed it (as before the § 31 rule)."""
    nf = case.nachforderungen.get(answered_at__isnull=True)
    created = timezone.make_aware(dt.datetime(2026, 11, 19, 10))
    Nachforderung.objects.filter(pk=nf.pk).update(deadline=deadline, created_at=created)
    nf.refresh_from_db()
    return nf


def run(today: dt.date) -> dict[str, int]:
    with run_actions_now():
        return deadlines.run_deadlines(today)


def next_saturday_before_a_working_monday(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=(5 - after.weekday()) % 7 or 7)
    while not is_working_day(day + dt.timedelta(days=2)):
        day += dt.timedelta(days=7)
    return day


def test_a_saturday_deadline_runs_until_monday_and_expires_only_on_tuesday(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    nf = stored_on(case, SATURDAY)
    assert deadlines.legal_deadline(nf) == MONDAY
    for day in (dt.date(2026, 12, 20), MONDAY):
        assert run(day)["expired"] == 0, day
        assert deadlines.fictitious_withdrawal_basis(case, day) is None, day
    assert run(dt.date(2026, 12, 22))["expired"] == 1
    assert deadlines.fictitious_withdrawal_basis(case, dt.date(2026, 12, 22)) == nf


def test_the_queue_shows_the_monday_and_no_proposal_on_sunday(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    stored_on(case, SATURDAY)
    note = deadlines.queue_deadlines([case], dt.date(2026, 12, 20))[case.pk].notes[0]
    assert (note.due, note.overdue, note.proposal) == (MONDAY, False, "")
    late = deadlines.queue_deadlines([case], dt.date(2026, 12, 22))[case.pk].notes[0]
    assert late.overdue and "§ 71 Abs. 1 Satz 3 BauO NRW" in late.proposal


def test_the_reminder_counts_back_from_the_monday(applicant: Any, settings: Any) -> None:
    settings.NACHFORDERUNG_REMINDER_WORKING_DAYS = 3
    case = nachforderung_case(applicant)
    nf = stored_on(case, SATURDAY)
    # Monday 21.12. minus three Arbeitstage → Wednesday 16.12.2026 (not Tuesday 15.12., as from the Saturday).
    assert deadlines.reminder_day(nf) == dt.date(2026, 12, 16)
    assert run(dt.date(2026, 12, 15))["reminded"] == 0
    assert run(dt.date(2026, 12, 16))["reminded"] == 1


def test_a_nachforderung_sent_with_a_saturday_is_stored_with_the_next_werktag(applicant: Any) -> None:
    case = submitted_case(applicant)
    saturday = next_saturday_before_a_working_monday(timezone.localdate() + dt.timedelta(days=7))
    with run_actions_now():
        nf = actions.send_nachforderung(
            clerk_for(case.tenant), case, items=[{"title": "Lageplan", "reason": "fehlt"}], message="",
            deadline=saturday,
        )
    assert nf.deadline == saturday + dt.timedelta(days=2)
    audit = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.NACHFORDERUNG_SENT)
    assert audit.after["requested_deadline"] == saturday.isoformat()
    assert audit.after["deadline"] == nf.deadline.isoformat()


def test_an_extension_to_a_sunday_ends_on_the_monday(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    nf = case.nachforderungen.get()
    sunday = next_saturday_before_a_working_monday(nf.deadline + dt.timedelta(days=7)) + dt.timedelta(days=1)
    with run_actions_now():
        extended = deadlines.extend_nachforderung_deadline(
            clerk_for(case.tenant), case, deadline=sunday, reason="Vermesser im Urlaub"
        )
    assert extended.deadline == sunday + dt.timedelta(days=1)


def test_the_proposed_default_deadline_is_a_werktag() -> None:
    # 24.12.2026 + 1 Monat → Sunday 24.01.2027 → Monday 25.01.2027.
    assert deadlines.one_month_later(dt.date(2026, 12, 24)) == dt.date(2027, 1, 25)
