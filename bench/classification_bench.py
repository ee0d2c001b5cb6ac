"""Benchmark of the Bauvorlagen classifier: time of classify() per document on generated test documents.

    .venv/bin/python bench/classification_bench.py [-n 3] [--per-class 8]

Prints median and 95th percentile in milliseconds per document (text already read; OCR not included), the time to
load the model once, and the size of the model file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.assist.classification import features, modelfile  # noqa: E402
from bauantrag.assist.classification.classifier import Classifier  # noqa: E402
from bauantrag.assist.corpus import generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=3, help="Durchläufe je Dokument (Standard 3)")
    parser.add_argument("--per-class", type=int, default=8, help="Dokumente je Klasse (Standard 8)")
    args, _unknown = parser.parse_known_args(argv)
    started = time.perf_counter()
    classifier = Classifier(modelfile.load())
    load_ms = (time.perf_counter() - started) * 1000
    samples = generate("test", seed=31337, per_class=args.per_class, scanned_fraction=0.0)
    classifier.classify(samples[0].pages)  # warm up (imports, vectorizer)
    timings = []
    for sample in samples:
        for _ in range(args.runs):
            begin = time.perf_counter()
            classifier.classify(sample.pages)
            timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    chars = statistics.median(len("\n".join(s.pages)) for s in samples)
    size_kb = (modelfile.MODEL_DIR / modelfile.ARRAYS).stat().st_size / 1024
    print(
        f"Klassifikation: {len(samples)} Dokumente × {args.runs} (Median {chars:.0f} Zeichen), Modell "
        f"{classifier.version} ({size_kb:.0f} KB), Laden {load_ms:.0f} ms"
    )
    print(f"{'ms je Dokument':20s} {'Median':>8s} {'p95':>8s}")
    print(f"{'classify()':20s} {statistics.median(timings):8.2f} {p95:8.2f}")
    everything = " ".join(" ".join(s.pages) for s in samples)
    long_pages = [everything[i * 3400 : (i + 1) * 3400] for i in range(features.MAX_PAGES)]  # 12 full pages
    long_timings = []
    for _ in range(max(3, args.runs)):
        begin = time.perf_counter()
        classifier.classify(long_pages)
        long_timings.append((time.perf_counter() - begin) * 1000)
    chars_long = len(features.document_text(long_pages))
    label = f"12 Seiten, {chars_long} Z."
    print(f"{label:20s} {statistics.median(long_timings):8.2f} {max(long_timings):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
