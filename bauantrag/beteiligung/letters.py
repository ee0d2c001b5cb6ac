"""The Beteiligungsschreiben: with each request a letter draft (correspondence app, kind "beteiligung", recipient
"agency") is filed in the case. The clerk edits and sends it from the case's Post; once sent, the members of the
asked Fachstelle can open its PDF from the Beteiligung (the correspondence app asks ``agency_may_read``)."""

from __future__ import annotations

from bauantrag.accounts.models import User
from bauantrag.beteiligung.access import beteiligungen_visible_to, is_agency
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus
from bauantrag.correspondence.access import register_agency_letter_check
from bauantrag.correspondence.actions import draft_letter as correspondence_draft
from bauantrag.correspondence.models import Letter, LetterState


def draft_letter(actor: User, beteiligung: Beteiligung) -> None:
    """File the Beteiligungsschreiben as a draft, inside the request's transaction."""
    correspondence_draft(
        actor, beteiligung.case, "beteiligung", recipient="agency", beteiligung_id=beteiligung.pk,
        context={"agency_name": beteiligung.fachstelle.name, "deadline": beteiligung.deadline,
                 "beteiligung_id": str(beteiligung.pk)},
    )


def agency_may_read(user: User, letter: Letter) -> bool:
    """A member of the asked Fachstelle may read the letters of its (not withdrawn) Beteiligung."""
    if letter.beteiligung_id is None:
        return False
    return (
        beteiligungen_visible_to(user)
        .filter(pk=letter.beteiligung_id, case_id=letter.case_id)
        .exclude(status=BeteiligungStatus.WITHDRAWN)
        .exists()
    )


def letters_for(user: User, beteiligung: Beteiligung) -> list[Letter]:
    """Clerks: every letter of the Beteiligung (drafts to edit and send); the Fachstelle: the sent ones."""
    letters = Letter.objects.filter(case_id=beteiligung.case_id, beteiligung_id=beteiligung.pk, recipient="agency")
    if is_agency(user):
        if beteiligung.status == BeteiligungStatus.WITHDRAWN:
            return []
        letters = letters.filter(state=LetterState.SENT)
    return list(letters.order_by("created_at"))


def register() -> None:
    register_agency_letter_check("beteiligung", agency_may_read)
