"""``read_plans`` in a limited child process (``bauantrag.sandbox``): the caller's process only receives the
parsed plans, as JSON. What the plan register and the command line use for files from outside."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from bauantrag.formats.isolated import failure_message, read_in_child
from bauantrag.formats.transfer import decode, encode
from bauantrag.formats.xplan.errors import PlanFormatError
from bauantrag.formats.xplan.reader import read_plans
from bauantrag.formats.xplan.safe_xml import MAX_PLAN_BYTES
from bauantrag.rules.planning.plan import Bebauungsplan
from bauantrag.sandbox import ChildFailed, ChildLimits

logger = logging.getLogger("bauantrag.formats")
READER = "bauantrag.formats.xplan.isolated:child_read"


def read_plans_isolated(
    data: bytes, *, max_bytes: int = MAX_PLAN_BYTES, limits: ChildLimits | None = None
) -> tuple[Bebauungsplan, ...]:
    """Like ``read_plans(data)``; a file that is broken, unsafe or needs more memory or time than ``limits``
    raises PlanFormatError (German)."""
    limits = limits or ChildLimits()
    plans: list[Bebauungsplan] = []

    def error(found: dict[str, Any] | str) -> PlanFormatError:
        if isinstance(found, str):
            return PlanFormatError(found)
        return PlanFormatError(str(found["error"]), found.get("line"), found.get("element"))

    read_in_child(READER, data, {"max_bytes": max_bytes}, limits,
                  lambda message: plans.append(decode(Bebauungsplan, message["plan"])), error)
    if not plans:
        raise PlanFormatError(failure_message(ChildFailed("crashed", "no plan"), limits))
    return tuple(plans)


def child_read(data: bytes, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """In the child: one message per plan, or one with the error."""
    try:
        plans = read_plans(data, max_bytes=int(params["max_bytes"]))
    except PlanFormatError as exc:
        yield {"error": exc.message, "line": exc.line, "element": exc.element}
        return
    for plan in plans:
        yield {"plan": encode(plan)}
