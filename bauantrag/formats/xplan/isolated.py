"""``read_plans`` in a limited child process (``bauantrag.sandbox``): the caller's process only receives the
parsed plans, as JSON. What the plan register and the command line use for files from outside."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from bauantrag.formats.isolated import failure_message
from bauantrag.formats.transfer import decode, encode
from bauantrag.formats.xplan.errors import PlanFormatError
from bauantrag.formats.xplan.reader import read_plans
from bauantrag.formats.xplan.safe_xml import MAX_PLAN_BYTES
from bauantrag.rules.planning.plan import Bebauungsplan
from bauantrag.sandbox import ChildFailed, ChildLimits, run

logger = logging.getLogger("bauantrag.formats")
READER = "bauantrag.formats.xplan.isolated:child_read"


def read_plans_isolated(
    data: bytes, *, max_bytes: int = MAX_PLAN_BYTES, limits: ChildLimits | None = None
) -> tuple[Bebauungsplan, ...]:
    """Like ``read_plans(data)``; a file that is broken, unsafe or needs more memory or time than ``limits``
    raises PlanFormatError (German)."""
    limits = limits or ChildLimits()
    plans: list[Bebauungsplan] = []
    error: PlanFormatError | None = None
    try:
        for message in run(READER, data, {"max_bytes": max_bytes}, limits):  # to the end: the child's peak memory
            if "error" in message:
                error = PlanFormatError(str(message["error"]), message.get("line"), message.get("element"))
            else:
                plans.append(decode(Bebauungsplan, message["plan"]))
    except (ValueError, KeyError, TypeError) as exc:  # not what the reader sends: the child is not ours any more
        logger.error("The limited child sent a malformed result: %s", exc)
        raise PlanFormatError(failure_message(ChildFailed("crashed"), limits)) from None
    except ChildFailed as failure:
        logger.warning("Reading a file in the limited child failed: %s", failure)
        raise PlanFormatError(failure_message(failure, limits)) from failure
    if error is not None:
        raise error
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
