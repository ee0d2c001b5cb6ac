"""The clerk's queue, one page at a time, at a cost that does not grow per row.

The order of the open cases is the running deadline (``cases.deadlines.queue_deadlines``: the case's own deadline
and those other apps add, e.g. open Beteiligungen), which no single column holds. So the open cases are read once
as light rows (a few columns, one query, plus one query per deadline source), sorted in Python, and only the ids
of the requested page are loaded with everything the table shows (one query). Closed cases, the bulk of the
table after a few years, never pass through Python: they are counted and sliced by the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

from django.db.models import Case as DbCase
from django.db.models import Count, DateField, F, OuterRef, Q, QuerySet, Subquery, When

from bauantrag.cases import deadlines
from bauantrag.cases.models import CLOSED_STATES, Case, CaseState, CheckRun, Nachforderung, Procedure

PAGE_SIZE = 50

#: Light columns that queue_deadlines and its sources read (anything else would be fetched once per row).
LIGHT_FIELDS = ("id", "state", "round", "completeness_due", "decision_due", "submitted_at")


def _open_nf_deadline() -> DbCase:
    """The deadline of the open Nachforderung, looked up only for cases waiting for one."""
    deadline = Subquery(
        Nachforderung.objects.filter(case=OuterRef("pk"), answered_at__isnull=True)
        .order_by("-created_at").values("deadline")[:1]
    )
    return DbCase(When(state=CaseState.NACHFORDERUNG, then=deadline), default=None, output_field=DateField())


def _open_count(status: str) -> Count:
    return Count("check_runs__findings", filter=Q(check_runs__round=F("round"), check_runs__findings__status=status))


@dataclass
class QueueOrder(Sequence[Any]):
    """The ids of the queue's rows in order: the sorted open cases first, then the closed cases in the database's
    order. A Paginator counts and slices it; only a slice reaching into the closed part asks the database."""

    open_ids: list[Any]
    closed: QuerySet[Case] | None = None

    def __len__(self) -> int:
        return len(self.open_ids) + (self.closed.count() if self.closed is not None else 0)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            return self[index:index + 1][0]
        start, stop = index.start or 0, index.stop
        ids = self.open_ids[start:stop]
        if self.closed is not None and (stop is None or stop > len(self.open_ids)):
            offset = max(0, start - len(self.open_ids))
            end = None if stop is None else stop - len(self.open_ids)
            ids += list(self.closed.values_list("pk", flat=True)[offset:end])
        return ids


def sorted_open_cases(
    visible: QuerySet[Case], today: dt.date, *, overdue_only: bool = False
) -> tuple[list[Any], dict[Any, deadlines.QueueDeadlines]]:
    """The ids of the open cases, earliest running deadline first (none last), and each one's deadlines."""
    light = list(
        visible.exclude(state__in=CLOSED_STATES).only(*LIGHT_FIELDS)
        .annotate(open_nf_deadline=_open_nf_deadline())
        .order_by(F("completeness_due").asc(nulls_last=True), "submitted_at", "pk")
    )
    infos = deadlines.queue_deadlines(light, today)
    if overdue_only:
        light = [case for case in light if infos[case.pk].overdue]
    light.sort(key=lambda case: (infos[case.pk].due is None, infos[case.pk].due or dt.date.max))
    return [case.pk for case in light], infos


def queue_order(visible: QuerySet[Case], view: str, today: dt.date) -> tuple[QueueOrder, dict[Any, Any]]:
    """The order of one of the queue's views ("offen", "frist", "abgeschlossen", "alle")."""
    closed = visible.filter(state__in=CLOSED_STATES)
    if view == "abgeschlossen":
        return QueueOrder([], closed.order_by(F("closed_at").desc(nulls_last=True), "pk")), {}
    open_ids, infos = sorted_open_cases(visible, today, overdue_only=view == "frist")
    if view == "alle":
        return QueueOrder(open_ids, closed.order_by(F("closed_at").desc(nulls_last=True), "pk")), infos
    return QueueOrder(open_ids), infos


def page_rows(visible: QuerySet[Case], ids: list[Any], infos: dict[Any, Any]) -> list[dict[str, Any]]:
    """The table rows of one page, loaded in one query (the counts of open findings, the procedure)."""
    cases = (
        visible.filter(pk__in=ids).select_related("vorhaben")
        .annotate(fail_count=_open_count("fail"), review_count=_open_count("needs_review"),
                  procedure=Subquery(CheckRun.objects.filter(case=OuterRef("pk"), round=OuterRef("round"))
                                     .values("procedure")[:1]))
    )
    by_id = {case.pk: case for case in cases}
    rows = []
    for pk in ids:
        case = by_id.get(pk)
        if case is None:  # closed or moved away between the two queries
            continue
        rows.append({
            "case": case, "deadline": infos.get(pk) or deadlines.QueueDeadlines(),
            "overdue": bool(infos.get(pk) and infos[pk].overdue), "closed": case.state in CLOSED_STATES,
            "procedure": Procedure(case.procedure).label if case.procedure in Procedure.values else "",
        })
    return rows
