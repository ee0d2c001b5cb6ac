"""A clerk's review of a document finding carries over to the next round while its evidence is unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Finding
from tests.assist.extraction.helpers import run_on_commit, submitted_with_baubeschreibung, upload
from tests.factories import clerk_for

RULE = "plausibilitaet.vollgeschosse"


def _review_and_open_second_round(case: Any, *, new_pages: list[list[str]] | None = None) -> Any:
    clerk = clerk_for(case.tenant)
    finding = Finding.objects.get(check_run__case=case, check_run__round=1, rule=RULE)
    actions.review_finding(clerk, finding, decision="overridden", status="pass",
                           reason="Das Staffelgeschoss ist kein Vollgeschoss; Formular stimmt.")
    with run_on_commit():
        actions.send_nachforderung(clerk, case, items=[{"document_type": "0300", "title": "Lageplan",
                                                        "reason": "unleserlich"}],
                                   message="", deadline=timezone.localdate() + dt.timedelta(days=30))
    case.refresh_from_db()
    if new_pages is not None:
        upload(case, "Baubeschreibung-neu.pdf", new_pages)
    with run_on_commit():
        actions.resubmit(case.applicant, case)
    case.refresh_from_db()
    assert case.round == 2
    return finding


@pytest.mark.django_db
def test_an_unchanged_finding_keeps_the_review_of_round_1(tenant: Any) -> None:
    """Die Baubeschreibung nennt weiter „3 Vollgeschosse“ (Formular: 2): die Bewertung aus Runde 1 gilt in Runde 2
    weiter, als „übernommen aus Runde 1“ gekennzeichnet und protokolliert."""
    case, _ = submitted_with_baubeschreibung(tenant)
    first = _review_and_open_second_round(case)
    again = Finding.objects.get(check_run__case=case, check_run__round=2, rule=RULE)
    review = again.reviews.get()
    assert review.carried_over_from == first.reviews.get()
    assert review.carried_over_from_round == 1
    assert (review.decision, review.status) == ("overridden", "pass")
    event = AuditEvent.objects.filter(event=CaseEvent.FINDING_REVIEWED, subject_id=str(again.pk)).get()
    assert event.after["carried_over_from_round"] == 1


@pytest.mark.django_db
def test_a_changed_evidence_needs_a_new_review(tenant: Any) -> None:
    """Eine nachgereichte Baubeschreibung mit „4 Vollgeschossen“ ist ein neuer Nachweis: keine Übernahme."""
    case, _ = submitted_with_baubeschreibung(tenant)
    _review_and_open_second_round(case, new_pages=[["Baubeschreibung", "Das Haus hat 4 Vollgeschosse."]])
    findings = Finding.objects.filter(check_run__case=case, check_run__round=2, rule=RULE)
    new = findings.get(evidence__extracted_value="4")
    assert not new.reviews.exists()
    old = findings.get(evidence__extracted_value="3")
    assert old.reviews.get().carried_over_from_round == 1
