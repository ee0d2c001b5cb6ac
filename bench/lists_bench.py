"""Benchmark of the two long lists: the clerk's queue (/bauaufsicht/) and the API case list (/api/v1/applications/).

    .venv/bin/python bench/lists_bench.py [-n 20] [--cases 2000] [--database-url postgres://…/bauantrag_bench]
                                          [--explain]

Creates a fresh database (default: a temporary SQLite file; with --database-url that database, which is FLUSHED),
fills one Kommune with ``--cases`` cases received over the last twelve months (a third still open: in the
Vollständigkeitsprüfung, with a Nachforderung or complete; the rest decided and closed) with their Vorhaben, and
requests the pages through the whole middleware stack (Django test client, a logged-in clerk with TOTP).
Prints median and 95th percentile in ms and the number of SQL queries per request. ``--explain`` prints the
PostgreSQL plans of the API list's first page and of the queue's order.
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
        folder = Path(tempfile.mkdtemp(prefix="bauantrag-lists-bench-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["BAUANTRAG_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    os.environ.setdefault("BAUANTRAG_DATA_DIR", tempfile.mkdtemp(prefix="bauantrag-lists-bench-data-"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if database_url:
        call_command("flush", verbosity=0, interactive=False)


def _populate(count: int, seed: int = 14) -> Any:
    from django.db import connection
    from django.utils import timezone

    from bauantrag.accounts.models import Role, Tenant, User
    from bauantrag.cases.models import Case, CaseState, Decision, Nachforderung, Vorhaben
    from bauantrag.rules.calendar import completeness_deadline

    rng = random.Random(seed)
    tenant = Tenant.objects.create(slug="benchkreis", name="Kreis Bench", authority_name="Bauaufsicht",
                                   file_number_prefix="63")  # fmt: skip
    applicant = User.objects.create(username="bauherr@bench.example", tenant=tenant, role=Role.APPLICANT)
    clerk = User.objects.create(username="sachbearbeitung@bench.example", tenant=tenant, role=Role.CLERK)
    now = timezone.now()
    cases, plans, nachforderungen = [], [], []
    for i in range(count):
        submitted = now - dt.timedelta(days=rng.uniform(0, 365))
        case = Case(id=uuid.uuid4(), tenant=tenant, applicant=applicant, round=1, file_number=f"63-{i + 1:06d}",
                    assignee=clerk if i % 3 == 0 else None,  # a third of the cases is the clerk's
                    created_at=submitted - dt.timedelta(days=2), submitted_at=submitted, last_submitted_at=submitted,
                    completeness_due=completeness_deadline(timezone.localtime(submitted).date()))  # fmt: skip
        draw = rng.random()
        if draw < 0.12:
            case.state = CaseState.SUBMITTED
        elif draw < 0.2:
            case.state = CaseState.NACHFORDERUNG
            nachforderungen.append(Nachforderung(
                tenant=tenant, case=case, round=1, items=[], created_by=clerk,
                deadline=timezone.localdate() + dt.timedelta(days=rng.randint(-20, 30)),
            ))  # fmt: skip
        elif draw < 0.33:
            case.state, case.completed_at = CaseState.COMPLETE, submitted + dt.timedelta(days=8)
            case.decision_due = (submitted + dt.timedelta(days=rng.randint(30, 100))).date()
        else:
            case.state, case.decision = CaseState.APPROVED, Decision.APPROVED
            case.completed_at = submitted + dt.timedelta(days=8)
            case.decided_at = case.closed_at = submitted + dt.timedelta(days=rng.uniform(10, 60))
        cases.append(case)
        plans.append(Vorhaben(case=case, tenant=tenant, bauherr_name=f"Bauherr {i}", street="Benchweg",
                              house_number=str(i % 300 + 1), postal_code="48143", city="Benchstadt",
                              gemarkung="Benchfeld", flur=str(i % 40 + 1), flurstueck=f"{i}/1"))  # fmt: skip
    created_at = Case._meta.get_field("created_at")
    created_at.auto_now_add = False  # keep the generated dates
    try:
        Case.objects.bulk_create(cases, batch_size=500)
    finally:
        created_at.auto_now_add = True
    Vorhaben.objects.bulk_create(plans, batch_size=500)
    Nachforderung.objects.bulk_create(nachforderungen, batch_size=500)
    from bauantrag.cases.running_due import store

    store(Case.objects.all())  # bulk_create sends no signals: the queue's stored deadline by hand
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a bulk load
    return clerk


def _client_for(clerk: Any) -> Any:
    """A test client logged in as the clerk with a confirmed TOTP device (what the OTP middleware checks)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=clerk, name="bench", confirmed=True)
    client = Client(HTTP_HOST="localhost")
    client.force_login(clerk)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


