"""What other apps do when a letter is sent (e.g. the decision flow moves the case when a Bescheid is sent,
the Beteiligung marks its request as sent). Hooks run inside send_letter's transaction: if one raises,
nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bauantrag.accounts.models import User
    from bauantrag.correspondence.models import Letter

LetterSentHook = Callable[["Letter", "User | None"], None]

_ON_LETTER_SENT: dict[str, LetterSentHook] = {}


def register_on_letter_sent(key: str, fn: LetterSentHook) -> None:
    """fn(letter, actor) is called after the letter is frozen and stored, inside the same transaction.

    The letter is already in state "sent" with sha256 and sent_at. Registering the same key again replaces it."""
    _ON_LETTER_SENT[key] = fn


def unregister_on_letter_sent(key: str) -> None:
    _ON_LETTER_SENT.pop(key, None)


def run_on_letter_sent(letter: Letter, actor: User | None) -> None:
    for key in sorted(_ON_LETTER_SENT):
        _ON_LETTER_SENT[key](letter, actor)
