"""`make bench-load`: the pages under load, beside the targets of issue 14.

    .venv/bin/python bench/load/run.py [--cases 100000] [--tenants 2] [--clients 1,8,16] [--seconds 15]
                                       [--database-url postgres://postgres@127.0.0.1:5432/bauantrag_load]
                                       [--workers 2] [--port 8190] [--pages queue,api,case,status,statistics]

Bounded and on loopback only: fills the PostgreSQL database with ``manage.py generate_load_data`` unless its Kommunen
``last-1 …`` are already there (the database is kept between runs; a new --cases needs a new database), starts
gunicorn with the project's settings on 127.0.0.1, and drives each page with locust (headless, one closed-loop run of
--seconds per number of clients). Prints median, p95 and p99 in ms, requests/s and errors per page and client
count beside the targets, and the peak resident memory of each gunicorn worker.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent
PREFIX = "last"


@dataclass(frozen=True)
class Target:
    p95_one_client_ms: float | None
    rps_16_clients: float | None


#: Issue 14, measured at 100,000 cases on a 2-core machine.
TARGETS = {
    "queue": Target(150, 150),
    "api": Target(150, 150),
    "case": Target(200, None),
    "status": Target(None, None),
    "statistics": Target(500, None),
}
LABELS = {"queue": "Eingangskorb offen", "api": "API-Antragsliste", "case": "Vorgang (Sachbearbeitung)",
          "status": "Statusseite Antragsteller/in", "statistics": "Statistik"}  # fmt: skip
MEMORY_TARGET_MB = 300


def _setup(database_url: str) -> None:
    os.environ["BAUANTRAG_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _fill(cases: int, tenants: int) -> None:
    from bauantrag.accounts.models import Tenant
    from bauantrag.cases.models import Case

    if Tenant.objects.filter(slug=f"{PREFIX}-1").exists():
        found = Case.objects.filter(tenant__slug__startswith=f"{PREFIX}-").count()
        print(f"Datenbank schon gefüllt: {found} Vorgänge")
        return
    from django.core.management import call_command

    call_command("generate_load_data", cases=cases, tenants=tenants, prefix=PREFIX)


def _cookie(user: Any) -> str:
    """A session cookie of the user, with a confirmed TOTP device for staff (what the OTP middleware checks)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    if user.requires_mfa:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench-load", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return f"sessionid={client.cookies['sessionid'].value}"


def _statistics_figures(admin: Any) -> None:
    """The statistics page shows cached figures and has a worker compute them after a change (reports.queries);
    bench-load runs no worker, so it computes them once here, as the worker would, and says how long that took."""
    from django.utils import timezone

    from bauantrag.reports.periods import default_period
    from bauantrag.reports.queries import compute_figures

    start = time.perf_counter()
    compute_figures(admin, default_period(timezone.localdate()))
    print(f"Statistik: Zahlen der letzten zwölf Monate berechnet (im Hintergrund) in "
          f"{time.perf_counter() - start:.1f} s")


def _pages(folder: Path) -> dict[str, Path]:
    """One JSON file per page: its addresses and the cookie of the account that requests it."""
    from bauantrag.accounts.models import Role, User
    from bauantrag.cases.models import CLOSED_STATES, Case

    slug = f"{PREFIX}-1"
    clerk = User.objects.get(username=f"clerk1@{slug}.example")
    admin = User.objects.get(tenant__slug=slug, role=Role.TENANT_ADMIN)
    open_ids = list(Case.objects.filter(tenant__slug=slug).exclude(state__in=CLOSED_STATES)
                    .values_list("id", flat=True)[:2000])  # fmt: skip
    _statistics_figures(admin)
    applicant_case = Case.objects.filter(tenant__slug=slug).order_by("-submitted_at").first()
    assert applicant_case is not None
    applicant = applicant_case.applicant
    own = [str(pk) for pk in Case.objects.filter(applicant=applicant).values_list("id", flat=True)]
    rng = random.Random(14)
    pages = {
        "queue": (["/bauaufsicht/"], clerk),
        "api": (["/api/v1/applications/"], clerk),
        "case": ([f"/bauaufsicht/vorgaenge/{pk}/" for pk in rng.sample(open_ids, min(200, len(open_ids)))], clerk),
        "status": ([f"/antraege/{pk}/" for pk in own], applicant),
        "statistics": (["/statistik/"], admin),
    }
    files = {}
    for key, (paths, user) in pages.items():
        files[key] = folder / f"{key}.json"
        files[key].write_text(json.dumps({"name": key, "paths": paths, "cookie": _cookie(user)}), encoding="utf-8")
    return files


class Gunicorn:
    """gunicorn with the project's settings on loopback; samples the resident memory of its workers."""

    def __init__(self, port: int, workers: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "bauantrag.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
             "--error-logfile", "-", "--log-level", "warning"], cwd=REPO,
        )  # fmt: skip
        self.peak_mb: dict[int, float] = {}
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{self.url}/konto/anmelden/", timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("gunicorn antwortet nicht")
        self._sampler.start()

    def _sample(self) -> None:
        master = psutil.Process(self.process.pid)
        while not self._stop.is_set():
            for child in master.children():
                try:
                    rss = child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                self.peak_mb[child.pid] = max(self.peak_mb.get(child.pid, 0.0), rss)
            time.sleep(0.25)

    def stop(self) -> None:
        self._stop.set()
        self.process.terminate()
        self.process.wait(timeout=30)


