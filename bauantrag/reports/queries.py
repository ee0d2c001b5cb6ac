"""The figures of the statistics page, read (never written) from cases, their status history and Nachforderungen.

Where the figures come from:

* Applications per month and the share complete at the first check: counted in the database, grouped by the local
  month of receipt (``Case.submitted_at``, the first submission).
* Time per stage: from the case's status history (``cases.StatusChange``, written by the workflow: draft →
  submitted, → nachforderung, nachforderung → submitted, → complete, → approved/refused, → withdrawn), one query
  for the whole period; where a transition is missing (imported data) the case's own date fields stand in
  (``submitted_at``, ``completed_at``, ``decided_at``) and the Nachforderungen' own dates. Median and 90th
  percentile are computed in Python over the per-case durations (``stats.percentile``), in calendar days and in
  NRW working days.
* Overdue: the current state, independent of the period.

Stages: "Eingang → Vollständigkeit bestätigt" (first submission to confirmation; split into the time the case lay
with the applicant side — from each Nachforderung to the resubmission — and the time with the authority),
"Vollständigkeit → Entscheidung" and "Eingang → Entscheidung" (Entscheidung = Genehmigung or Ablehnung). A case
counts in a stage once it has both ends; cases without them are left out of that stage, never counted as zero.

"Bei der ersten Prüfung vollständig": of the period's cases whose first completeness check has an outcome
(completeness confirmed, or a Nachforderung sent), the share confirmed complete without any Nachforderung.
Cases still in their first check are not counted either way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bauantrag.accounts.models import User
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus
from bauantrag.cases.access import cases_visible_to
from bauantrag.cases.models import Case, CaseState, Nachforderung, StatusChange
from bauantrag.reports.periods import Month, Period
from bauantrag.reports.stats import Summary, WorkingDays, days
from bauantrag.rules.fristen import has_ended, legal_end


@dataclass(frozen=True)
class Stage:
    key: str
    label: Promise
    description: Promise


STAGE_COMPLETENESS = "eingang_vollstaendig"
STAGE_DECISION = "vollstaendig_entscheidung"
STAGE_TOTAL = "eingang_entscheidung"
PART_APPLICANT = "bei_antragsteller"
PART_AUTHORITY = "bei_behoerde"

STAGES = (
    Stage(STAGE_COMPLETENESS, _("Eingang → Vollständigkeit bestätigt"),
          _("Vom ersten Eingang bis zur Bestätigung der Vollständigkeit, einschließlich offener Nachforderungen")),
    Stage(STAGE_DECISION, _("Vollständigkeit → Entscheidung"),
          _("Von der Bestätigung der Vollständigkeit bis zur Genehmigung oder Ablehnung")),
    Stage(STAGE_TOTAL, _("Eingang → Entscheidung"), _("Vom ersten Eingang bis zur Genehmigung oder Ablehnung")),
)  # fmt: skip
PARTS = (
    Stage(PART_APPLICANT, _("davon bei der Antragstellerseite"),
          _("Zeit von jeder Nachforderung bis zur erneuten Einreichung")),
    Stage(PART_AUTHORITY, _("davon bei der Bauaufsicht"), _("Übrige Zeit bis zur Bestätigung der Vollständigkeit")),
)  # fmt: skip

#: (from state, to state, when) of one transition of a case.
Change = tuple[str, str, dt.datetime]
DECISIONS = frozenset({CaseState.APPROVED, CaseState.REFUSED})
OUTCOME_LABELS: dict[str, Promise] = {
    "approved": _("Genehmigt"),
    "refused": _("Abgelehnt"),
    "withdrawn": _("Zurückgenommen"),
    "closed": _("Abgeschlossen"),
}
def _local_date(moment: dt.datetime) -> dt.date:
    """The date in the Kommune's time zone (settings.TIME_ZONE; astimezone directly, as this runs per event)."""
    return moment.astimezone(timezone.get_default_timezone()).date()


def state_label(state: str) -> str:
    """The label of a case state, also for states added after this module was written."""
    choices = dict(Case._meta.get_field("state").choices or [])
    return str(choices.get(state, state))


