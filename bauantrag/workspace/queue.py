"""The clerk's queue, one page at a time, at a cost that does not grow per row.

The open cases are ordered by their running deadline (``cases.deadlines.queue_deadlines``: the case's own deadline
and those other apps add, e.g. open Beteiligungen). When every deadline source also gives its earliest date as SQL
(``cases.deadlines.DEADLINE_DUES``), each case stores that date (``Case.running_due``, cases/running_due.py) and the
database sorts, counts and slices along the index ``case_queue_running_due``; only the page's 50 cases are loaded,
in one query, and only they pass through ``queue_deadlines``. A source without SQL makes the queue read all open
cases as light rows and sort them in Python (exact, one query per source, but linear in the open cases).
The view of passed deadlines („frist“) always decides in Python (§ 31 VwVfG NRW moves an end on a weekend or
holiday), over the cases whose earliest date lies before today. Closed cases are counted and sliced by the
database in every view.

The database sorts by the stored deadline, Python by its § 31 end (``legal_end``). Both give the same order: the
end never reverses two days, and a new deadline is stored as a Werktag anyway; only two older rows ending on the
same Monday (stored Saturday and Monday) keep their stored order instead of the secondary one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, overload

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from bauantrag.cases import deadlines
from bauantrag.cases.models import CLOSED_STATES, Case, CheckRun, Procedure
from bauantrag.cases.running_due import NO_DEADLINE, due_expression, open_nf_deadline

PAGE_SIZE = 50
__all__ = ["NO_DEADLINE", "PAGE_SIZE", "open_cases", "page_rows", "queue_order", "running_due"]

#: Light columns that queue_deadlines and its sources read (anything else would be fetched once per row).
LIGHT_FIELDS = ("id", "state", "round", "completeness_due", "decision_due", "submitted_at")


def running_due() -> Any | None:
    """The running deadline as SQL, or None if a deadline source has none (then the queue sorts in Python)."""
    return due_expression()


def _open_count(status: str) -> Count:
    return Count("check_runs__findings", filter=Q(check_runs__round=F("round"), check_runs__findings__status=status))


class QueueOrder(Sequence[Any]):
    """The ids of the queue's rows in order, part after part (a list of ids or a query of ids). A Paginator
    counts and slices it; only the parts a slice reaches ask the database."""

    def __init__(self, *parts: list[Any] | QuerySet[Any]) -> None:
        self.parts = parts
        self._sizes: list[int] | None = None

    def sizes(self) -> list[int]:
        if self._sizes is None:
            self._sizes = [len(part) if isinstance(part, list) else part.count() for part in self.parts]
        return self._sizes

    def __len__(self) -> int:
        return sum(self.sizes())

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            return self[index:index + 1][0]
        start, stop = index.start or 0, len(self) if index.stop is None else index.stop
        ids: list[Any] = []
        offset = 0
        for part, size in zip(self.parts, self.sizes(), strict=True):
            if start < offset + size and stop > offset:
                ids += list(part[max(0, start - offset):stop - offset])
            offset += size
        return ids


def _open_nf_deadline() -> Any:
    return open_nf_deadline()


def _sorted_in_python(cases: QuerySet[Case], today: dt.date, *, overdue_only: bool) -> list[Any]:
    light = list(
        cases.only(*LIGHT_FIELDS).annotate(open_nf_deadline=_open_nf_deadline())
        .order_by(F("completeness_due").asc(nulls_last=True), "submitted_at", "pk")
    )
    infos = deadlines.queue_deadlines(light, today)
    if overdue_only:
        light = [case for case in light if infos[case.pk].overdue]
    light.sort(key=lambda case: (infos[case.pk].due is None, infos[case.pk].due or dt.date.max))
    return [case.pk for case in light]


def open_cases(visible: QuerySet[Case], today: dt.date, *, overdue_only: bool = False) -> list[Any] | QuerySet[Any]:
    """The ids of the open cases, earliest running deadline first (none last)."""
    cases = visible.exclude(state__in=CLOSED_STATES)
    if running_due() is None:
        return _sorted_in_python(cases, today, overdue_only=overdue_only)
    # the stored running deadline (cases/running_due.py), read in order from the index case_queue_running_due
    if overdue_only:  # a superset: only dates before today can have ended
        return _sorted_in_python(cases.filter(running_due__lt=today), today, overdue_only=True)
    return (cases.order_by("running_due", F("completeness_due").asc(nulls_last=True), "submitted_at", "pk")
            .values_list("pk", flat=True))


def queue_order(visible: QuerySet[Case], view: str, today: dt.date) -> QueueOrder:
    """The order of one of the queue's views ("offen", "frist", "abgeschlossen", "alle")."""
    closed = visible.filter(state__in=CLOSED_STATES).order_by(F("closed_at").desc(nulls_last=True), "pk")
    closed_ids = closed.values_list("pk", flat=True)
    if view == "abgeschlossen":
        return QueueOrder(closed_ids)
    opened = open_cases(visible, today, overdue_only=view == "frist")
    return QueueOrder(opened, closed_ids) if view == "alle" else QueueOrder(opened)


def page_rows(visible: QuerySet[Case], ids: list[Any], today: dt.date) -> list[dict[str, Any]]:
    """The table rows of one page: one query for the cases (open findings, procedure, Nachforderung), one per
    deadline source."""
    cases = list(
        visible.filter(pk__in=ids).select_related("vorhaben", "assignee")
        .annotate(fail_count=_open_count("fail"), review_count=_open_count("needs_review"),
                  open_nf_deadline=_open_nf_deadline(),
                  procedure=Subquery(CheckRun.objects.filter(case=OuterRef("pk"), round=OuterRef("round"))
                                     .values("procedure")[:1]))
    ) if ids else []
    infos = deadlines.queue_deadlines(cases, today)
    by_id = {case.pk: case for case in cases}
    rows = []
    for pk in ids:
        case = by_id.get(pk)
        if case is None:  # moved away between the two queries
            continue
        rows.append({
            "case": case, "deadline": infos[pk], "overdue": infos[pk].overdue, "closed": case.state in CLOSED_STATES,
            "procedure": Procedure(case.procedure).label if case.procedure in Procedure.values else "",
        })
    return rows
