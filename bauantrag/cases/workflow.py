"""Case states and the one guarded transition per action."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from bauantrag.cases.models import Case, CaseState


class TransitionNotAllowed(Exception):
    """The case is not in a state where this action is possible. Carries a German message."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: frozenset[CaseState]
    target: CaseState


SUBMIT = Transition("submit", "Einreichen", frozenset({CaseState.DRAFT}), CaseState.SUBMITTED)
SEND_NACHFORDERUNG = Transition(
    "send_nachforderung", "Nachforderung senden", frozenset({CaseState.SUBMITTED}), CaseState.NACHFORDERUNG
)
RESUBMIT = Transition(
    "resubmit", "Erneut einreichen", frozenset({CaseState.NACHFORDERUNG}), CaseState.SUBMITTED
)
CONFIRM_COMPLETE = Transition(
    "confirm_complete", "Vollständigkeit bestätigen", frozenset({CaseState.SUBMITTED}), CaseState.COMPLETE
)
TRANSITIONS = (SUBMIT, SEND_NACHFORDERUNG, RESUBMIT, CONFIRM_COMPLETE)

# States in which the applicant side may change data and upload Bauvorlagen.
EDITABLE_STATES = frozenset({CaseState.DRAFT, CaseState.NACHFORDERUNG})


def apply(case: Case, transition: Transition) -> tuple[str, str]:
    """Move the case along the transition, or raise TransitionNotAllowed. Returns (before, after)."""
    before = case.state
    if before not in transition.source:
        raise TransitionNotAllowed(
            _("„%(action)s“ ist im Status „%(state)s“ nicht möglich.")
            % {"action": transition.label, "state": CaseState(before).label}
        )
    case.state = transition.target
    return before, transition.target


def allowed(case: Case) -> list[Transition]:
    return [t for t in TRANSITIONS if case.state in t.source]
