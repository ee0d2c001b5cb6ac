"""Benchmark of the XPlanGML reader: parse + geometry + transformation of the largest sample plan.

    .venv/bin/python bench/plan_import_bench.py [-n 50] [FILES ...]

Prints median and 95th percentile in milliseconds, and the peak Python heap (tracemalloc) of one read. lxml's and
GEOS's native memory is outside tracemalloc; the growth of the process's peak RSS is printed beside it.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.formats.xplan import read_plans  # noqa: E402

SAMPLES = REPO / "tests" / "data" / "xplan"


def measure(path: Path, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        read_plans(path)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def peak_memory(path: Path) -> tuple[float, float]:
    """(peak Python heap in MB during one read, growth of the process's peak RSS in MB)."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    read_plans(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    return peak / 1048576, rss_growth / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=50, help="Durchläufe je Plan (Standard 50)")
    parser.add_argument("files", nargs="*", type=Path, help="XPlanGML-Dateien (Standard: der größte Beispielplan)")
    args = parser.parse_args(argv)
    largest = max(SAMPLES.rglob("*.gml"), key=lambda path: path.stat().st_size)
    files = [path.resolve() for path in args.files] or [largest]
    read_plans(files[0])  # warm caches (pyproj, imports) outside the measurement
    print(f"{args.runs} Durchläufe je Plan, Zeiten in ms, Speicher in MB")
    print(f"{'Plan':45s} {'KB':>6s} {'Flächen':>7s} {'Median':>8s} {'p95':>8s} {'Heap':>6s} {'RSS+':>6s}")
    for path in files:
        plans = read_plans(path)
        heap, rss = peak_memory(path)
        timings = measure(path, args.runs)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1]
        name = str(path.relative_to(SAMPLES)) if path.is_relative_to(SAMPLES) else path.name
        size_kb = path.stat().st_size / 1024
        areas = sum(len(plan.areas) for plan in plans)
        print(f"{name:45s} {size_kb:6.0f} {areas:7d} {median:8.1f} {p95:8.1f} {heap:6.1f} {rss:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