class QueryCounter:
    """Counts the SQL statements run inside ``connection.execute_wrapper``."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _measure(function: Callable[[], object], runs: int) -> tuple[float, float]:
    function()  # warm-up
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0]
    return statistics.median(timings), p95


def _explain(clerk: Any) -> None:
    from django.db import connection
    from django.utils import timezone

    from bauantrag.cases.access import cases_visible_to
    from bauantrag.workspace.queue import open_cases

    if connection.vendor != "postgresql":
        print("--explain: nur mit PostgreSQL")
        return
    listed = cases_visible_to(clerk).select_related("vorhaben", "applicant").order_by("-created_at", "pk")
    print("-- API-Liste, erste Seite (50)")
    print(listed[:50].explain(analyze=True))
    ordered = open_cases(cases_visible_to(clerk), timezone.localdate())
    assert not isinstance(ordered, list), "a deadline source without SQL: the queue sorts in Python"
    print("-- Eingangskorb, Reihenfolge der ersten Seite (50)")
    print(ordered[:50].explain(analyze=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=20, help="Durchläufe je Messung (Standard 20)")
    parser.add_argument("--cases", type=int, default=2000, help="Anzahl der Vorgänge (Standard 2000)")
    parser.add_argument("--database-url", default=None, help="Datenbank (wird geleert!); Standard: SQLite temporär")
    parser.add_argument("--explain", action="store_true", help="Pläne der API-Liste ausgeben (PostgreSQL)")
    parser.add_argument("--profile", default=None, help="eine Adresse mit cProfile aufrufen statt zu messen")
    args, _unknown = parser.parse_known_args(argv)  # make bench passes its arguments to every bench
    _setup(args.database_url)

    from django.db import connection

    start = time.perf_counter()
    clerk = _populate(args.cases)
    print(f"Datenbank {connection.vendor}: {args.cases} Vorgänge angelegt in {time.perf_counter() - start:.1f} s")
    if args.explain:
        _explain(clerk)
    client = _client_for(clerk)
    if args.profile:
        import cProfile

        client.get(args.profile)  # imports and caches warm
        cProfile.runctx("client.get(args.profile)", globals(), {"client": client, "args": args}, sort="cumtime")
        return 0
    pages = (
        ("Eingangskorb offen, Seite 1", "/bauaufsicht/"),
        ("Eingangskorb alle, Seite 20", "/bauaufsicht/?ansicht=alle&seite=20"),
        ("Eingangskorb mir zugewiesen", "/bauaufsicht/?wer=meine"),
        ("Eingangskorb nicht zugewiesen", "/bauaufsicht/?wer=niemand"),
        ("Suche Aktenzeichen 63-0012", "/bauaufsicht/?suche=63-0012&ansicht=alle"),
        ("Suche Adresse benchweg 12", "/bauaufsicht/?suche=benchweg+12"),
        ("Suche Flur 7 Flurstück 1206/1", "/bauaufsicht/?suche=Flur+7+Flurst%C3%BCck+1206/1&ansicht=alle"),
        ("API-Liste, erste 50", "/api/v1/applications/"),
        ("API-Liste, ab 1000", "/api/v1/applications/?offset=1000"),
    )
    print(f"{args.runs} Durchläufe, Zeiten in ms")
    print(f"{'Seite':32s} {'Median':>8s} {'p95':>8s} {'Abfragen':>9s} {'KiB':>6s}")
    for label, url in pages:
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        median, p95 = _measure(lambda url=url: client.get(url), args.runs)  # type: ignore[misc]
        print(f"{label:32s} {median:8.1f} {p95:8.1f} {queries.count:9d} {len(response.content) / 1024:6.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
