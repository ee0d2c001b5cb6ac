"""The figures of the statistics on a constructed set of cases whose dates are known (see conftest.dataset)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from bauantrag.accounts.models import Role, User
from bauantrag.reports.periods import Month, Period
from bauantrag.reports.queries import (
    PART_APPLICANT,
    PART_AUTHORITY,
    STAGE_COMPLETENESS,
    STAGE_DECISION,
    STAGE_TOTAL,
    _timeline,
    build_report,
)
from bauantrag.reports.stats import WorkingDays
from tests.factories import UserFactory
from tests.reports.conftest import Dataset
from tests.reports.helpers import moment

pytestmark = pytest.mark.django_db

PERIOD = Period(Month(2025, 1), Month(2025, 6))
TODAY = dt.date(2026, 11, 26)


def test_applications_per_month_count_only_the_kommune_and_the_period(admin: User, dataset: Dataset) -> None:
    report = build_report(admin, PERIOD, TODAY)
    assert [(row.month.iso() if row.month else "", row.received) for row in report.months] == [
        ("2025-01", 2), ("2025-02", 1), ("2025-03", 2), ("2025-04", 1), ("2025-05", 0), ("2025-06", 0),
    ]  # fmt: skip
    assert report.total.received == 6  # G (December 2024) and Beispielstadt's F, F2 are not counted
    assert sorted(line.file_number for line in report.timelines) == sorted(
        dataset.file_number(key) for key in "ABCDEH"
    )


def test_share_complete_at_first_check_counts_finished_first_checks(admin: User, dataset: Dataset) -> None:
    report = build_report(admin, PERIOD, TODAY)
    january, february, march, april = report.months[:4]
    assert (january.first_check_done, january.complete_first) == (2, 1)  # A without, B with Nachforderung
    assert (february.first_check_done, february.complete_first) == (1, 1)  # C
    assert (march.first_check_done, march.complete_first) == (1, 0)  # E has one, D is still in its first check
    assert (april.first_check_done, april.complete_first) == (1, 1)  # H
    assert report.months[4].share_complete_first is None  # no case: no share, not 0 %
    assert (report.total.first_check_done, report.total.complete_first) == (5, 3)
    assert report.total.share_complete_first == pytest.approx(60.0)
    assert january.share_complete_first == pytest.approx(50.0)


def test_stage_durations_per_case_in_days_and_nrw_working_days(admin: User, dataset: Dataset) -> None:
    lines = {line.file_number: line for line in build_report(admin, PERIOD, TODAY).timelines}
    a, b, c, h = (lines[dataset.file_number(key)] for key in "ABCH")
    assert (a.durations[STAGE_COMPLETENESS].days, a.durations[STAGE_COMPLETENESS].working_days) == (7.0, 5)
    assert (b.durations[STAGE_COMPLETENESS].days, b.durations[STAGE_COMPLETENESS].working_days) == (25.0, 19)
    assert (b.durations[PART_APPLICANT].days, b.durations[PART_APPLICANT].working_days) == (14.0, 10)
    assert (b.durations[PART_AUTHORITY].days, b.durations[PART_AUTHORITY].working_days) == (11.0, 9)
    assert b.nachforderungen == 1 and not b.complete_at_first_check and a.complete_at_first_check
    assert (c.durations[STAGE_DECISION].days, c.durations[STAGE_DECISION].working_days) == (28.0, 20)
    assert (c.durations[STAGE_TOTAL].days, c.durations[STAGE_TOTAL].working_days) == (29.0, 21)
    assert c.outcome == "approved" and h.outcome == "refused"
    # Over Easter 2025: Karfreitag 18.04. and Ostermontag 21.04. are no working days in NRW.
    assert (h.durations[STAGE_COMPLETENESS].days, h.durations[STAGE_COMPLETENESS].working_days) == (7.0, 3)
    assert h.durations[STAGE_TOTAL].days == 37.0
    # A case without an end is left out of the stage, not counted as zero.
    d = lines[dataset.file_number("D")]
    assert d.completed is None and d.durations == {}


def test_median_and_p90_per_stage_over_the_period(admin: User, dataset: Dataset) -> None:
    stages = build_report(admin, PERIOD, TODAY).total.stages
    # Eingang -> Vollständigkeit: A 7, B 25, C 1, H 7 days -> sorted 1, 7, 7, 25.
    completeness = stages[STAGE_COMPLETENESS]
    assert completeness.days.count == 4
    assert completeness.days.median == pytest.approx(7.0)
    assert completeness.days.p90 == pytest.approx(19.6)  # position 2.7: 7 + 0.7 * (25 - 7)
    assert completeness.working_days.median == pytest.approx(4.0)  # 1, 3, 5, 19
    assert completeness.working_days.p90 == pytest.approx(14.8)  # 5 + 0.7 * 14
    # Vollständigkeit -> Entscheidung: C 28, H 30; Eingang -> Entscheidung: C 29, H 37.
    assert (stages[STAGE_DECISION].days.median, stages[STAGE_DECISION].days.p90) == pytest.approx((29.0, 29.8))
    assert (stages[STAGE_TOTAL].days.median, stages[STAGE_TOTAL].days.p90) == pytest.approx((33.0, 36.2))
    # The time before completeness, split: with the applicant side 0, 14, 0, 0; with the authority 7, 11, 1, 7.
    assert (stages[PART_APPLICANT].days.median, stages[PART_APPLICANT].days.p90) == pytest.approx((0.0, 9.8))
    assert (stages[PART_AUTHORITY].days.median, stages[PART_AUTHORITY].days.p90) == pytest.approx((7.0, 9.8))


def test_stage_figures_per_month_of_receipt(admin: User, dataset: Dataset) -> None:
    months = build_report(admin, PERIOD, TODAY).months
    january = months[0].stages[STAGE_COMPLETENESS].days
    assert (january.count, january.median, january.p90) == (2, pytest.approx(16.0), pytest.approx(23.2))
    assert months[3].stages[STAGE_TOTAL].days.median == pytest.approx(37.0)  # H, received in April
    assert months[5].stages[STAGE_COMPLETENESS].days.count == 0
    assert months[5].stages[STAGE_COMPLETENESS].days.median is None


def test_overdue_now_in_the_own_kommune_only(admin: User, dataset: Dataset) -> None:
    overdue = build_report(admin, PERIOD, TODAY).overdue
    assert [item.file_number for item in overdue.completeness] == [dataset.file_number("D")]
    assert overdue.completeness[0].due == dt.date(2025, 3, 17)
    assert overdue.completeness[0].days_over == (TODAY - dt.date(2025, 3, 17)).days
    assert [item.file_number for item in overdue.nachforderungen] == [dataset.file_number("E")]
    assert overdue.nachforderungen[0].due == dt.date(2025, 4, 11)
    assert overdue.nachforderungen[0].since == dt.date(2025, 3, 12)
    other_admin = UserFactory(tenant=dataset.cases["F2"].tenant, role=Role.TENANT_ADMIN)
    theirs = build_report(other_admin, PERIOD, TODAY)
    assert [item.file_number for item in theirs.overdue.completeness] == [dataset.file_number("F2")]
    assert theirs.total.received == 2 and theirs.overdue.nachforderungen == []


def test_a_later_resubmission_ends_the_overdue_nachforderung(admin: User, dataset: Dataset) -> None:
    from tests.reports.helpers import resubmit_at

    resubmit_at(dataset.cases["E"], moment(2025, 4, 20))
    overdue = build_report(admin, PERIOD, TODAY).overdue
    assert overdue.nachforderungen == []
    # ... and the case is now waiting for its completeness check again, due ten working days later.
    assert dataset.file_number("E") in [item.file_number for item in overdue.completeness]


def test_the_number_of_queries_does_not_grow_with_the_cases(
    admin: User, dataset: Dataset, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(6):
        build_report(admin, PERIOD, TODAY)


def test_a_withdrawal_ends_the_case_but_is_no_decision(admin: User, clerk: User, dataset: Dataset) -> None:
    from bauantrag.decision import actions as decision
    from tests.reports.helpers import clock

    with clock(moment(2025, 5, 2)):
        decision.record_withdrawal(clerk, dataset.cases["E"], reason="Schriftlich erklärt am 30.04.2025.")
    report = build_report(admin, PERIOD, TODAY)
    e = next(line for line in report.timelines if line.file_number == dataset.file_number("E"))
    assert e.outcome == "withdrawn" and e.decided is None and e.ended is not None
    assert STAGE_DECISION not in e.durations and STAGE_TOTAL not in e.durations
    assert report.total.stages[STAGE_TOTAL].days.count == 2  # still C and H only
    assert report.overdue.nachforderungen == []  # a withdrawn case's Nachforderung is no longer overdue


def _row(**fields: Any) -> dict[str, Any]:
    base = {"id": uuid.uuid4(), "file_number": "63-2025-09999", "state": "complete", "completeness_due": None,
            "submitted_at": moment(2025, 1, 6), "completed_at": moment(2025, 1, 13), "nf_count": 0}  # fmt: skip
    return {**base, **fields}


def test_without_a_status_history_the_case_fields_stand_in() -> None:
    days = WorkingDays()
    approved = _timeline(_row(decided_at=moment(2025, 2, 12), decision="approved"), [], [], days)
    assert approved.outcome == "approved" and approved.durations[STAGE_DECISION].days == 30.0
    withdrawn = _timeline(_row(decided_at=moment(2025, 2, 12), decision="withdrawn_fictitious"), [], [], days)
    assert withdrawn.outcome == "withdrawn" and withdrawn.decided is None
    assert STAGE_DECISION not in withdrawn.durations
    # Nachforderungen without their transitions: their own dates give the time with the applicant side.
    waited = _timeline(_row(nf_count=1), [], [(moment(2025, 1, 7), moment(2025, 1, 9))], days)
    assert waited.nachforderungen == 1 and waited.durations[PART_APPLICANT].days == 2.0
    assert waited.durations[PART_AUTHORITY].days == 5.0


def test_contradictory_dates_are_left_out() -> None:
    line = _timeline(_row(completed_at=moment(2025, 1, 1)), [], [], WorkingDays())  # complete before receipt
    assert STAGE_COMPLETENESS not in line.durations
