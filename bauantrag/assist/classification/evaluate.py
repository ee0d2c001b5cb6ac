"""Measure the shipped classifier on the held-out test split of the corpus (``make eval-classifier``).

    python -m bauantrag.assist.classification.evaluate [--per-class 40] [--seed 7310447] [--workers 2]

Prints per-class precision, recall and F1, macro-F1, the confusion matrix, and how many test documents were
scanned-looking and read by real OCR. Figures, not pass/fail (exit status 0 whenever the evaluation ran).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import numpy as np

from bauantrag.assist.classification import dataset, metrics, modelfile
from bauantrag.assist.classification.classifier import get_classifier
from bauantrag.assist.corpus import CLASS_NAMES, CLASSES, DEFAULT_SEEDS, SCANNED_FRACTION, generate
from bauantrag.assist.corpus.render import TEST_ONLY_STYLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-class", type=int, default=40)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEEDS["test"])
    parser.add_argument("--workers", type=int, default=2, help="parallel Tesseract processes")
    parser.add_argument("--record", action="store_true", help="store the figures in model/classifier.json")
    args = parser.parse_args(argv)

    classifier = get_classifier()
    meta = classifier.model.meta
    samples = generate("test", seed=args.seed, per_class=args.per_class, scanned_fraction=SCANNED_FRACTION)
    data = dataset.build(samples, workers=args.workers)
    started = time.perf_counter()
    probs = classifier.probabilities(data.texts)
    ms_per_doc = (time.perf_counter() - started) * 1000 / len(samples)
    predicted = [classifier.model.classes[i]["name"] for i in probs.argmax(axis=1)]
    confidence = probs.max(axis=1)
    truth = data.labels

    print(
        f"Klassifikator {classifier.version} (trainiert {meta.get('trained_at', '?')}, Trainingskorpus Seed "
        f"{meta['corpus']['seed']}, {meta['corpus']['documents']} Dokumente, "
        f"davon {meta['corpus']['ocr_documents']} per OCR)"
    )
    heldout = sum(s.heldout for s in samples)
    print(f"Testsplit: Seed {args.seed}, {len(samples)} Dokumente ({args.per_class} je Klasse).")
    print(
        "Zurückgehalten: eigener Seed; Layout-Varianten, die nur im Test vorkommen "
        f"({', '.join(f'{c.name}.{v}' for c in CLASSES for v in sorted(c.heldout))}); Formulierungen nur im Test; "
        f"CSS-/Zeichenstil {sorted(TEST_ONLY_STYLES)} nur im Test."
    )
    print(
        f"Davon {heldout} Dokumente in zurückgehaltenen Layout-Varianten; {data.ocr_count} gescannt "
        f"(Bild-PDF ohne Textebene) und mit Tesseract (deu) gelesen ({data.ocr_seconds:.0f} s)."
    )
    print()
    table, scores = metrics.report(truth, predicted, CLASS_NAMES)
    print(table)
    print()
    print("Konfusionsmatrix (Zeilen: wahre Klasse, Spalten: erkannte Klasse, Nummern wie Zeilen)")
    print(metrics.confusion(truth, predicted, CLASS_NAMES))
    print()
    correct = np.array([t == p for t, p in zip(truth, predicted, strict=True)])
    for name, mask in (
        ("zurückgehaltene Layout-Varianten", np.array([s.heldout for s in samples])),
        ("bekannte Layout-Varianten", np.array([not s.heldout for s in samples])),
        ("gescannt (OCR)", np.array([s.scanned for s in samples])),
        ("Text-PDF", np.array([not s.scanned for s in samples])),
    ):
        if mask.any():
            print(f"Genauigkeit {name}: {correct[mask].mean():.3f} (n={int(mask.sum())})")
    threshold = classifier.model.confident_threshold
    sure = confidence >= threshold
    print(
        f"Sicher erkannt (Wahrscheinlichkeit ≥ {threshold}): {sure.mean():.1%} der Dokumente, davon richtig "
        f"{correct[sure].mean() if sure.any() else 0:.3f}; unsicher: {int((~sure).sum())}"
    )
    print(f"Klassifikationszeit (Stapel, ohne OCR): {ms_per_doc:.1f} ms je Dokument")
    errors = Counter(
        (s.variant.split("+")[0], p) for s, p, ok in zip(samples, predicted, correct, strict=True) if not ok
    )
    if errors:
        print("Häufigste Verwechslungen (Variante → erkannt):")
        for (variant, guess), count in errors.most_common(10):
            print(f"  {count:3d}× {variant} → {guess}")
    print(f"\nMakro-F1 auf dem Testsplit: {scores['macro_f1']:.3f} (Ziel ≥ 0,95)")
    if args.record:
        modelfile.record_metrics(
            modelfile.MODEL_DIR,
            "test",
            {
                "seed": args.seed,
                "documents": len(samples),
                "heldout_layout_documents": heldout,
                "ocr_documents": data.ocr_count,
                "confident_share": round(float(sure.mean()), 4),
                "confident_precision": round(float(correct[sure].mean()), 4) if sure.any() else None,
                "heldout_layout_accuracy": round(float(correct[[s.heldout for s in samples]].mean()), 4),
                **scores,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
