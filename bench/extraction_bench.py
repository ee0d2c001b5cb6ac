"""Benchmark of the key-data extraction: time per document over the synthetic corpus' test split.

    .venv/bin/python bench/extraction_bench.py [-n 3] [--per-class 40]

Prints median and 95th percentile in milliseconds per document and per page (text only, no OCR: the extractor
runs after the text is read), and the largest document's time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.assist.extraction.extractor import extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=3, help="Durchläufe je Dokument (Standard 3)")
    parser.add_argument("--per-class", type=int, default=40, help="Dokumente je Klasse (Standard 40)")
    args = parser.parse_args(argv)
    from bauantrag.assist.corpus import generate

    documents = [s.pages for s in generate("test", per_class=args.per_class)]
    extract(documents[0])  # compile the patterns outside the measurement
    per_document: list[float] = []
    per_page: list[float] = []
    for pages in documents:
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            extract(pages)
            best = min(best, (time.perf_counter() - start) * 1000)
        per_document.append(best)
        per_page.append(best / max(1, len(pages)))
    chars = sum(len(p) for pages in documents for p in pages)
    print(f"{len(documents)} Dokumente, {sum(len(p) for p in documents)} Seiten, {chars} Zeichen; Zeiten in ms")
    for label, values in (("je Dokument", per_document), ("je Seite", per_page)):
        p95 = statistics.quantiles(values, n=20, method="inclusive")[-1]
        print(f"{label:12s} Median {statistics.median(values):7.2f}  p95 {p95:7.2f}  Maximum {max(values):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
