"""What other apps do when a letter is sent (e.g. the decision flow moves the case when a Bescheid is sent,
the Beteiligung marks its request as sent). Hooks run inside send_letter's transaction: if one raises,
nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bauantrag.registry import Registry

if TYPE_CHECKING:
    from bauantrag.accounts.models import User
    from bauantrag.correspondence.models import Letter

LetterSentHook = Callable[["Letter", "User | None"], None]

ON_LETTER_SENT: Registry[LetterSentHook] = Registry("hooks on a sent letter")


def register_on_letter_sent(key: str, fn: LetterSentHook) -> None:
    """fn(letter, actor) is called after the letter is frozen and stored, inside the same transaction.

    The letter is already in state "sent" with sha256 and sent_at."""
    ON_LETTER_SENT.register(key, fn)


def run_on_letter_sent(letter: Letter, actor: User | None) -> None:
    for hook in ON_LETTER_SENT.values():
        hook(letter, actor)
