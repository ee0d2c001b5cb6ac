"""Nachforderung deadlines: one reminder N working days before, expiry after the last day with the proposed
consequence (§ 71 Abs. 1 Satz 3 BauO NRW), extension with a reason, the periodic task and its schedule."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions, deadlines
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Nachforderung
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.celery import app as celery_app
from bauantrag.notifications.models import NotificationEvent, NotificationLog
from bauantrag.rules.calendar import add_working_days
from bauantrag.rules.fristen import legal_end
from tests.factories import UserFactory, clerk_for, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db


def open_nf(case: Case) -> Nachforderung:
    return case.nachforderungen.get(answered_at__isnull=True)


def set_nf(case: Case, *, deadline: dt.date, created: dt.date | None = None) -> Nachforderung:
    nf = open_nf(case)
    values: dict[str, Any] = {"deadline": deadline}
    if created is not None:
        values["created_at"] = timezone.make_aware(dt.datetime.combine(created, dt.time(10)))
    Nachforderung.objects.filter(pk=nf.pk).update(**values)
    nf.refresh_from_db()
    return nf


def reminders(case: Case) -> list[NotificationLog]:
    return list(NotificationLog.objects.filter(case=case, event=NotificationEvent.REMINDER))


def run(today: dt.date) -> dict[str, int]:
    with run_actions_now():
        return deadlines.run_deadlines(today)


# ------------------------------------------------------------------------------------------------ reminders


def test_reminder_three_working_days_before_the_deadline_is_sent_once(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    nf = set_nf(case, deadline=add_working_days(today, 3), created=today - dt.timedelta(days=20))
    assert run(today) == {"expired": 0, "reminded": 1}
    nf.refresh_from_db()
    assert nf.reminded_at is not None
    logs = reminders(case)
    assert [log.recipient for log in logs] == [applicant.email.lower()]
    audit = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.NACHFORDERUNG_REMINDED)
    assert audit.actor is None and audit.after["deadline"] == nf.deadline.isoformat()
    assert audit.after["reminder_working_days"] == 3
    # not twice: the next hourly run and the next days send nothing more
    assert run(today) == {"expired": 0, "reminded": 0}
    assert run(add_working_days(today, 1)) == {"expired": 0, "reminded": 0}
    assert len(reminders(case)) == 1


def test_no_reminder_before_the_reminder_day(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, 4), created=today - dt.timedelta(days=20))
    assert run(today)["reminded"] == 0 and not reminders(case)


def test_reminder_day_counts_working_days_across_christmas() -> None:
    """Deadline Monday 28.12.2026; three working days before: 24.12. (a working day), 23.12., 22.12."""
    case = nachforderung_case()
    set_nf(case, deadline=dt.date(2026, 12, 28), created=dt.date(2026, 11, 30))
    assert deadlines.reminder_day(open_nf(case)) == dt.date(2026, 12, 22)
    assert run(dt.date(2026, 12, 21))["reminded"] == 0
    assert run(dt.date(2026, 12, 22))["reminded"] == 1
    assert run(dt.date(2026, 12, 23))["reminded"] == 0


def test_reminder_day_counts_working_days_across_easter() -> None:
    """Deadline Tuesday 07.04.2026: Ostermontag 06.04. and Karfreitag 03.04. do not count: 02.04., 01.04., 31.03."""
    case = nachforderung_case()
    set_nf(case, deadline=dt.date(2026, 4, 7), created=dt.date(2026, 3, 2))
    assert deadlines.reminder_day(open_nf(case)) == dt.date(2026, 3, 31)


def test_no_reminder_after_the_answer(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, 2), created=today - dt.timedelta(days=20))
    with run_actions_now():
        actions.resubmit(applicant, case)
    assert run(today) == {"expired": 0, "reminded": 0}
    assert not reminders(case)


def test_no_reminder_when_the_deadline_was_set_within_the_reminder_period(applicant: Any) -> None:
    """A Nachforderung with only two working days' deadline was itself the notice: no reminder on top."""
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, 2))
    assert run(today)["reminded"] == 0


