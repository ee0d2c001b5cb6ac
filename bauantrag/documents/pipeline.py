"""What happens to a Bauvorlage after its text has been read (classification, extraction, ...).

The text task (documents.tasks) calls run_after_text(document) once the pages are stored. Other apps
register their step in AppConfig.ready(); a step that raises is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from bauantrag.registry import Registry

if TYPE_CHECKING:
    from bauantrag.documents.models import Document

logger = logging.getLogger(__name__)

Step = Callable[["Document"], object]  # its result is ignored
AFTER_TEXT: Registry[Step] = Registry("steps after a Bauvorlage's text is read")


def register_after_text(key: str, step: Step, *, order: int = 100) -> None:
    AFTER_TEXT.register(key, step, order=order)


def run_after_text(document: Document) -> list[str]:
    """Run every registered step; returns the keys of the steps that failed."""
    failed = []
    for key, step in AFTER_TEXT.items():
        try:
            step(document)
        except Exception:
            logger.exception("after-text step %s failed for document %s", key, getattr(document, "pk", None))
            failed.append(key)
    return failed
