"""Benchmark of the statistics (/statistik/): report, page and CSV exports for one Kommune with many cases.

    .venv/bin/python bench/reports_bench.py [-n 20] [--cases 5000] [--database-url postgres://…/bauantrag_bench]

Creates a fresh database (default: a temporary SQLite file; with --database-url that database, which is flushed),
fills it with ``--cases`` cases received over the last twelve months with realistic timelines (30 % with a
Nachforderung, most confirmed complete, many decided) and their audit events, then measures building the report
for the default period, rendering the page and rendering the per-case CSV. Prints median and 95th percentile in
milliseconds (wall clock), the median CPU time of the process and the number of queries of one report.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _setup(database_url: str | None) -> None:
    if database_url:
        os.environ["BAUANTRAG_DATABASE_URL"] = database_url
    else:
        folder = Path(tempfile.mkdtemp(prefix="bauantrag-reports-bench-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["BAUANTRAG_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if database_url:
        call_command("flush", verbosity=0, interactive=False)


def _populate(count: int, today: dt.date, seed: int = 7) -> Any:
    from django.utils import timezone

    from bauantrag.accounts.models import Role, Tenant, User
    from bauantrag.audit.models import AuditEvent, Event
    from bauantrag.cases.models import Case, CaseState, Nachforderung
    from bauantrag.rules.calendar import completeness_deadline

    rng = random.Random(seed)
    tenant = Tenant.objects.create(slug="benchstadt", name="Stadt Benchstadt", authority_name="Bauaufsicht",
                                   file_number_prefix="63")  # fmt: skip
    applicant = User.objects.create(username="bauherr@bench.example", tenant=tenant, role=Role.APPLICANT)
    clerk = User.objects.create(username="sachbearbeitung@bench.example", tenant=tenant, role=Role.CLERK)
    admin = User.objects.create(username="admin@bench.example", tenant=tenant, role=Role.TENANT_ADMIN)
    now = timezone.now()
    tz = timezone.get_default_timezone()
    first_day = dt.datetime.combine(today.replace(day=1) - dt.timedelta(days=334), dt.time(8), tzinfo=tz)
    span = (now - first_day).total_seconds()

    cases, nachforderungen, events = [], [], []
    for i in range(count):
        submitted = first_day + dt.timedelta(seconds=rng.uniform(0, span))
        timeline: list[tuple[str, dt.datetime]] = [(Event.CASE_SUBMITTED, submitted)]
        state, last, completed, round_ = CaseState.SUBMITTED, submitted, None, 1
        nf: tuple[dt.datetime, dt.datetime | None] | None = None
        moment = submitted
        if rng.random() < 0.3:
            moment += dt.timedelta(days=rng.uniform(3, 10))
            if moment < now:
                answered = moment + dt.timedelta(days=rng.uniform(5, 30)) if rng.random() < 0.9 else None
                answered = answered if answered and answered < now else None
                nf = (moment, answered)
                timeline.append((Event.NACHFORDERUNG_SENT, moment))
                state = CaseState.NACHFORDERUNG
                if answered:
                    timeline.append((Event.CASE_RESUBMITTED, answered))
                    state, last, moment, round_ = CaseState.SUBMITTED, answered, answered, 2
        if state == CaseState.SUBMITTED and rng.random() < 0.85:
            moment += dt.timedelta(days=rng.uniform(1, 12))
            if moment < now:
                completed, state = moment, CaseState.COMPLETE
                timeline.append((Event.CASE_COMPLETE, moment))
                moment += dt.timedelta(days=rng.uniform(10, 90))
                if moment < now and rng.random() < 0.8:
                    timeline.append((Event.CASE_APPROVED if rng.random() < 0.9 else Event.CASE_REFUSED, moment))
        case = Case(
            id=uuid.uuid4(), tenant=tenant, applicant=applicant, state=state, round=round_,
            file_number=f"63-{submitted.year}-{i + 1:05d}", submitted_at=submitted, last_submitted_at=last,
            completeness_due=completeness_deadline(timezone.localtime(last).date()), completed_at=completed,
        )  # fmt: skip
        cases.append(case)
        if nf:
            nachforderungen.append(Nachforderung(
                tenant=tenant, case=case, round=1, items=[], deadline=(nf[0] + dt.timedelta(days=30)).date(),
                created_by=clerk, created_at=nf[0], answered_at=nf[1],
            ))  # fmt: skip
        events += [(moment_, event, case) for event, moment_ in timeline]
    Case.objects.bulk_create(cases, batch_size=500)
    created_at = Nachforderung._meta.get_field("created_at")
    created_at.auto_now_add = False  # type: ignore[attr-defined]  # keep the generated dates
    try:
        Nachforderung.objects.bulk_create(nachforderungen, batch_size=500)
    finally:
        created_at.auto_now_add = True  # type: ignore[attr-defined]
    events.sort(key=lambda item: item[0])
    AuditEvent.objects.bulk_create([
        AuditEvent(chain=str(tenant.pk), seq=seq, tenant=tenant, created_at=at, event=event, actor_label="System",
                   subject_type="Case", subject_id=str(case.pk), case=case, prev_hash="", hash=uuid.uuid4().hex)
        for seq, (at, event, case) in enumerate(events, start=1)
    ], batch_size=500)  # fmt: skip
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does after a bulk load; fresh statistics for the planner
    return admin, len(events), len(nachforderungen)


def _measure(function: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median wall time, 95th percentile wall time, median CPU time of this process) in ms. On a busy machine the
    CPU time is the steadier figure (SQLite runs in this process, so its work is included)."""
    function()  # warm-up
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0]
    return statistics.median(timings), p95, statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=20, help="Durchläufe je Messung (Standard 20)")
    parser.add_argument("--cases", type=int, default=5000, help="Anzahl der Vorgänge (Standard 5000)")
    parser.add_argument("--database-url", default=None, help="Datenbank (wird geleert!); Standard: SQLite temporär")
    args, _unknown = parser.parse_known_args(argv)  # make bench passes its arguments to every bench
    _setup(args.database_url)

    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from bauantrag.reports import csv_export, exports, views
    from bauantrag.reports.periods import default_period
    from bauantrag.reports.queries import build_report

    today = timezone.localdate()
    start = time.perf_counter()
    admin, event_count, nf_count = _populate(args.cases, today)
    print(f"Datenbank {connection.vendor}: {args.cases} Vorgänge, {nf_count} Nachforderungen, {event_count} "
          f"Protokolleinträge angelegt in {time.perf_counter() - start:.1f} s")  # fmt: skip
    period = default_period(today)
    with CaptureQueriesContext(connection) as queries:
        report = build_report(admin, period, today)
    print(f"Zeitraum {period.label()}: {report.total.received} Eingänge, {len(queries)} Abfragen je Bericht")

    def page() -> object:
        request = RequestFactory().get("/statistik/")
        request.user = admin
        response = views.overview(request)
        assert response.status_code == 200
        return response

    def csv_cases() -> object:
        header, rows = exports.cases_table(build_report(admin, period, today))
        return csv_export.render(header, rows)

    print(f"{args.runs} Durchläufe, Zeiten in ms")
    print(f"{'Messung':40s} {'Median':>8s} {'p95':>8s} {'CPU':>8s}")
    for label, function in (
        ("Bericht berechnen (build_report)", lambda: build_report(admin, period, today)),
        ("Seite /statistik/ mit Diagrammen", page),
        ("CSV Vorgangsliste (Bericht + CSV)", csv_cases),
    ):
        median, p95, cpu = _measure(function, args.runs)
        print(f"{label:40s} {median:8.1f} {p95:8.1f} {cpu:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