def test_reminders_can_be_switched_off(applicant: Any, settings: Any) -> None:
    settings.NACHFORDERUNG_REMINDER_WORKING_DAYS = 0
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, 1), created=today - dt.timedelta(days=20))
    assert run(today)["reminded"] == 0


# --------------------------------------------------------------------------------------------------- expiry


def test_deadline_day_itself_is_still_within_the_deadline(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=today, created=today - dt.timedelta(days=30))
    assert run(today)["expired"] == 0
    assert open_nf(case).expired_at is None


def test_expiry_marks_the_nachforderung_and_only_proposes_the_consequence(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    today = timezone.localdate()
    nf = set_nf(case, deadline=add_working_days(today, -1), created=today - dt.timedelta(days=30))
    assert run(today) == {"expired": 1, "reminded": 0}
    nf.refresh_from_db()
    case.refresh_from_db()
    assert nf.expired_at is not None
    assert case.state == CaseState.NACHFORDERUNG and not case.decision and case.closed_at is None
    audit = AuditEvent.objects.get(case_id=case.pk, event=CaseEvent.NACHFORDERUNG_EXPIRED)
    assert audit.actor is None
    assert audit.after["proposal"] == (
        "Frist abgelaufen – Antrag gilt nach § 71 Abs. 1 Satz 3 BauO NRW als zurückgenommen (Vorschlag)"
    )
    # idempotent
    assert run(today) == {"expired": 0, "reminded": 0}
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.NACHFORDERUNG_EXPIRED).count() == 1
    assert not deadlines.expire(nf.pk, today) and not deadlines.remind(nf.pk, today)


def test_expiry_over_new_year_uses_the_calendar_date(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    set_nf(case, deadline=dt.date(2026, 12, 31), created=dt.date(2026, 12, 1))
    assert run(dt.date(2026, 12, 31))["expired"] == 0
    assert run(dt.date(2027, 1, 1))["expired"] == 1


def test_the_celery_task_and_the_command_run_the_same_check(applicant: Any) -> None:
    from bauantrag.cases.tasks import run_deadlines

    case = nachforderung_case(applicant)
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, -2), created=today - dt.timedelta(days=30))
    with run_actions_now():
        assert run_deadlines.delay().get() == {"expired": 1, "reminded": 0}
    out = StringIO()
    call_command("run_deadlines", stdout=out)
    assert "Erinnerungen gesendet: 0, abgelaufene Fristen vermerkt: 0" in out.getvalue()


