"""The running deadline of an open case, stored in ``Case.running_due`` so that the clerk's queue sorts, counts
and pages by an index instead of computing every open case's deadline on every request.

The deadline is the earliest of the case's own (Vollständigkeitsprüfung, open Nachforderung, Entscheidung) and of
every registered deadline source's SQL form (``cases.deadlines.DEADLINE_DUES``, e.g. open Beteiligungen);
``NO_DEADLINE`` when there is none, NULL for drafts and closed cases. It depends only on stored rows, never on
today, so it is written when they change: on every save of a Case or Nachforderung (receivers below), and of a
source's rows by the app that owns them (``store`` from its receiver, e.g. beteiligung). Code that changes these
rows with ``QuerySet.update`` or ``bulk_create`` calls ``store`` itself.

If a source has no SQL form, ``due_expression`` is None, nothing is stored and the queue sorts in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Case as DbCase
from django.db.models import DateField, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.db.models.signals import post_delete, post_save

from bauantrag.cases import deadlines
from bauantrag.cases.models import CLOSED_STATES, Case, CaseState, Nachforderung

NO_DEADLINE = dt.date(9999, 12, 31)  # sorts after every real deadline, before NULL (closed)


def open_nf_deadline() -> DbCase:
    """The deadline of the open Nachforderung, looked up only for cases waiting for one."""
    deadline = Subquery(
        Nachforderung.objects.filter(case=OuterRef("pk"), answered_at__isnull=True)
        .order_by("-created_at").values("deadline")[:1]
    )
    return DbCase(When(state=CaseState.NACHFORDERUNG, then=deadline), default=None, output_field=DateField())


def _own_due() -> DbCase:
    return DbCase(
        When(state=CaseState.SUBMITTED, then=F("completeness_due")),
        When(state=CaseState.COMPLETE, then=F("decision_due")),
        When(state=CaseState.NACHFORDERUNG, then=open_nf_deadline()),
        default=None, output_field=DateField(),
    )


def due_expression() -> Any | None:
    """The earliest deadline of a case as SQL (NO_DEADLINE if none), or None if a source has no SQL form."""
    parts: list[Any] = [_own_due()]
    for key, _source in deadlines.DEADLINE_SOURCES.items():
        if key not in deadlines.DEADLINE_DUES:
            return None
        parts.append(deadlines.DEADLINE_DUES[key]())
    dates = [Coalesce(part, Value(NO_DEADLINE), output_field=DateField()) for part in parts]
    return Least(*dates, output_field=DateField()) if len(dates) > 1 else dates[0]


def store(cases: QuerySet[Case] | Iterable[Any]) -> int:
    """Write the running deadline of these cases (a queryset or primary keys) in one UPDATE."""
    due = due_expression()
    if due is None:
        return 0
    rows = cases if isinstance(cases, QuerySet) else Case.objects.filter(pk__in=list(cases))
    closed = [*CLOSED_STATES, CaseState.DRAFT]
    return rows.update(running_due=DbCase(When(state__in=closed, then=Value(None)), default=due,
                                          output_field=DateField()))  # fmt: skip


def _case_saved(sender: type[Case], instance: Case, **kwargs: Any) -> None:
    store([instance.pk])


def _nachforderung_changed(sender: type[Nachforderung], instance: Nachforderung, **kwargs: Any) -> None:
    store([instance.case_id])


def connect() -> None:
    post_save.connect(_case_saved, sender=Case, dispatch_uid="cases.running_due.case")
    post_save.connect(_nachforderung_changed, sender=Nachforderung, dispatch_uid="cases.running_due.nf")
    post_delete.connect(_nachforderung_changed, sender=Nachforderung, dispatch_uid="cases.running_due.nf_deleted")