@dataclass(frozen=True)
class Duration:
    days: float
    working_days: int


@dataclass
class CaseTimeline:
    case_id: uuid.UUID
    file_number: str
    state: str
    month: Month
    submitted: dt.datetime
    completeness_due: dt.date | None
    nachforderungen: int
    completed: dt.datetime | None = None
    decided: dt.datetime | None = None
    ended: dt.datetime | None = None
    outcome: str = ""
    durations: dict[str, Duration] = field(default_factory=dict)

    @property
    def complete_at_first_check(self) -> bool:
        return self.completed is not None and self.nachforderungen == 0

    @property
    def outcome_label(self) -> str:
        return str(OUTCOME_LABELS[self.outcome]) if self.outcome else ""


def _durations(
    line: CaseTimeline, waits: list[tuple[dt.datetime, dt.datetime]], workdays: WorkingDays
) -> dict[str, Duration]:
    def measure(start: dt.datetime | None, end: dt.datetime | None) -> Duration | None:
        if start is None or end is None or end < start:
            return None  # incomplete or contradictory data: left out, never counted as zero
        return Duration(days(start, end), workdays.between(_local_date(start), _local_date(end)))

    found: dict[str, Duration] = {}
    for key, start, end in (
        (STAGE_COMPLETENESS, line.submitted, line.completed),
        (STAGE_DECISION, line.completed, line.decided),
        (STAGE_TOTAL, line.submitted, line.decided),
    ):
        duration = measure(start, end)
        if duration is not None:
            found[key] = duration
    total = found.get(STAGE_COMPLETENESS)
    if total is not None and line.completed is not None:
        applicant = [measure(a, b) for a, b in waits if b <= line.completed]
        waited = [d for d in applicant if d is not None]
        wait = Duration(sum(d.days for d in waited), sum(d.working_days for d in waited))
        found[PART_APPLICANT] = wait
        found[PART_AUTHORITY] = Duration(max(total.days - wait.days, 0.0),
                                         max(total.working_days - wait.working_days, 0))  # fmt: skip
    return found


def period_cases(user: User, period: Period) -> QuerySet[Case]:
    """The cases of the user's Kommune received in the period (through cases.access: tenant and role)."""
    return cases_visible_to(user).filter(submitted_at__gte=period.start, submitted_at__lt=period.end)


def load_timelines(user: User, period: Period, workdays: WorkingDays | None = None) -> list[CaseTimeline]:
    """One timeline per case received in the period: two queries whatever the number of cases (a third only for
    Nachforderungen without their audit event)."""
    workdays = workdays or WorkingDays()
    if user.tenant_id is None:
        return []
    cases = period_cases(user, period)
    columns = ["id", "file_number", "state", "submitted_at", "completed_at", "completeness_due", "decided_at",
               "decision"]  # fmt: skip
    rows = list(
        cases.annotate(nf_count=Count("nachforderungen"))
        .values(*columns, "nf_count")
        .order_by("submitted_at", "file_number")
    )
    changes: dict[uuid.UUID, list[Change]] = defaultdict(list)
    for case_id, from_state, to_state, at in (
        # The cases are the Kommune's (cases_visible_to), so their history is too; a second tenant condition
        # only misleads PostgreSQL's planner into intersecting two indexes per case when its statistics are stale.
        StatusChange.objects.filter(case_id__in=cases.values("pk"))
        .order_by("at", "id").values_list("case_id", "from_state", "to_state", "at")
    ):  # fmt: skip
        changes[case_id].append((from_state, to_state, at))
    # Nachforderungen without their transition (imported data): their own dates stand in.
    missing = [row["id"] for row in rows if row["nf_count"] and not any(
        to_state == CaseState.NACHFORDERUNG for _from, to_state, _at in changes.get(row["id"], ()))]  # fmt: skip
    nf_rows: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime | None]]] = defaultdict(list)
    if missing:
        for case_id, created_at, answered_at in Nachforderung.objects.filter(case_id__in=missing).values_list(
            "case_id", "created_at", "answered_at"
        ):
            nf_rows[case_id].append((created_at, answered_at))
    return [_timeline(row, changes.get(row["id"], []), nf_rows.get(row["id"], []), workdays) for row in rows]