def test_command_takes_a_reference_date(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    set_nf(case, deadline=dt.date(2026, 6, 3), created=dt.date(2026, 5, 1))  # Wednesday; 04.06.2026 is Fronleichnam
    out = StringIO()
    call_command("run_deadlines", "--date", "2026-06-05", stdout=out)
    assert "abgelaufene Fristen vermerkt: 1" in out.getvalue()


def test_beat_schedule_runs_deadlines_hourly_and_requeues_notifications() -> None:
    schedule = celery_app.conf.beat_schedule
    tasks = {entry["task"]: entry["schedule"] for entry in schedule.values()}
    assert tasks["bauantrag.cases.tasks.run_deadlines"] == 3600
    assert tasks["bauantrag.notifications.tasks.requeue_unsent_notifications"] == 600
    celery_app.loader.import_default_modules()
    for name in tasks:
        assert name in celery_app.tasks, name
    assert celery_app.conf.beat_schedule_filename.endswith("celerybeat-schedule")


# ------------------------------------------------------------------------------------------------ extension


def test_extension_with_reason_moves_the_deadline_and_clears_the_proposal(applicant: Any) -> None:
    case = nachforderung_case(applicant)
    clerk = clerk_for(case.tenant)
    today = timezone.localdate()
    old = add_working_days(today, -1)
    nf = set_nf(case, deadline=old, created=today - dt.timedelta(days=30))
    run(today)
    with run_actions_now():
        deadlines.extend_nachforderung_deadline(
            clerk, case, deadline=today + dt.timedelta(days=14), reason="Statiker erkrankt, Nachweis folgt"
        )
    nf.refresh_from_db()
    assert nf.deadline == legal_end(today + dt.timedelta(days=14)) and nf.original_deadline == old
    assert nf.expired_at is None and nf.reminded_at is None and nf.extended_at is not None
    assert nf.extension_reason == "Statiker erkrankt, Nachweis folgt"
    audit = AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.NACHFORDERUNG_EXTENDED).get()
    assert audit.actor == clerk and audit.before["deadline"] == old.isoformat()
    assert audit.after["reason"] == "Statiker erkrankt, Nachweis folgt"
    assert NotificationLog.objects.filter(case=case, event=NotificationEvent.NACHFORDERUNG).count() == 2
    assert deadlines.fictitious_withdrawal_basis(case) is None
    # the new deadline gets its own reminder
    reminder_day = deadlines.reminder_day(nf)
    assert reminder_day is not None
    assert run(reminder_day)["reminded"] == 1


@pytest.mark.parametrize(
    ("days", "reason", "field"),
    [(14, "  ", "reason"), (0, "Grund", "deadline"), (-3, "Grund", "deadline")],
)
def test_extension_needs_a_reason_and_a_later_future_date(applicant: Any, days: int, reason: str, field: str) -> None:
    case = nachforderung_case(applicant)
    with pytest.raises(ValidationError) as exc:
        deadlines.extend_nachforderung_deadline(
            clerk_for(case.tenant), case, deadline=timezone.localdate() + dt.timedelta(days=days), reason=reason
        )
    assert field in exc.value.message_dict


def test_extension_must_be_later_than_the_current_deadline(applicant: Any) -> None:
    case = nachforderung_case(applicant)  # deadline in 30 days
    with pytest.raises(ValidationError) as exc:
        deadlines.extend_nachforderung_deadline(
            clerk_for(case.tenant), case, deadline=timezone.localdate() + dt.timedelta(days=10), reason="x"
        )
    assert "nach der bisherigen Frist" in exc.value.message_dict["deadline"][0]


def test_extension_only_for_an_open_nachforderung_and_only_by_the_kommune(applicant: Any, other_tenant: Any) -> None:
    submitted = submitted_case(applicant)
    with pytest.raises(TransitionNotAllowed):
        deadlines.extend_nachforderung_deadline(
            clerk_for(submitted.tenant), submitted, deadline=timezone.localdate() + dt.timedelta(days=40),
            reason="x",
        )
    case = nachforderung_case(applicant)
    for outsider in (clerk_for(other_tenant), applicant, UserFactory(tenant=case.tenant, role="agency")):
        with pytest.raises(PermissionDenied):
            deadlines.extend_nachforderung_deadline(
                outsider, case, deadline=timezone.localdate() + dt.timedelta(days=40), reason="x"
            )


def test_applicant_sees_the_passed_deadline_and_its_possible_consequence(applicant: Any) -> None:
    from django.test import Client

    from tests.conftest import login

    case = nachforderung_case(applicant)
    client = login(Client(), applicant)
    assert "Frist der Nachforderung abgelaufen" not in client.get(f"/antraege/{case.pk}/").content.decode()
    today = timezone.localdate()
    set_nf(case, deadline=add_working_days(today, -1), created=today - dt.timedelta(days=30))
    run(today)
    html = client.get(f"/antraege/{case.pk}/").content.decode()
    assert 'aria-labelledby="ergebnis-h"' in html and "Frist der Nachforderung abgelaufen" in html
    assert "gilt der Antrag als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW)" in html
