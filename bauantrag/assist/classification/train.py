"""Train the Bauvorlagen classifier on the training split of the corpus and write the model files.

    python -m bauantrag.assist.classification.train [--per-class 110] [--seed 20260701] [--workers 2]

Steps: generate the training split (``bauantrag.assist.corpus``), OCR its scanned-looking documents with real
Tesseract (cached in $TMPDIR), add OCR-like noisy copies of part of the clean documents, hash character and word
n-grams (features.py), keep the K columns with the highest chi² score, weight them by idf, fit a multinomial
logistic regression. C and the confidence threshold are chosen by cross-validation over *layout variants* of the
training split (a whole variant is held out per fold) — the test split is never looked at.
Writes ``model/classifier.npz`` (arrays; loaded without pickle) and ``model/classifier.json`` (metadata, metrics).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bauantrag.assist.classification import dataset, features, metrics, modelfile
from bauantrag.assist.corpus import BY_NAME, CLASS_NAMES, DEFAULT_SEEDS, generate

N_COLUMNS = 40_000
C_GRID = (4.0, 16.0, 64.0)
NOISY_SHARE = 0.3
TRAIN_SCANNED = 0.05
TARGET_PRECISION = 0.98  # of predictions at or above the confidence threshold (cross-validated)


def _idf(matrix: Any) -> np.ndarray:
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf: np.ndarray = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    return idf


def _select_columns(raw: Any, labels: np.ndarray, k: int) -> np.ndarray:
    from sklearn.feature_selection import chi2  # type: ignore[import-untyped]

    binary = raw.copy()
    binary.data[:] = 1
    df = np.asarray(binary.sum(axis=0)).ravel()
    candidates = np.flatnonzero(df >= 3)
    scores, _ = chi2(binary[:, candidates], labels)
    scores = np.nan_to_num(scores)
    best = candidates[np.argsort(-scores)[:k]]
    return np.sort(best).astype(np.int64)


def _fit(x: Any, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(C=c, max_iter=3000, tol=1e-4)
    model.fit(x, y)
    return model


def _threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Lowest probability from which on the cross-validated predictions are right at least TARGET_PRECISION."""
    for t in np.arange(0.30, 0.96, 0.05):
        mask = confidence >= t
        if mask.sum() and correct[mask].mean() >= TARGET_PRECISION:
            return round(float(t), 2)
    return 0.95


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-class", type=int, default=110)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEEDS["train"])
    parser.add_argument("--workers", type=int, default=2, help="parallel Tesseract processes")
    parser.add_argument("--output", type=Path, default=modelfile.MODEL_DIR)
    args = parser.parse_args(argv)
    started = time.monotonic()

    samples = generate("train", seed=args.seed, per_class=args.per_class, scanned_fraction=TRAIN_SCANNED)
    data = dataset.build(samples, workers=args.workers)
    rng = random.Random(args.seed)  # noqa: S311 - augmentation only
    texts, labels, groups = list(data.texts), list(data.labels), list(data.groups)
    for sample, text, group in zip(data.samples, data.texts, data.groups, strict=True):
        if not sample.scanned and rng.random() < NOISY_SHARE:
            texts.append(dataset.ocr_noise(text, rng, rng.uniform(0.05, 0.35)))
            labels.append(sample.doc_class)
            groups.append(group)
    y = np.array([CLASS_NAMES.index(label) for label in labels])
    print(
        f"{len(samples)} Dokumente ({data.ocr_count} per OCR, {data.ocr_seconds:.0f} s), "
        f"{len(texts)} mit Rausch-Kopien",
        file=sys.stderr,
        flush=True,
    )

    raw = features.raw_counts(texts)
    columns = _select_columns(raw, y, N_COLUMNS)
    selected = features.select(raw, features.column_map(columns))
    idf = _idf(selected)
    x = features.finish(selected, idf)

    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    folds = list(GroupKFold(n_splits=4).split(x, y, groups))
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        oof = np.zeros((len(y), len(CLASS_NAMES)))
        for train_idx, val_idx in folds:
            oof[val_idx] = _fit(x[train_idx], y[train_idx], c).predict_proba(x[val_idx])
        predicted = oof.argmax(axis=1)
        _, scores = metrics.report([CLASS_NAMES[i] for i in y], [CLASS_NAMES[i] for i in predicted], CLASS_NAMES)
        print(
            f"C={c:g}: Makro-F1 (Kreuzvalidierung über Layout-Varianten) {scores['macro_f1']:.3f}",
            file=sys.stderr,
            flush=True,
        )
        if best is None or scores["macro_f1"] > best[1]:
            best = (c, scores["macro_f1"], oof)
    assert best is not None
    c, cv_f1, oof = best
    threshold = _threshold(oof.max(axis=1), oof.argmax(axis=1) == y)
    final = _fit(x, y, c)
    assert list(final.classes_) == list(range(len(CLASS_NAMES)))

    arrays = {
        "columns": columns,
        "idf": idf,
        "coef": final.coef_.astype(np.float32),
        "intercept": final.intercept_.astype(np.float32),
    }
    digest = hashlib.sha256(b"".join(a.tobytes() for a in arrays.values())).hexdigest()[:8]
    trained_at = datetime.now(UTC)
    import sklearn  # type: ignore[import-untyped]

    meta = {
        "version": f"{trained_at:%Y%m%d}-{digest}",
        "trained_at": trained_at.isoformat(timespec="seconds"),
        "classes": [{"name": n, "label": BY_NAME[n].label, "code": BY_NAME[n].code} for n in CLASS_NAMES],
        "corpus": {
            "split": "train",
            "seed": args.seed,
            "per_class": args.per_class,
            "documents": len(samples),
            "ocr_documents": data.ocr_count,
            "noisy_copies": len(texts) - len(samples),
        },
        "features": {
            "buckets": features.N_BUCKETS,
            "char_ngrams": list(features.CHAR_NGRAMS),
            "word_ngrams": list(features.WORD_NGRAMS),
            "columns": int(columns.shape[0]),
            "max_pages": features.MAX_PAGES,
            "max_chars": features.MAX_CHARS,
        },
        "model": {"kind": "multinomial logistic regression", "C": c, "scikit_learn": sklearn.__version__},
        "confident_threshold": threshold,
        "metrics": {"cv_macro_f1_by_layout_variant": round(cv_f1, 4)},
    }
    path = modelfile.save(args.output, arrays, meta)
    print(
        f"Modell {meta['version']} geschrieben: {path} ({path.stat().st_size / 1024:.0f} KB), C={c:g}, "
        f"Schwelle {threshold}, Dauer {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
