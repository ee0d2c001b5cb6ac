"""What the readers say when their limited child process (``bauantrag.sandbox``) did not finish: German
sentences for the operator and the Kommune's administration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from bauantrag.sandbox import ChildFailed, ChildLimits, run

logger = logging.getLogger("bauantrag.formats")


def read_in_child(reader: str, data: bytes, params: dict[str, Any], limits: ChildLimits,
                  take: Callable[[dict[str, Any]], None], error: Callable[[dict[str, Any] | str], Exception]) -> None:
    """Run ``reader`` on ``data`` in the limited child and hand each result message to ``take``. An error message
    of the reader raises ``error(message)`` once the child finished (read to the end: its peak memory is measured);
    a child that failed or sent what no reader sends raises ``error(sentence)`` with the German failure."""
    found: dict[str, Any] | None = None
    try:
        for message in run(reader, data, params, limits):
            if "error" in message:
                found = message
            else:
                take(message)
    except (ValueError, KeyError, TypeError) as exc:  # not what the reader sends: the child is not ours any more
        logger.error("The limited child sent a malformed result: %s", exc)
        raise error(failure_message(ChildFailed("crashed"), limits)) from None
    except ChildFailed as failure:
        logger.warning("Reading a file in the limited child failed: %s", failure)
        raise error(failure_message(failure, limits)) from failure
    if found is not None:
        raise error(found)


def failure_message(failure: ChildFailed, limits: ChildLimits) -> str:
    if failure.code == "memory":
        return (f"Die Datei braucht zum Lesen mehr Arbeitsspeicher als erlaubt (höchstens {limits.memory_mb} MB). "
                "Bitte teilen Sie sie auf.")
    if failure.code == "timeout":
        seconds = f"{limits.seconds:g}".replace(".", ",")
        return (f"Die Datei konnte nicht innerhalb des Zeitlimits von {seconds} Sekunden gelesen werden. "
                "Bitte teilen Sie sie auf.")
    if failure.code == "output":
        return "Die Datei ergibt beim Lesen zu viele Daten. Bitte teilen Sie sie auf."
    return "Das Lesen der Datei ist abgebrochen; die Datei ist vermutlich beschädigt."
