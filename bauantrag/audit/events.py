"""The event types of the audit trail, owned by the apps that write them.

Each app declares its events in its own ``events.py`` as a ``TextChoices`` enum (codes "<area>.<what>") and
registers it here; the audit app imports every ``<app>.events`` module when it is ready. The trail stores the
code as a plain string (no database choices, so a new event needs no migration); this registry gives the label
to show. A code that no app declares any more is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import TextChoices

from bauantrag.registry import Registry


@dataclass(frozen=True)
class EventTypes:
    events: type[TextChoices]
    applicant_visible: frozenset[str]  # the codes the applicant side sees in the case's history


EVENT_TYPES: Registry[EventTypes] = Registry("audit event types")


class DuplicateEventCode(ValueError):
    """Two apps declare the same event code."""


def register_events(app_label: str, events: type[TextChoices], *, applicant_visible: Iterable[str] = ()) -> None:
    """applicant_visible: the events the applicant side sees in the case's history (the clerk sees all)."""
    clash = set(known_codes()) & set(events.values)
    if clash:
        raise DuplicateEventCode(f"{app_label}: event codes already declared by another app: {sorted(clash)}")
    EVENT_TYPES.register(app_label, EventTypes(events, frozenset(str(code) for code in applicant_visible)))


def label(code: str) -> str:
    """The German label of an event code, e.g. "case.submitted" → "Antrag eingereicht"."""
    for types in EVENT_TYPES.values():
        if code in types.events.values:
            return str(types.events(code).label)
    return code


def known_codes() -> list[str]:
    return [code for types in EVENT_TYPES.values() for code in types.events.values]


def applicant_visible_codes() -> frozenset[str]:
    return frozenset(code for types in EVENT_TYPES.values() for code in types.applicant_visible)
