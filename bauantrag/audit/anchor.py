"""Checkpoints of the audit chains kept outside the database: the anchor that shows a cut-off tail or a rewritten
chain, which no hash inside the database can show.

`anchor_chains()` (celery beat, `manage.py audit_anchor`) first compares every chain with its checkpoints; an
intact chain whose head moved gets a new checkpoint (chain, seq, head hash, time, HMAC with the audit key),
appended as one JSON line to `AUDIT_ANCHOR_DIR/checkpoints.jsonl` and, if configured, mailed. A chain found
changed gets no new checkpoint (that would bless the change); the finding is logged and mailed instead.
`check_chains()` (`manage.py audit_verify`) reports every chain's problems, checkpoints included.
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from smtplib import SMTPException
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from bauantrag.audit import chain
from bauantrag.audit.keys import audit_key
from bauantrag.audit.service import chains, export_chain

logger = logging.getLogger("bauantrag.audit")
FILE_NAME = "checkpoints.jsonl"


def anchor_file() -> Path:
    return Path(settings.AUDIT_ANCHOR_DIR) / FILE_NAME


def read_checkpoints() -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The checkpoints by chain, in the order written, and the lines that are no checkpoint (as problems)."""
    points: dict[str, list[dict[str, Any]]] = defaultdict(list)
    problems: list[str] = []
    path = anchor_file()
    if not path.exists():
        return points, problems
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                point = json.loads(line)
                points[str(point["chain"])].append(point)
            except (json.JSONDecodeError, KeyError, TypeError):
                problems.append(f"Ankerdatei {path}, Zeile {number}: kein gültiger Ankerpunkt")
    return points, problems


def _append(points: list[dict[str, Any]]) -> None:
    path = anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(point, sort_keys=True) + "\n" for point in points).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class ChainReport:
    key: str
    name: str
    problems: list[str] = field(default_factory=list)
    tail: chain.Tail = field(default_factory=chain.Tail)


def check_chains() -> tuple[list[ChainReport], list[str]]:
    """Every chain (in the database or only in the checkpoints: deleted whole) verified by its hashes and compared
    with its checkpoints, in one pass over its rows; and the problems of the anchor file itself."""
    points, file_problems = read_checkpoints()
    key = audit_key()
    names = dict(chains())
    reports = []
    for chain_key in sorted(set(names) | set(points)):
        anchored = points.get(chain_key, [])
        tail = chain.Tail(int(point["seq"]) for point in anchored)
        problems = chain.verify(tail.passing(export_chain(chain_key)), key)
        problems += chain.compare_tail(tail, anchored, key)
        reports.append(ChainReport(chain_key, names.get(chain_key, chain_key), problems, tail))
    return reports, file_problems


def anchor_chains() -> tuple[list[dict[str, Any]], list[ChainReport]]:
    """Write a checkpoint for every intact chain whose head moved; return (checkpoints written, chains found
    changed)."""
    reports, file_problems = check_chains()
    points, _ = read_checkpoints()
    key = audit_key()
    now = timezone.now().isoformat()
    written, changed = [], [report for report in reports if report.problems]
    for report in reports:
        tail = report.tail
        if report.problems or not tail.last_seq:
            continue
        anchored = points.get(report.key, [])
        if anchored and anchored[-1]["seq"] == tail.last_seq and anchored[-1]["head"] == tail.last_hash:
            continue
        written.append(chain.checkpoint(report.key, tail.last_seq, tail.last_hash, tail.unkeyed_until, now, key))
    if written:
        _append(written)
    for report in changed:
        logger.error("Audit chain %s changed: %s", report.name, "; ".join(report.problems))
    _mail(written, changed, file_problems)
    return written, changed


def _mail(written: list[dict[str, Any]], changed: list[ChainReport], file_problems: list[str]) -> None:
    address = settings.AUDIT_ANCHOR_MAIL
    if not address or not (written or changed or file_problems):
        return
    lines = []
    if changed or file_problems:
        lines.append("ACHTUNG: Das Protokoll wurde verändert. Für diese Ketten wurde kein Ankerpunkt geschrieben.")
        lines += [f"- {report.name}: {'; '.join(report.problems)}" for report in changed]
        lines += [f"- {problem}" for problem in file_problems]
        lines.append("")
    if written:
        lines.append("Neue Ankerpunkte (bitte aufbewahren; `manage.py audit_verify` vergleicht mit ihnen):")
        lines += [json.dumps(point, sort_keys=True) for point in written]
    subject = ("Bauantrag: Protokoll verändert" if changed or file_problems
               else f"Bauantrag: {len(written)} Ankerpunkte des Protokolls")
    try:
        send_mail(subject, "\n".join(lines) + "\n", None, [address])
    except (OSError, SMTPException):
        logger.exception("Audit checkpoints could not be mailed to %s", address)