def _run_locust(url: str, page: Path, clients: int, seconds: int, folder: Path) -> dict[str, float]:
    prefix = folder / f"{page.stem}-{clients}"
    subprocess.run(
        [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")), "--headless", "--only-summary",
         "-u", str(clients), "-r", str(clients), "-t", f"{seconds}s", "--host", url, "--csv", str(prefix),
         "--loglevel", "ERROR", "--stop-timeout", "10"],
        env={**os.environ, "BENCH_LOAD_PAGE": str(page)}, check=False, stdout=subprocess.DEVNULL,
        stderr=Path(f"{prefix}.log").open("w", encoding="utf-8"),  # noqa: SIM115 (closed with the process)
    )  # fmt: skip
    with Path(f"{prefix}_stats.csv").open(encoding="utf-8") as handle:
        row = next((r for r in csv.DictReader(handle) if r["Name"] == page.stem), None)
    if row is None:  # no answer within the run
        return {"requests": 0.0, "errors": 0.0, "median": float("nan"), "p95": float("nan"), "p99": float("nan"),
                "rps": 0.0}  # fmt: skip
    return {"requests": float(row["Request Count"]), "errors": float(row["Failure Count"]),
            "median": float(row["50%"]), "p95": float(row["95%"]), "p99": float(row["99%"]),
            "rps": float(row["Requests/s"])}  # fmt: skip


def _warm(url: str, page: Path, workers: int) -> None:
    """One request per worker before measuring: imports, template and URL caches as in a running service."""
    spec = json.loads(page.read_text(encoding="utf-8"))
    for _ in range(workers):
        request = urllib.request.Request(url + spec["paths"][0], headers={"Cookie": spec["cookie"]})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310 - loopback http only
                answer.read()
        except OSError as error:  # e.g. gunicorn killed the worker after its timeout (30 s): the runs count it
            print(f"  Aufwärmen von {spec['name']}: {error}", flush=True)


def _verdict(key: str, clients: int, result: dict[str, float]) -> str:
    target, notes = TARGETS[key], []
    if result["errors"]:
        notes.append("Fehler > 0 ✗")
    if clients == 1 and target.p95_one_client_ms is not None:
        ok = result["p95"] <= target.p95_one_client_ms
        notes.append(f"p95 ≤ {target.p95_one_client_ms:.0f} ms {'✓' if ok else '✗'}")
    if clients == 16 and target.rps_16_clients is not None:
        ok = result["rps"] >= target.rps_16_clients
        notes.append(f"≥ {target.rps_16_clients:.0f} Anfragen/s {'✓' if ok else '✗'}")
    return ", ".join(notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--tenants", type=int, default=2)
    parser.add_argument("--clients", default="1,8,16", help="Clients je Lauf, kommagetrennt (Standard 1,8,16)")
    parser.add_argument("--seconds", type=int, default=15, help="Dauer eines Laufs (Standard 15)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bauantrag_load")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn-Worker (Standard 2, wie serve.sh)")
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--pages", default=",".join(TARGETS), help="Seiten, kommagetrennt: " + ",".join(TARGETS))
    args = parser.parse_args(argv)
    _setup(args.database_url)
    _fill(args.cases, args.tenants)
    folder = Path(tempfile.mkdtemp(prefix="bauantrag-bench-load-"))
    files = _pages(folder)
    clients = [int(c) for c in args.clients.split(",")]
    server = Gunicorn(args.port, args.workers)
    print(f"{len(os.sched_getaffinity(0))} Kerne, Lastmittel vorher {os.getloadavg()[0]:.1f}; je Lauf {args.seconds} s")
    print(f"{'Seite':30s} {'Clients':>7s} {'Median':>7s} {'p95':>7s} {'p99':>7s} {'Anfr./s':>8s} {'Fehler':>7s}  Ziel")
    try:
        for key in args.pages.split(","):
            _warm(server.url, files[key], args.workers)
            for count in clients:
                result = _run_locust(server.url, files[key], count, args.seconds, folder)
                print(f"{LABELS[key]:30s} {count:7d} {result['median']:7.0f} {result['p95']:7.0f} "
                      f"{result['p99']:7.0f} {result['rps']:8.1f} {result['errors']:7.0f}  "
                      f"{_verdict(key, count, result)}", flush=True)  # fmt: skip
    finally:
        server.stop()
    print(f"Lastmittel nachher {os.getloadavg()[0]:.1f}")
    peak = max(server.peak_mb.values(), default=0.0)
    print(f"Speicher je Web-Worker (RSS, Spitze): {', '.join(f'{mb:.0f}' for mb in server.peak_mb.values())} MB "
          f"— Ziel ≤ {MEMORY_TARGET_MB} MB {'✓' if peak <= MEMORY_TARGET_MB else '✗'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
