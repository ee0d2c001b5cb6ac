"""When a case closes (Bescheid sent, withdrawal recorded), its open Beteiligungen end with it: the Fachstelle no
longer sees the Bauvorlagen as open work and cannot answer any more."""

from __future__ import annotations

from typing import Any

from bauantrag.cases.events import CaseEvent

CLOSING_EVENTS = frozenset({CaseEvent.CASE_APPROVED, CaseEvent.CASE_REFUSED, CaseEvent.CASE_WITHDRAWN})


def close_open_beteiligungen(sender: Any, *, case: Any, event: Any, actor: Any, **kwargs: Any) -> None:
    from bauantrag.beteiligung.actions import withdraw_beteiligung
    from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus

    if event not in CLOSING_EVENTS or actor is None:
        return
    reason = {
        CaseEvent.CASE_APPROVED: "Vorgang abgeschlossen: Baugenehmigung erteilt",
        CaseEvent.CASE_REFUSED: "Vorgang abgeschlossen: Antrag abgelehnt",
        CaseEvent.CASE_WITHDRAWN: "Vorgang abgeschlossen: Antrag zurückgenommen",
    }[event]
    for beteiligung in Beteiligung.objects.filter(case=case, status=BeteiligungStatus.REQUESTED):
        withdraw_beteiligung(actor, beteiligung, reason=reason)
