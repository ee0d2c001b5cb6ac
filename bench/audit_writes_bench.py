"""Benchmark of concurrent writes to one audit chain: several OS processes append events to one Kommune's chain.

    .venv/bin/python bench/audit_writes_bench.py [--calls 200] [--processes 4] [--database-url postgres://…/db]

Creates a fresh database (default: a temporary SQLite file; with --database-url that database, which is FLUSHED),
one Kommune, then starts ``--processes`` processes that together make ``--calls`` calls of `audit.service.record`
(each in its own transaction) at the same moment. Prints the failed calls, the calls per second, whether the
sequence numbers are contiguous and whether the chain verifies; then anchors the chain and times `audit_verify`'s
check (keyed hashes and checkpoints) over it.
"""

from __future__ import annotations

import argparse
import atexit
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _setup(database_url: str | None) -> None:
    if database_url:
        os.environ["BAUANTRAG_DATABASE_URL"] = database_url
    else:
        folder = Path(tempfile.mkdtemp(prefix="bauantrag-audit-bench-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["BAUANTRAG_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    os.environ.setdefault("BAUANTRAG_DATA_DIR", tempfile.mkdtemp(prefix="bauantrag-audit-bench-data-"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if database_url:
        call_command("flush", verbosity=0, interactive=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=200, help="Aufrufe insgesamt (Standard 200)")
    parser.add_argument("--processes", type=int, default=4, help="gleichzeitige Prozesse (Standard 4)")
    parser.add_argument("--database-url", default=None, help="PostgreSQL-Datenbank (wird GELEERT)")
    args, _unknown = parser.parse_known_args(argv)
    _setup(args.database_url)

    from django.db import connections

    from bauantrag.accounts.models import Tenant
    from bauantrag.audit.service import chain_key, verify_tenant
    from tests.audit.concurrent_writers import append_concurrently

    tenant = Tenant.objects.create(slug="bench", name="Bench")
    connections.close_all()
    started = time.perf_counter()
    failures = append_concurrently(multiprocessing.get_context("fork"), tenant.pk, args.calls, args.processes)
    seconds = time.perf_counter() - started

    from bauantrag.audit.models import AuditEvent

    seqs = list(AuditEvent.objects.filter(chain=chain_key(tenant)).order_by("seq").values_list("seq", flat=True))
    contiguous = seqs == list(range(1, len(seqs) + 1))
    problems = verify_tenant(tenant)
    print(f"audit writes: {args.calls} calls in {args.processes} processes on {connections['default'].vendor}")
    print(f"  failed calls:    {sum(failures)} of {args.calls}")
    print(f"  rows written:    {len(seqs)}  (seq contiguous: {'yes' if contiguous else 'NO'})")
    print(f"  chain verifies:  {'yes' if not problems else 'NO: ' + '; '.join(problems[:3])}")
    print(f"  throughput:      {args.calls / seconds:.0f} calls/s ({seconds:.2f} s)")

    from bauantrag.audit.anchor import anchor_chains, check_chains

    anchor_chains()
    started = time.perf_counter()
    reports, _ = check_chains()
    checked = (time.perf_counter() - started) * 1000
    intact = all(not report.problems for report in reports)
    print(f"  audit_verify:    {checked:.0f} ms for {len(seqs)} rows against the checkpoints "
          f"({'intact' if intact else 'CHANGED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