def _timeline(
    row: dict[str, Any],
    changes: list[Change],
    nf_rows: list[tuple[dt.datetime, dt.datetime | None]],
    workdays: WorkingDays,
) -> CaseTimeline:
    submitted: dt.datetime | None = None
    completed = decided = ended = None
    outcome = ""
    waits: list[tuple[dt.datetime, dt.datetime]] = []
    open_since: dt.datetime | None = None
    sent = 0
    for from_state, to_state, moment in changes:
        if from_state == CaseState.DRAFT and to_state == CaseState.SUBMITTED and submitted is None:
            submitted = moment
        elif to_state == CaseState.NACHFORDERUNG:
            sent += 1
            open_since = open_since or moment
        elif from_state == CaseState.NACHFORDERUNG and to_state == CaseState.SUBMITTED and open_since is not None:
            waits.append((open_since, moment))
            open_since = None
        elif to_state == CaseState.COMPLETE and completed is None:
            completed = moment
        elif to_state in DECISIONS and decided is None:
            decided, outcome = moment, to_state
            ended = ended or moment
        elif to_state == CaseState.WITHDRAWN and ended is None:
            ended = moment
            outcome = outcome or "withdrawn"
    if not sent:
        waits = [(created, answered) for created, answered in nf_rows if answered is not None]
    submitted = submitted or row["submitted_at"]
    completed = completed or row["completed_at"]
    decided, ended, outcome = _fallback_ending(row, decided, ended, outcome)
    line = CaseTimeline(
        case_id=row["id"], file_number=row["file_number"], state=row["state"],
        month=Month.of(_local_date(row["submitted_at"])), submitted=submitted,
        completeness_due=row["completeness_due"], nachforderungen=max(row["nf_count"], sent),
        completed=completed, decided=decided, ended=ended, outcome=outcome,
    )  # fmt: skip
    line.durations = _durations(line, waits, workdays)
    return line


def _fallback_ending(
    row: dict[str, Any], decided: dt.datetime | None, ended: dt.datetime | None, outcome: str
) -> tuple[dt.datetime | None, dt.datetime | None, str]:
    """Without the status history, the case's own fields (``decision`` and ``decided_at``, which is also set for a
    withdrawal) tell how and when the procedure ended."""
    at = row.get("decided_at")
    if decided is not None or ended is not None or at is None:
        return decided, ended, outcome
    decision = str(row.get("decision") or "")
    if decision in ("approved", "refused"):
        return at, ended, decision
    if decision.startswith("withdrawn"):
        return decided, at, "withdrawn"
    return decided, ended, outcome


@dataclass(frozen=True)
class StageFigures:
    days: Summary
    working_days: Summary

    @classmethod
    def of(cls, durations: list[Duration]) -> StageFigures:
        return cls(Summary.of([d.days for d in durations]), Summary.of([float(d.working_days) for d in durations]))


@dataclass
class Row:
    """One month of receipt, or the whole period (month None)."""

    month: Month | None
    received: int = 0
    first_check_done: int = 0
    complete_first: int = 0
    stages: dict[str, StageFigures] = field(default_factory=dict)

    @property
    def share_complete_first(self) -> float | None:
        """Percent, None when no first check has finished."""
        return 100.0 * self.complete_first / self.first_check_done if self.first_check_done else None

    @property
    def label(self) -> str:
        return self.month.label() if self.month else str(_("Gesamt"))


