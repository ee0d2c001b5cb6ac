"""The hash chain of the audit trail, as plain Python so that anyone can verify an export offline.

Each event's hash is SHA-256 over the canonical JSON of its content and the previous event's hash.
A changed row breaks its own hash; a deleted row breaks the sequence and the next row's link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

GENESIS = "0" * 64
HASHED_FIELDS = (
    "chain", "seq", "created_at", "event", "actor", "subject_type", "subject_id",
    "case_id", "before", "after", "message", "request_id",
)


def event_hash(record: Mapping[str, Any], prev_hash: str) -> str:
    content = {name: record.get(name) for name in HASHED_FIELDS}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def verify(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Return the problems found in one chain's records (ordered by seq); empty means intact."""
    problems: list[str] = []
    prev_hash = GENESIS
    expected_seq = 1
    for record in records:
        seq = record.get("seq")
        if seq != expected_seq:
            problems.append(f"Eintrag {expected_seq} fehlt oder Reihenfolge gestört (gefunden: {seq})")
            expected_seq = int(seq or 0)
        if record.get("prev_hash") != prev_hash:
            problems.append(f"Eintrag {seq}: Verkettung zum Vorgänger gebrochen")
        if event_hash(record, str(record.get("prev_hash"))) != record.get("hash"):
            problems.append(f"Eintrag {seq}: Inhalt wurde verändert (Hash stimmt nicht)")
        prev_hash = str(record.get("hash"))
        expected_seq += 1
    return problems
