"""Measure the shipped classifier on synthetic and on real documents, side by side (``make eval-classifier``).

    BAUANTRAG_REAL_DOCS=/path/to/texts python -m bauantrag.assist.classification.evaluate [--per-class 40]
        [--scanned 0.15] [--workers 2] [--record]

Synthetic: the held-out test split of the corpus (own seed, layouts and phrasings never seen in training; a share
rendered as scans and read by Tesseract). Real: the documents of ``real/manifest.csv`` whose text is present
(third-party texts from ``$BAUANTRAG_REAL_DOCS``, the hand-written ones from the repository); the *test* split is
the headline figure, the calibration split was used for training and for choosing the threshold.
Prints per-class precision/recall/F1, macro-F1, confusion matrices, the share of answers shown as certain and how
often those are wrong, and the calibration bins. Figures, not pass/fail (exit status 0 whenever it ran).
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from bauantrag.assist.classification import dataset, modelfile, realdocs, realmetrics
from bauantrag.assist.classification.classifier import Classifier, get_classifier
from bauantrag.assist.corpus import DEFAULT_SEEDS, SCANNED_FRACTION, generate
from bauantrag.assist.corpus.classes import NOT_A_BAUVORLAGE as REJECT


def _predict(classifier: Classifier, texts: list[str]) -> tuple[list[str], np.ndarray, list[bool]]:
    probs = classifier.probabilities(texts)
    names = [classifier.model.classes[i]["name"] for i in probs.argmax(axis=1)]
    confidence = probs.max(axis=1)
    sure = [classifier.is_confident(t, float(c), n) for t, c, n in zip(texts, confidence, names, strict=True)]
    return names, confidence, sure


def _section(
    title: str, truth: list[str], names: list[str], confidence: np.ndarray, sure: list[bool]
) -> dict[str, float | int]:
    scores = realmetrics.score(truth, names, sure)
    print(f"\n=== {title}: {scores.n} Dokumente ===")
    print(scores.table)
    print("\nKonfusionsmatrix (Zeilen: Handlabel, Spalten: Vorschlag)")
    print(scores.confusion)
    right = np.array([t == n for t, n in zip(truth, names, strict=True)])
    print("\nKalibrierung (Wahrscheinlichkeit des Vorschlags → Anteil richtig):")
    for low, high, n, mean, share in realmetrics.calibration_bins(confidence, right):
        print(f"  {low:.2f}–{high:.2f}: n={n:3d}  mittlere Sicherheit {mean:.3f}  richtig {share:.3f}")
    wrong = [(t, n) for t, n, s in zip(truth, names, sure, strict=True) if s and t != n]
    if wrong:
        print("Als sicher gezeigt, aber falsch (Handlabel → Vorschlag): " + "; ".join(f"{t} → {n}" for t, n in wrong))
    return scores.as_dict()


def _side_by_side(columns: dict[str, dict[str, float | int]]) -> None:
    keys = [
        ("accuracy", "Genauigkeit"),
        ("macro_f1", "Makro-F1"),
        ("confident_share", "als sicher gezeigt"),
        ("confident_precision", "davon richtig"),
        ("confident_wrong_share", "sicher, aber falsch (Anteil aller)"),
        ("documents", "Dokumente"),
    ]
    print("\n=== Synthetisch und echt nebeneinander ===")
    print(f"{'Kennzahl':<36}" + "".join(f"{name:>22}" for name in columns))
    for key, label in keys:
        cells = "".join(f"{columns[c].get(key, 0):>22}" for c in columns)
        print(f"{label:<36}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-class", type=int, default=40)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEEDS["test"])
    parser.add_argument("--scanned", type=float, default=SCANNED_FRACTION, help="share of scans read by OCR")
    parser.add_argument("--workers", type=int, default=2, help="parallel Tesseract processes")
    parser.add_argument("--record", action="store_true", help="store the figures in model/classifier.json")
    args = parser.parse_args(argv)

    classifier = get_classifier()
    meta = classifier.model.meta
    print(
        f"Klassifikator {classifier.version} (trainiert {meta.get('trained_at', '?')}), "
        f"{len(classifier.model.classes)} Klassen, Schwelle für „sicher“: "
        f"{classifier.model.confident_threshold} (Art), {classifier.model.threshold_for(REJECT)} (keine Bauvorlage)"
    )
    samples = generate("test", seed=args.seed, per_class=args.per_class, scanned_fraction=args.scanned)
    data = dataset.build(samples, workers=args.workers)
    started = time.perf_counter()
    names, confidence, sure = _predict(classifier, data.texts)
    ms_per_doc = (time.perf_counter() - started) * 1000 / len(samples)
    columns = {
        "synthetisch (Test)": _section(
            f"Synthetischer Testsplit (Seed {args.seed}, {data.ocr_count} gescannt und per OCR gelesen)",
            data.labels,
            names,
            confidence,
            sure,
        )
    }

    real = realdocs.load()
    where = real.directory or f"(${realdocs.ENV_VAR} nicht gesetzt)"
    print(
        f"\nEchte Dokumente: {len(real.docs)} gefunden, {len(real.missing)} fehlen "
        f"(Texte Dritter gesucht in {where}; die von Hand geschriebenen liegen im Repository)."
    )
    if real.missing:
        print("  Ohne Text: " + ", ".join(real.missing[:20]) + (" …" if len(real.missing) > 20 else ""))
    for split, title in (("test", "echt (Test)"), ("calibration", "echt (Kalibrierung)")):
        docs = real.split(split)
        if not docs:
            print(f"Keine echten Dokumente im Split {split}.")
            continue
        r_names, r_conf, r_sure = _predict(classifier, [d.text for d in docs])
        columns[title] = _section(
            f"Echte Dokumente, Split {split}" + (" (zum Training/Kalibrieren benutzt)" if split != "test" else ""),
            [d.label for d in docs],
            r_names,
            r_conf,
            r_sure,
        )
    _side_by_side(columns)
    print(f"\nKlassifikationszeit (Stapel, ohne Textlesen/OCR): {ms_per_doc:.1f} ms je Dokument")
    size = (modelfile.MODEL_DIR / modelfile.ARRAYS).stat().st_size
    print(f"Modellgröße: {size / 1024:.0f} KB ({modelfile.ARRAYS}, ohne pickle, SHA-256 geprüft)")
    if args.record:
        modelfile.record_metrics(
            modelfile.MODEL_DIR, "evaluation", {**columns, "ms_per_document": round(ms_per_doc, 2)}
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
