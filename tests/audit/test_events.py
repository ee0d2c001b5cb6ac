"""Each app declares its audit events; the trail stores plain codes and knows their labels from the registry."""

from __future__ import annotations

import pytest
from django.db import models

from bauantrag.audit import events
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.events import CaseEvent


def test_every_app_that_writes_the_trail_declares_its_events() -> None:
    assert [key for key, _types in events.EVENT_TYPES.items()] == [
        "accounts", "api", "assist", "beteiligung", "cases", "correspondence", "decision", "documents", "fees",
        "neighbours", "parcels", "plans", "reports"]
    codes = events.known_codes()
    assert len(codes) == len(set(codes)) and "case.submitted" in codes and "letter.retrieved" in codes


def test_labels_come_from_the_declaring_app_and_an_unknown_code_shows_as_it_is() -> None:
    assert events.label("case.submitted") == "Antrag eingereicht"
    assert events.label("letter.retrieved") == "Schreiben abgerufen (Bekanntgabe)"
    assert events.label("old.code") == "old.code"


def test_the_event_column_has_no_choices_so_a_new_event_needs_no_migration() -> None:
    assert not AuditEvent._meta.get_field("event").choices


def test_a_code_declared_twice_is_an_error() -> None:
    class Clash(models.TextChoices):
        SUBMITTED = "case.submitted", "Doppelt"

    with pytest.raises(events.DuplicateEventCode, match=r"case\.submitted"):
        events.register_events("test", Clash)
    assert "test" not in events.EVENT_TYPES


def test_the_applicant_side_sees_its_own_events_but_not_the_clerks_reviews() -> None:
    visible = events.applicant_visible_codes()
    assert {CaseEvent.CASE_SUBMITTED, "document.uploaded"} <= visible
    assert CaseEvent.FINDING_REVIEWED not in visible and "check.findings_refreshed" not in visible
