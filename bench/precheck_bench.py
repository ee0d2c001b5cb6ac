"""Benchmark of the automatic pre-check: JSON loading + schema validation + all rules, per example.

    .venv/bin/python bench/precheck_bench.py [-n 200] [FILES ...]

Prints median and 95th percentile in milliseconds per example. Budget: 1 s per application.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.formats.application_json import load_application  # noqa: E402
from bauantrag.rules.engine import RULESET_VERSION, run_precheck  # noqa: E402

BUDGET_MS = 1000.0


def measure(path: Path, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        run_precheck(load_application(path))
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", "--runs", type=int, default=200, help="Durchläufe je Beispiel (Standard 200)")
    parser.add_argument("files", nargs="*", type=Path, help="Antragsdateien (Standard: examples/*.json)")
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "examples").glob("*.json"))
    run_precheck(load_application(files[0]))  # warm caches (schema, code list) outside the measurement
    print(f"Regelwerk {RULESET_VERSION}, {args.runs} Durchläufe je Beispiel, Zeiten in ms")
    print(f"{'Beispiel':45s} {'Median':>8s} {'p95':>8s}")
    worst = 0.0
    for path in files:
        timings = measure(path, args.runs)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1]
        worst = max(worst, p95)
        print(f"{path.name:45s} {median:8.3f} {p95:8.3f}")
    within = worst <= BUDGET_MS
    print(f"Budget {BUDGET_MS:.0f} ms je Antrag: {'eingehalten' if within else 'ÜBERSCHRITTEN'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
