"""The event types of the audit trail, owned by the apps that write them.

Each app declares its events in its own ``events.py`` as a ``TextChoices`` enum (codes "<area>.<what>") and
registers it here; the audit app imports every ``<app>.events`` module when it is ready. The trail stores the
code as a plain string (no database choices, so a new event needs no migration); this registry gives the label
to show. A code that no app declares any more is shown as it is.
"""

from __future__ import annotations

from django.db.models import TextChoices

from bauantrag.registry import Registry

EVENT_TYPES: Registry[type[TextChoices]] = Registry("audit event types")


class DuplicateEventCode(ValueError):
    """Two apps declare the same event code."""


def register_events(app_label: str, events: type[TextChoices]) -> None:
    taken = {code for other in EVENT_TYPES.values() for code in other.values}
    clash = taken & set(events.values)
    if clash:
        raise DuplicateEventCode(f"{app_label}: event codes already declared by another app: {sorted(clash)}")
    EVENT_TYPES.register(app_label, events)


def label(code: str) -> str:
    """The German label of an event code, e.g. "case.submitted" → "Antrag eingereicht"."""
    for events in EVENT_TYPES.values():
        if code in events.values:
            return str(events(code).label)
    return code


def known_codes() -> list[str]:
    return [code for events in EVENT_TYPES.values() for code in events.values]
