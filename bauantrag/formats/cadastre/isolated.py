"""``read_parcels`` in a limited child process (``bauantrag.sandbox``): the caller's process only receives the
Flurstücke, as JSON."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from bauantrag.formats.cadastre import MAX_CADASTRE_BYTES, CadastreFormatError, Parcel, read_parcels
from bauantrag.formats.isolated import read_in_child
from bauantrag.formats.transfer import decode, encode
from bauantrag.sandbox import ChildLimits

logger = logging.getLogger("bauantrag.formats")
READER = "bauantrag.formats.cadastre.isolated:child_read"
BATCH = 500  # Flurstücke per message


def read_parcels_isolated(
    data: bytes, *, max_bytes: int = MAX_CADASTRE_BYTES, limits: ChildLimits | None = None
) -> list[Parcel]:
    """Like ``read_parcels(data)``; a file that is broken or needs more memory or time than ``limits`` raises
    CadastreFormatError (German)."""
    limits = limits or ChildLimits()
    parcels: list[Parcel] = []

    def error(found: dict[str, Any] | str) -> CadastreFormatError:
        if isinstance(found, str):
            return CadastreFormatError(found)
        return CadastreFormatError(str(found["error"]), found.get("line"), found.get("where"))

    read_in_child(READER, data, {"max_bytes": max_bytes}, limits,
                  lambda message: parcels.extend(decode(Parcel, item) for item in message["parcels"]), error)
    return parcels


def child_read(data: bytes, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """In the child: the Flurstücke in batches, or one message with the error."""
    try:
        parcels = read_parcels(data, max_bytes=int(params["max_bytes"]))
    except CadastreFormatError as exc:
        yield {"error": exc.message, "line": exc.line, "where": exc.where}
        return
    for start in range(0, len(parcels), BATCH):
        yield {"parcels": [encode(parcel) for parcel in parcels[start: start + BATCH]]}
