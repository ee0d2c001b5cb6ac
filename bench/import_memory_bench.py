"""Peak memory of the importing process (the web worker) for a hostile plan: a 20 MB XPlanGML file of 5 million
elements, read the old way (in the process, without the element limit) and the present way (in the limited child,
bauantrag.sandbox). Each way runs in a fresh interpreter; the growth of its peak RSS over the level after the imports
is what a web worker would grow by.

    .venv/bin/python bench/import_memory_bench.py [--elements 5000000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_MEASURE = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from bauantrag.formats.xplan import PlanFormatError, read_plans, safe_xml
from bauantrag.formats.xplan.isolated import read_plans_isolated
from bauantrag.sandbox import last_child_peak_kib
data = open(sys.argv[3], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    if sys.argv[2] == "in-process":
        safe_xml.MAX_ELEMENTS = 10**12  # what the reader did before the limit: parse whatever comes
        read_plans(data)
    else:
        read_plans_isolated(data)
    outcome = "gelesen"
except PlanFormatError as exc:
    outcome = str(exc)[:70]
seconds = time.perf_counter() - start
growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"growth_mb": growth / 1024, "child_mb": (last_child_peak_kib() or 0) / 1024,
                  "seconds": seconds, "outcome": outcome}))
"""


def flood(elements: int) -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<xplan:XPlanAuszug '
            b'xmlns:xplan="http://www.xplanung.de/xplangml/6/0" xmlns:gml="http://www.opengis.net/gml/3.2">')
    return head + b"<a/>" * elements + b"</xplan:XPlanAuszug>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--elements", type=int, default=5_000_000, help="Elemente des Plans (Standard 5.000.000)")
    args, _unknown = parser.parse_known_args(argv)  # scripts/bench.sh passes its arguments to every bench
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flut.gml"
        path.write_bytes(flood(args.elements))
        count = f"{args.elements:,}".replace(",", ".")
        print(f"Plan: {path.stat().st_size / 1e6:.1f} MB, {count} Elemente")
        print(f"{'Weg':16s} {'Webprozess +MB':>14s} {'Kindprozess MB':>14s} {'Sekunden':>8s}  Ergebnis")
        for way in ("in-process", "sandbox"):
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", _MEASURE, str(REPO), way, str(path)], check=True,
                                    capture_output=True, text=True, timeout=600)
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            label = "im Prozess" if way == "in-process" else "abgeschottet"
            child = f"{figures['child_mb']:.0f}" if figures["child_mb"] else "–"
            print(f"{label:16s} {figures['growth_mb']:14.0f} {child:>14s} {figures['seconds']:8.1f}  "
                  f"{figures['outcome']}  (gesamt {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