def monthly_counts(user: User, period: Period) -> dict[Month, tuple[int, int, int]]:
    """(received, first check done, complete at first check) per month of receipt, counted in the database."""
    has_nf = Exists(Nachforderung.objects.filter(case=OuterRef("pk")))
    result: dict[Month, tuple[int, int, int]] = {}
    for row in (
        period_cases(user, period)
        .annotate(month=TruncMonth("submitted_at", tzinfo=timezone.get_default_timezone()))
        .values("month")
        .annotate(
            received=Count("pk"),
            with_nf=Count("pk", filter=Q(has_nf)),
            complete_first=Count("pk", filter=Q(completed_at__isnull=False) & ~Q(has_nf)),
        )
        .order_by("month")
    ):
        month = row["month"]
        day = timezone.localtime(month).date() if isinstance(month, dt.datetime) else month
        result[Month.of(day)] = (row["received"], row["with_nf"] + row["complete_first"], row["complete_first"])
    return result


def _stage_figures(lines: Iterable[CaseTimeline]) -> dict[str, StageFigures]:
    collected: dict[str, list[Duration]] = defaultdict(list)
    for line in lines:
        for key, duration in line.durations.items():
            collected[key].append(duration)
    return {stage.key: StageFigures.of(collected.get(stage.key, [])) for stage in (*STAGES, *PARTS)}


@dataclass(frozen=True)
class OverdueItem:
    case_id: uuid.UUID
    file_number: str
    due: dt.date
    since: dt.date | None  # received / sent
    working_days_over: int
    days_over: int
    detail: str = ""  # e.g. the Fachstelle of a Beteiligung


@dataclass
class Overdue:
    completeness: list[OverdueItem]
    nachforderungen: list[OverdueItem]
    beteiligungen: list[OverdueItem]

    @property
    def total(self) -> int:
        return len(self.completeness) + len(self.nachforderungen) + len(self.beteiligungen)


def overdue(user: User, today: dt.date, workdays: WorkingDays | None = None) -> Overdue:
    """What is past its deadline today, in the user's Kommune (independent of the period)."""
    workdays = workdays or WorkingDays()
    cases = cases_visible_to(user)
    completeness = []
    for case_id, file_number, due, received in (
        cases.filter(state=CaseState.SUBMITTED, completeness_due__lt=today)
        .order_by("completeness_due", "file_number")
        .values_list("id", "file_number", "completeness_due", "last_submitted_at")
    ):
        assert due is not None  # filtered above
        completeness.append(OverdueItem(case_id, file_number, due, _local_date(received) if received else None,
                                        workdays.between(due, today), (today - due).days))  # fmt: skip
    nachforderungen = [
        OverdueItem(case_id, file_number, deadline, _local_date(created), workdays.between(deadline, today),
                    (today - deadline).days)
        for case_id, file_number, deadline, created in Nachforderung.objects.filter(
            case__in=cases.filter(state=CaseState.NACHFORDERUNG), answered_at__isnull=True, deadline__lt=today
        ).order_by("deadline", "case__file_number").values_list("case_id", "case__file_number", "deadline",
                                                                "created_at")
        if has_ended(legal_end(deadline), today)  # § 31 Abs. 3 VwVfG NRW: a Saturday deadline runs until Monday
    ]  # fmt: skip
    open_cases = cases.filter(state__in=(CaseState.SUBMITTED, CaseState.NACHFORDERUNG, CaseState.COMPLETE))
    return Overdue(completeness, nachforderungen, _overdue_beteiligungen(open_cases, today, workdays))


def _overdue_beteiligungen(cases: QuerySet[Case], today: dt.date, workdays: WorkingDays) -> list[OverdueItem]:
    """Beteiligungen of Fachstellen still waiting for a Stellungnahme after their deadline."""
    items = []
    for row in (
        Beteiligung.objects.filter(status=BeteiligungStatus.REQUESTED, case__in=cases, deadline__lt=today)
        .order_by("deadline", "case__file_number")
        .values("case_id", "case__file_number", "deadline", "requested_at", "fachstelle__name")
    ):
        deadline = row["deadline"]
        items.append(OverdueItem(
            row["case_id"], row["case__file_number"], deadline, _local_date(row["requested_at"]),
            workdays.between(deadline, today), (today - deadline).days, str(row["fachstelle__name"]),
        ))  # fmt: skip
    return items


