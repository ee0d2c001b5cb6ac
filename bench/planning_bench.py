"""Benchmark of the planning-law check against a real Bebauungsplan (XPlanGML), per application.

    .venv/bin/python bench/planning_bench.py [-n 200] [FILES ...]

For each application with a Lageplan (``site``) and a plan reference (``site.plan``): the plans of the file are
read once (time reported separately), then ``run_precheck(v, plan=..., site=...)`` is measured — all rules, planning law
included. Prints median and 95th percentile in milliseconds. Target: 100 ms per application.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.formats.application_json import read_application_json, site_from_dict, vorhaben_from_dict  # noqa: E402
from bauantrag.formats.xplan import read_plans  # noqa: E402
from bauantrag.rules.engine import RULESET_VERSION, run_precheck  # noqa: E402

TARGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=200, help="Durchläufe je Antrag (Standard 200)")
    parser.add_argument("files", nargs="*", type=Path, help="Antragsdateien (Standard: examples/bplan_*.json)")
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "examples").glob("bplan_*.json"))
    print(f"Regelwerk {RULESET_VERSION}, {args.runs} Durchläufe je Antrag, Zeiten in ms")
    print(f"{'Antrag':42s} {'Plan lesen':>10s} {'Median':>8s} {'p95':>8s} {'Befunde':>8s}")
    worst = 0.0
    for path in files:
        data = read_application_json(path)
        vorhaben, site = vorhaben_from_dict(data), site_from_dict(data)
        if site is None or site.plan_ref is None:
            print(f"{path.name:42s} ohne Lageplan oder Planverweis – übersprungen")
            continue
        start = time.perf_counter()
        plan = read_plans(path.parent / site.plan_ref)  # all plans of the file; the check chooses
        read_ms = (time.perf_counter() - start) * 1000
        count = len(run_precheck(vorhaben, plan=plan, site=site).findings)  # warm-up
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            run_precheck(vorhaben, plan=plan, site=site)
            timings.append((time.perf_counter() - start) * 1000)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1]
        worst = max(worst, p95)
        print(f"{path.name:42s} {read_ms:10.1f} {median:8.2f} {p95:8.2f} {count:8d}")
    within = worst <= TARGET_MS
    print(f"Ziel {TARGET_MS:.0f} ms je Antrag (p95, ohne Plan lesen): {'eingehalten' if within else 'VERFEHLT'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
