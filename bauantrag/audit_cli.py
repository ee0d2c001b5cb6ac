"""`bauantrag audit verify EXPORT.jsonl`: verify an exported audit trail offline, without Django."""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import sys
from pathlib import Path
from typing import Any

from bauantrag.audit.chain import KeyMissing, compare_with_checkpoints, verify

EXIT_OK, EXIT_TAMPERED, EXIT_BROKEN_INPUT = 0, 1, 2


def add_audit_command(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="Protokoll (Audit-Trail) prüfen")
    commands = parser.add_subparsers(dest="audit_command", metavar="AKTION", required=True)
    check = commands.add_parser("verify", help="exportiertes Protokoll (JSON Lines) offline prüfen")
    check.add_argument("export", metavar="EXPORT.jsonl", help="Export von `manage.py audit_export`")
    check.add_argument("--key-file", metavar="DATEI",
                       help="Protokollschlüssel (BAUANTRAG_AUDIT_KEY_FILE, Vorgabe var/audit_key); nötig für "
                            "Einträge, die mit Schlüssel gesichert sind")
    check.add_argument("--anchors", metavar="DATEI",
                       help="Ankerpunkte (var/anchors/checkpoints.jsonl oder die versandten Zeilen): zeigt auch "
                            "ein gekürztes oder ganz neu berechnetes Protokoll; braucht --key-file")
    check.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.export)
    records: list[dict[str, Any]] = []
    number = 0
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                number += 1
                if line.strip():
                    records.append(json.loads(line))
    except OSError as exc:
        print(f"Fehler: Datei nicht lesbar: {exc}", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    except json.JSONDecodeError as exc:
        print(f"Fehler: Zeile {number} ist kein gültiges JSON ({exc.msg}).", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    key: bytes | None = None
    if args.key_file:
        try:
            key = base64.b64decode(Path(args.key_file).read_text().strip(), validate=True)
        except (OSError, binascii.Error, ValueError) as exc:
            print(f"Fehler: Protokollschlüssel nicht lesbar: {exc}", file=sys.stderr)
            return EXIT_BROKEN_INPUT
    try:
        problems = verify(records, key)
    except KeyMissing as exc:
        print(f"Fehler: {exc} Bitte mit --key-file DATEI angeben.", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    if args.anchors:
        if key is None:
            print("Fehler: Ankerpunkte sind mit dem Protokollschlüssel signiert: bitte --key-file DATEI angeben.",
                  file=sys.stderr)
            return EXIT_BROKEN_INPUT
        try:
            points = [json.loads(line) for line in Path(args.anchors).read_text(encoding="utf-8").splitlines()
                      if line.strip()]
        except (OSError, json.JSONDecodeError) as exc:
            print(f"Fehler: Ankerpunkte nicht lesbar: {exc}", file=sys.stderr)
            return EXIT_BROKEN_INPUT
        chains = {record.get("chain") for record in records}
        problems += compare_with_checkpoints(records, [p for p in points if p.get("chain") in chains], key)
    if problems:
        print(f"Protokoll verändert ({len(problems)} Befunde):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_TAMPERED
    head = records[-1]["hash"] if records else "–"
    print(f"Protokoll intakt: {len(records)} Einträge, letzter Hash {head}")
    return EXIT_OK
