"""Fixes from the security/correctness review (H10): the clerk's queue reads the Beteiligung deadlines of all
its cases in one query, with the same result as the per-case rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bauantrag.beteiligung import actions
from bauantrag.beteiligung.results import current_beteiligungen
from bauantrag.cases import deadlines
from bauantrag.cases.models import Case
from tests.beteiligung.conftest import Kommune, complete_case_with_documents
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _ask(kommune: Kommune, case: Case, fachstelle: Any) -> Any:
    return actions.request_beteiligung(
        kommune.clerk, case, fachstelle, documents=list(case.documents.all())[:1], message="Bitte prüfen.",
    )


def _queue_cases(tenant: Any) -> list[Case]:
    return list(Case.objects.filter(tenant=tenant))


def test_queue_deadlines_of_beteiligungen_in_one_query(kommune: Kommune, tenant: Any) -> None:
    _ask(kommune, kommune.case, kommune.gemeinde)
    withdrawn = _ask(kommune, kommune.case, kommune.naturschutz)
    actions.withdraw_beteiligung(kommune.clerk, withdrawn)
    _ask(kommune, kommune.case, kommune.brandschutz)
    today = timezone.localdate()

    with CaptureQueriesContext(connection) as one_case:
        deadlines.queue_deadlines(_queue_cases(tenant), today)
    for _i in range(3):
        other = complete_case_with_documents(UserFactory(tenant=tenant), kommune.clerk)
        _ask(kommune, other, kommune.brandschutz)
    with CaptureQueriesContext(connection) as four_cases:
        notes = deadlines.queue_deadlines(_queue_cases(tenant), today)
    assert len(four_cases) == len(one_case)  # was one more query per complete case

    # the same notes as the per-case rule: latest not withdrawn request per Fachstelle, open ones only
    # (besides the decision date of § 71 Abs. 6 BauO NRW, which the cases app lists for a complete case)
    labels = [note.label for note in notes[kommune.case.pk].notes if note.label.startswith("Beteiligung")]
    expected = [f"Beteiligung {b.fachstelle.name}" for b in current_beteiligungen(kommune.case) if b.is_open]
    assert labels == expected == ["Beteiligung Brandschutzdienststelle", "Beteiligung Gemeinde Musterdorf"]

    # the Gemeinde's silence after two months: deemed given, not overdue; another Fachstelle's: overdue
    later = today + dt.timedelta(days=75)
    notes_later = {n.label: n for n in deadlines.queue_deadlines(_queue_cases(tenant), later)[kommune.case.pk].notes}
    gemeinde = notes_later["Beteiligung Gemeinde Musterdorf"]
    assert not gemeinde.overdue and "gilt als erteilt" in gemeinde.proposal
    assert notes_later["Beteiligung Brandschutzdienststelle"].overdue