@dataclass
class Report:
    period: Period
    months: list[Row]
    total: Row
    timelines: list[CaseTimeline]
    overdue: Overdue
    today: dt.date
    figures_as_of: dt.datetime | None = None  # set when the page shows cached figures older than the last change


def _figures(user: User, period: Period, workdays: WorkingDays) -> tuple[list[Row], Row, list[CaseTimeline]]:
    timelines = load_timelines(user, period, workdays)
    counts = monthly_counts(user, period)
    by_month: dict[Month, list[CaseTimeline]] = defaultdict(list)
    for line in timelines:
        by_month[line.month].append(line)
    rows = []
    for month in period.months:
        received, done, first = counts.get(month, (0, 0, 0))
        rows.append(Row(month, received, done, first, _stage_figures(by_month.get(month, []))))
    total = Row(
        None, sum(r.received for r in rows), sum(r.first_check_done for r in rows), sum(r.complete_first for r in rows),
        _stage_figures(timelines),
    )  # fmt: skip
    return rows, total, timelines


def build_report(user: User, period: Period, today: dt.date) -> Report:
    workdays = WorkingDays()
    rows, total, timelines = _figures(user, period, workdays)
    return Report(period, rows, total, timelines, overdue(user, today, workdays), today)


#: Raise when the figures' meaning changes: cached figures of the old meaning are then not read any more.
FIGURES_VERSION = 1
FIGURES_TIMEOUT = 7 * 24 * 3600
REFRESH_LOCK_SECONDS = 300  # at most one refresh per Kommune and period in flight (a lost task expires)


def newest_change(user: User) -> int | None:
    """The newest status change of the user's Kommune (indexed). Every change the figures read comes with one
    (receipt, Nachforderung, resubmission, completeness, decision, withdrawal: cases.workflow writes it in the same
    transaction), and nothing is ever deleted, so a newer one means the figures may have changed."""
    if user.tenant_id is None:
        return None
    return (StatusChange.objects.filter(tenant_id=user.tenant_id).order_by("-id")
            .values_list("id", flat=True).first())  # fmt: skip


def figures_key(user: User, period: Period) -> str:
    return f"reports:figures:{FIGURES_VERSION}:{user.tenant_id}:{period.first.iso()}:{period.last.iso()}"


def compute_figures(user: User, period: Period) -> tuple[list[Row], Row]:
    """Compute the period's figures and keep them in the cache with the status change they reflect."""
    newest = newest_change(user)
    rows, total, _timelines = _figures(user, period, WorkingDays())
    cache.set(figures_key(user, period), (newest, timezone.now(), rows, total), FIGURES_TIMEOUT)
    return rows, total


def build_page_report(user: User, period: Period, today: dt.date) -> Report:
    """The report for the statistics page, without the per-case timelines (only the CSV needs them).

    The period's figures come from the cache (a year of a Kreis takes seconds to compute). When a status change
    happened since, the page shows the figures as they were (``Report.figures_as_of``) while a background task
    computes them anew (reports.tasks; one at a time per Kommune and period); only the very first view computes
    them itself. Today's overdue lists are always read fresh."""
    if user.tenant_id is None:
        return build_report(user, period, today)
    key = figures_key(user, period)
    cached = cache.get(key)
    as_of = None
    if cached is None:
        rows, total = compute_figures(user, period)
    else:
        newest, computed_at, rows, total = cached
        if newest != newest_change(user):
            from bauantrag.reports.tasks import refresh_figures

            if cache.add(f"{key}:refreshing", True, REFRESH_LOCK_SECONDS):
                refresh_figures.delay(user.pk, period.first.iso(), period.last.iso())
            fresh = cache.get(key)  # a worker running tasks at once (tests, BAUANTRAG_TASKS_EAGER) is done already
            if fresh is not None and fresh[0] != newest:
                _newest, _at, rows, total = fresh
            else:
                as_of = computed_at
    report = Report(period, rows, total, [], overdue(user, today, WorkingDays()), today)
    report.figures_as_of = as_of
    return report
