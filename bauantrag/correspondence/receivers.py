"""Letters that accompany case events (connected in CorrespondenceConfig.ready to cases.signals.case_event).

They run inside the case action's transaction; the letter is filled now and rendered after the commit."""

from __future__ import annotations

from typing import Any

from bauantrag.accounts.models import User
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.correspondence.models import LetterKind

EVENT_LETTERS: dict[str, LetterKind] = {
    CaseEvent.CASE_SUBMITTED: LetterKind.EINGANGSBESTAETIGUNG,
    CaseEvent.NACHFORDERUNG_SENT: LetterKind.NACHFORDERUNG,
    CaseEvent.CASE_COMPLETE: LetterKind.VOLLSTAENDIGKEIT,
}


def on_case_event(
    sender: Any, *, case: Case, event: str, actor: User | None = None, obj: Any = None, **kwargs: Any
) -> None:
    kind = EVENT_LETTERS.get(event)
    if kind is None:
        return
    from bauantrag.correspondence.actions import create_event_letter

    context: dict[str, Any] = {}
    if kind == LetterKind.NACHFORDERUNG and obj is not None:
        context = {"nachforderung_id": str(obj.pk), "items": obj.items, "deadline": obj.deadline,
                   "message": obj.message}
    create_event_letter(case, kind, context)
