"""The hash chain of the audit trail, as plain Python so that anyone can verify an export offline.

Each event's hash covers the canonical JSON of its content and the previous event's hash. A changed row breaks
its own hash; a deleted row breaks the sequence and the next row's link.

Two versions of the hash, kept per row (`hash_version`), so that no history is rewritten:
- version 1 (rows written before the chain was keyed): SHA-256 over some columns — anyone could recompute it
  after a change, and actor and Kommune were not covered;
- version 2: HMAC-SHA256 with the audit key (a file outside the database) over every column, including
  `tenant_id`, `actor_id`, `seq`, the time and before/after. Without the key a changed row cannot be re-sealed.
Once a chain has a version-2 row, a later version-1 row is a downgrade and reported.

Truncating the tail and rewriting a whole chain are detected against checkpoints kept outside the database
(`checkpoint`, `compare_with_checkpoints`; written by audit/anchor.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

GENESIS = "0" * 64
PLATFORM = "platform"  # the chain of accounts without a Kommune
UNKEYED, KEYED = 1, 2
HASHED_FIELDS = (
    "chain", "seq", "created_at", "event", "actor", "subject_type", "subject_id",
    "case_id", "before", "after", "message", "request_id",
)
HASHED_FIELDS_V2 = (*HASHED_FIELDS, "tenant_id", "actor_id", "hash_version")


def _canonical(record: Mapping[str, Any], fields: Sequence[str]) -> str:
    content = {name: record.get(name) for name in fields}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def derive_key(key: bytes, purpose: str) -> bytes:
    """A key for one purpose ("chain", "anchor") from the audit key, so that no MAC of one kind serves as another."""
    return hmac.new(key, f"bauantrag-audit:{purpose}".encode(), hashlib.sha256).digest()


def event_hash(record: Mapping[str, Any], prev_hash: str) -> str:
    """Version 1: unkeyed SHA-256 (only to verify rows written before the chain was keyed)."""
    return hashlib.sha256((prev_hash + _canonical(record, HASHED_FIELDS)).encode("utf-8")).hexdigest()


def event_mac(record: Mapping[str, Any], prev_hash: str, key: bytes) -> str:
    """Version 2: HMAC-SHA256 over every column and the previous hash."""
    message = (prev_hash + _canonical(record, HASHED_FIELDS_V2)).encode("utf-8")
    return hmac.new(derive_key(key, "chain"), message, hashlib.sha256).hexdigest()


class KeyMissing(ValueError):
    """Version-2 rows cannot be checked without the audit key."""


def seal(record: Mapping[str, Any], prev_hash: str, key: bytes | None) -> str:
    if int(record.get("hash_version") or UNKEYED) == UNKEYED:
        return event_hash(record, prev_hash)
    if key is None:
        raise KeyMissing("Das Protokoll ist mit dem Protokollschlüssel gesichert; ohne ihn ist es nicht prüfbar.")
    return event_mac(record, prev_hash, key)


def verify(records: Iterable[Mapping[str, Any]], key: bytes | None = None) -> list[str]:
    """Return the problems found in one chain's records (ordered by seq); empty means intact.

    key: the audit key; needed as soon as the chain holds a version-2 row (else KeyMissing)."""
    problems: list[str] = []
    prev_hash = GENESIS
    expected_seq = 1
    keyed_since: int | None = None
    for record in records:
        seq = record.get("seq")
        version = int(record.get("hash_version") or UNKEYED)
        if seq != expected_seq:
            problems.append(f"Eintrag {expected_seq} fehlt oder Reihenfolge gestört (gefunden: {seq})")
            expected_seq = int(seq or 0)
        if record.get("prev_hash") != prev_hash:
            problems.append(f"Eintrag {seq}: Verkettung zum Vorgänger gebrochen")
        if version == KEYED and keyed_since is None:
            keyed_since = int(seq or 0)
        if version == UNKEYED and keyed_since is not None:
            problems.append(f"Eintrag {seq}: nachträglich auf das alte Verfahren ohne Schlüssel umgeschrieben "
                            f"(die Kette ist seit Eintrag {keyed_since} mit Schlüssel gesichert)")
        if seal(record, str(record.get("prev_hash")), key) != record.get("hash"):
            problems.append(f"Eintrag {seq}: Inhalt wurde verändert (Hash stimmt nicht)")
        chain_tenant = None if record.get("chain") == PLATFORM else record.get("chain")
        if "tenant_id" in record and record.get("tenant_id") != chain_tenant:
            problems.append(f"Eintrag {seq}: einer anderen Kommune zugeordnet als seiner Kette "
                            f"(Kommune {record.get('tenant_id') or 'keine'}, Kette {record['chain']})")
        prev_hash = str(record.get("hash"))
        expected_seq += 1
    return problems


def _when(at: object) -> str:
    try:
        return dt.datetime.fromisoformat(str(at)).astimezone(dt.UTC).strftime("%d.%m.%Y %H:%M UTC")
    except ValueError:
        return str(at)


def _checkpoint_message(point: Mapping[str, Any]) -> bytes:
    return _canonical(point, ("chain", "seq", "head", "unkeyed_until", "at")).encode("utf-8")


def checkpoint(chain: str, seq: int, head: str, unkeyed_until: int, at: str, key: bytes) -> dict[str, Any]:
    """A signed statement "chain `chain` reached entry `seq` with hash `head` at time `at`"."""
    point: dict[str, Any] = {"chain": chain, "seq": seq, "head": head, "unkeyed_until": unkeyed_until, "at": at}
    point["mac"] = hmac.new(derive_key(key, "anchor"), _checkpoint_message(point), hashlib.sha256).hexdigest()
    return point


def checkpoint_genuine(point: Mapping[str, Any], key: bytes) -> bool:
    expected = hmac.new(derive_key(key, "anchor"), _checkpoint_message(point), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, str(point.get("mac", "")))


class Tail:
    """What the checkpoints are compared with, gathered in one pass over a chain's records (ordered by seq) without
    keeping them: the last seq and hash, the last unkeyed seq, and at each anchored seq its hash and the last
    unkeyed seq up to it. `passing(records)` hands the records on (to `verify`) while it gathers."""

    def __init__(self, anchored: Iterable[int] = ()) -> None:
        self.anchored = set(anchored)
        self.last_seq = 0
        self.last_hash = ""
        self.unkeyed_until = 0
        self.hash_at: dict[int, str] = {}
        self.unkeyed_at: dict[int, int] = {}

    def see(self, record: Mapping[str, Any]) -> None:
        seq = int(record["seq"])
        if int(record.get("hash_version") or UNKEYED) == UNKEYED:
            self.unkeyed_until = max(self.unkeyed_until, seq)
        if seq in self.anchored:
            self.hash_at[seq] = str(record.get("hash"))
            self.unkeyed_at[seq] = self.unkeyed_until
        if seq >= self.last_seq:
            self.last_seq, self.last_hash = seq, str(record.get("hash"))

    def passing(self, records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for record in records:
            self.see(record)
            yield record


def compare_with_checkpoints(records: Iterable[Mapping[str, Any]], points: Sequence[Mapping[str, Any]],
                             key: bytes) -> list[str]:
    """What the chain's records (ordered by seq) say differently from its checkpoints (see `compare_tail`)."""
    tail = Tail(int(point["seq"]) for point in points)
    for record in records:
        tail.see(record)
    return compare_tail(tail, points, key)


