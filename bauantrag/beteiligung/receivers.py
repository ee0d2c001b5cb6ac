"""When a case closes (Bescheid sent, withdrawal recorded), its open Beteiligungen end with it: the Fachstelle no
longer sees the Bauvorlagen as open work and cannot answer any more."""

from __future__ import annotations

from typing import Any

from bauantrag.accounts.models import User
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case

#: The events that close a case, and why its open Beteiligungen end.
CLOSING_REASONS: dict[str, str] = {
    CaseEvent.CASE_APPROVED: "Vorgang abgeschlossen: Baugenehmigung erteilt",
    CaseEvent.CASE_REFUSED: "Vorgang abgeschlossen: Antrag abgelehnt",
    CaseEvent.CASE_WITHDRAWN: "Vorgang abgeschlossen: Antrag zurückgenommen",
}


def close_open_beteiligungen(sender: Any, *, case: Case, event: str, actor: User | None, **kwargs: Any) -> None:
    from bauantrag.beteiligung.actions import withdraw_beteiligung
    from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus

    reason = CLOSING_REASONS.get(event)
    if reason is None or actor is None:
        return
    for beteiligung in Beteiligung.objects.filter(case=case, status=BeteiligungStatus.REQUESTED):
        withdraw_beteiligung(actor, beteiligung, reason=reason)
