"""Case states and the one guarded transition per action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.audit.context import current_request_id
from bauantrag.cases.models import CLOSED_STATES, Case, CaseState, StatusChange

if TYPE_CHECKING:
    from bauantrag.accounts.models import User


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
# The end of the procedure. The case stays COMPLETE while Fachstellen are heard (Beteiligung); the decision is
# applied when the Bescheid is sent (decision/actions.py). A withdrawal is possible until the decision.
APPROVE = Transition("approve", "Baugenehmigung erteilen", frozenset({CaseState.COMPLETE}), CaseState.APPROVED)
REFUSE = Transition("refuse", "Bauantrag ablehnen", frozenset({CaseState.COMPLETE}), CaseState.REFUSED)
WITHDRAW = Transition(
    "withdraw", "Rücknahme erfassen",
    frozenset({CaseState.SUBMITTED, CaseState.NACHFORDERUNG, CaseState.COMPLETE}), CaseState.WITHDRAWN,
)
TRANSITIONS = (SUBMIT, SEND_NACHFORDERUNG, RESUBMIT, CONFIRM_COMPLETE, APPROVE, REFUSE, WITHDRAW)

# Closed cases (decided or withdrawn; models.CLOSED_STATES): read-only, no transition leaves them.

# States in which the applicant side may change data and upload Bauvorlagen.
EDITABLE_STATES = frozenset({CaseState.DRAFT, CaseState.NACHFORDERUNG})


def require_open(case: Case, action: str) -> None:
    """The one guard every action on a case calls (``action``: its German name): a closed case (approved,
    refused, withdrawn) takes no further change. Raises TransitionNotAllowed (HTTP 409 in the API)."""
    if case.state in CLOSED_STATES:
        raise TransitionNotAllowed(
            _("Der Vorgang ist abgeschlossen (Status „%(state)s“); „%(action)s“ ist nicht mehr möglich.")
            % {"action": action, "state": CaseState(case.state).label}
        )


def check(case: Case, transition: Transition) -> None:
    """Raise TransitionNotAllowed (German message) unless the transition is possible now; changes nothing."""
    require_open(case, transition.label)
    state = case.state
    if state not in transition.source:
        raise TransitionNotAllowed(
            _("„%(action)s“ ist im Status „%(state)s“ nicht möglich.")
            % {"action": transition.label, "state": CaseState(state).label}
        )


def apply(case: Case, transition: Transition, *, actor: User | None) -> tuple[str, str]:
    """Move the case along the transition, or raise TransitionNotAllowed; the status history gets its row (in
    the caller's transaction; the caller saves the case). Returns (before, after)."""
    before = case.state
    check(case, transition)
    case.state = transition.target
    StatusChange.objects.create(
        tenant_id=case.tenant_id, case=case, from_state=before, to_state=transition.target, at=timezone.now(),
        actor=actor, request_id=current_request_id(),
    )
    return before, transition.target


def allowed(case: Case) -> list[Transition]:
    return [t for t in TRANSITIONS if case.state in t.source]
