"""The statistics read the status history instead of rebuilding timelines from audit rows; on the demo data their
figures are those the audit rows give (the previous way), and the migration's backfill of the history from the
audit trail gives them exactly."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from bauantrag.accounts.models import User
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.models import StatusChange
from bauantrag.reports.periods import default_period
from bauantrag.reports.queries import PART_APPLICANT, CaseTimeline, build_report

pytestmark = pytest.mark.django_db

TRANSITIONS = ("case.submitted", "case.resubmitted", "nachforderung.sent", "case.complete", "case.approved",
               "case.refused", "case.withdrawn")  # fmt: skip


def from_the_audit_trail(case_id: Any) -> dict[str, Any]:
    """What the statistics read before: the transitions' audit events of the case, in their order."""
    found: dict[str, Any] = {"submitted": None, "completed": None, "decided": None, "ended": None, "outcome": "",
                             "sent": 0, "waits": []}  # fmt: skip
    open_since = None
    events = AuditEvent.objects.filter(case_id=case_id, event__in=TRANSITIONS).order_by("seq")
    for event, at in events.values_list("event", "created_at"):
        if event == "case.submitted" and found["submitted"] is None:
            found["submitted"] = at
        elif event == "nachforderung.sent":
            found["sent"] += 1
            open_since = open_since or at
        elif event == "case.resubmitted" and open_since is not None:
            found["waits"].append((open_since, at))
            open_since = None
        elif event == "case.complete" and found["completed"] is None:
            found["completed"] = at
        elif event in ("case.approved", "case.refused") and found["decided"] is None:
            found["decided"], found["outcome"] = at, event.split(".")[1]
        elif event == "case.withdrawn" and found["ended"] is None:
            found["ended"], found["outcome"] = at, found["outcome"] or "withdrawn"
    return found


def figures(line: CaseTimeline) -> dict[str, Any]:
    return {"submitted": line.submitted, "completed": line.completed, "decided": line.decided,
            "outcome": line.outcome, "nachforderungen": line.nachforderungen,
            "durations": {key: (d.days, d.working_days) for key, d in line.durations.items()}}  # fmt: skip


def close(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """The history's row and the audit row of one transition are written in one transaction, microseconds apart."""
    return a == b or (a is not None and b is not None and abs(a - b) < dt.timedelta(seconds=1))


def test_the_demos_figures_from_the_status_history_are_those_of_the_audit_trail() -> None:
    from bauantrag.demo import seed as demo

    assert demo.load() is not None
    admin = User.objects.get(username="admin@musterstadt.example")
    today = timezone.localdate()
    report = build_report(admin, default_period(today), today)
    assert len(report.timelines) >= 5 and {line.outcome for line in report.timelines} >= {"approved", ""}
    for line in report.timelines:
        audit = from_the_audit_trail(line.case_id)
        for name in ("submitted", "completed", "decided"):
            assert close(getattr(line, name), audit[name]), (line.file_number, name)
        assert line.outcome == audit["outcome"] and line.nachforderungen >= audit["sent"]
        if PART_APPLICANT in line.durations:
            waited = sum((b - a).total_seconds() for a, b in audit["waits"] if b <= line.completed) / 86400
            assert abs(line.durations[PART_APPLICANT].days - waited) < 0.001

    # The migration fills the history of existing cases from the audit trail: the same figures, exactly.
    StatusChange.objects.all().delete()
    importlib.import_module("bauantrag.cases.migrations.0004_status_history").backfill(apps, None)
    again = build_report(admin, default_period(today), today)
    assert [figures(line) for line in again.timelines] != []
    for line in again.timelines:
        audit = from_the_audit_trail(line.case_id)
        assert (line.submitted, line.completed, line.decided, line.outcome) == (
            audit["submitted"], audit["completed"], audit["decided"], audit["outcome"])
    assert [(r.received, r.first_check_done, r.complete_first) for r in again.months] == [
        (r.received, r.first_check_done, r.complete_first) for r in report.months]
    for before, after in zip(report.timelines, again.timelines, strict=True):
        assert before.case_id == after.case_id and before.outcome == after.outcome
        assert {k: d.working_days for k, d in before.durations.items()} == {
            k: d.working_days for k, d in after.durations.items()}