def compare_tail(tail: Tail, points: Iterable[Mapping[str, Any]], key: bytes) -> list[str]:
    """A cut-off tail, a row rewritten since it was anchored, rows downgraded to the unkeyed hash, a forged
    checkpoint."""
    problems: list[str] = []
    last = tail.last_seq
    newest: Mapping[str, Any] | None = None
    for point in points:
        if not checkpoint_genuine(point, key):
            problems.append(f"Ankerpunkt vom {_when(point.get('at'))} (Eintrag {point.get('seq')}) ist nicht echt "
                            "(Signatur stimmt nicht)")
            continue
        seq = int(point["seq"])
        if newest is None or seq >= int(newest["seq"]):
            newest = point
        if seq in tail.hash_at and tail.hash_at[seq] != point["head"]:
            problems.append(f"Eintrag {seq}: weicht vom am {_when(point['at'])} verankerten Stand ab (umgeschrieben)")
        anchored_unkeyed = int(point.get("unkeyed_until", 0))
        unkeyed_now = tail.unkeyed_at.get(seq, 0)
        if unkeyed_now > anchored_unkeyed:
            problems.append(f"Einträge {anchored_unkeyed + 1}–{unkeyed_now}: nachträglich auf das alte Verfahren "
                            "ohne Schlüssel umgeschrieben")
    if newest is not None and last < int(newest["seq"]):
        missing = f"Eintrag {last + 1} fehlt" if last + 1 == int(newest["seq"]) else \
            f"Einträge {last + 1}–{newest['seq']} fehlen"
        problems.append(f"{missing}: die Kette wurde am Ende gekürzt (am "
                        f"{_when(newest['at'])} verankert bis Eintrag {newest['seq']}, jetzt bis Eintrag {last})")
    return problems
