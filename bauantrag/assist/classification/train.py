"""Train the Bauvorlagen classifier and write the model files.

    BAUANTRAG_REAL_DOCS=/path/to/texts python -m bauantrag.assist.classification.train [--per-class 80]

Training data: the training split of the synthetic corpus (``bauantrag.assist.corpus``, incl. the reject class
``keine_bauvorlage``), OCR-like noisy copies of part of it, and the real documents allowed for training
(``realdocs``): the *calibration* split of the real set (the hand-written ones always, the third-party ones when
``$BAUANTRAG_REAL_DOCS`` holds them) and the *blind-train* half of the blind set (``$BAUANTRAG_REAL_DOCS/blind``).
The real *test* split and the *blind-holdout* half are never used here.
Each real document weighs REAL_WEIGHT synthetic ones, and every row is weighted so that each class counts the
same in total (class-balanced): the first model weighted a real set of almost only information pages, blank forms
and laws three times into one flat model, learned "looks like real text = keine Bauvorlage" and answered that for
every real Bauvorlage of the blind test, as certain (issue 10).
Features: hashed character and word n-grams (features.py), the K columns with the highest chi² score, idf
weights; model: multinomial logistic regression.

Calibration per decision: each real training document is predicted by a model trained without it (REAL_FOLDS
folds; synthetic data always in training). From these out-of-fold answers two thresholds are chosen: one for
"this is a Bauvorlage of kind X" and one for "keine Bauvorlage" — the lowest at which the answers of that decision
are right at least TARGET_PRECISION of the time, but never below MIN_THRESHOLD (a few dozen real documents cannot
vouch for a lower one). Below its threshold a suggestion is shown as uncertain; the clerk decides.
Scanned-looking samples are left out (``--scanned``, default 0): OCR of the training split takes longer than this
machine allows per run; the noisy copies stand in for it.
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

from bauantrag.assist.classification import dataset, features, modelfile, realdocs
from bauantrag.assist.corpus import BY_NAME, CLASS_NAMES, DEFAULT_SEEDS, generate
from bauantrag.assist.corpus.classes import NOT_A_BAUVORLAGE

N_COLUMNS = 40_000
C = 16.0
NOISY_SHARE = 0.3
REAL_WEIGHT = 3.0  # a real training document weighs this many synthetic ones (before class balancing)
REAL_FOLDS = 4
TARGET_PRECISION = 0.97  # of answers shown as certain, per decision, on the real training documents (out-of-fold)
MIN_THRESHOLD = 0.6  # no decision is shown as certain below this probability, whatever the few real docs say


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


def _balanced(y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Row weights times a per-class factor so that every class present weighs the same in total."""
    totals = np.bincount(y, weights=weight, minlength=len(CLASS_NAMES))
    present = totals > 0
    factor = np.zeros(len(CLASS_NAMES))
    factor[present] = weight.sum() / (present.sum() * totals[present])
    balanced: np.ndarray = weight * factor[y]
    return balanced


def _fit(x: Any, y: np.ndarray, c: float, weight: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(C=c, max_iter=3000, tol=1e-4)
    model.fit(x, y, sample_weight=_balanced(y, weight))
    return model


def _threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Lowest probability (not below MIN_THRESHOLD) from which on the out-of-fold answers of one decision are right
    at least TARGET_PRECISION of the time; 0.95 when no such threshold exists."""
    for threshold in np.arange(MIN_THRESHOLD, 0.96, 0.05):
        mask = confidence >= threshold
        if not mask.any() or correct[mask].mean() >= TARGET_PRECISION:
            return round(float(threshold), 2)
    return 0.95


def _decision_figures(confidence: np.ndarray, right: np.ndarray, threshold: float) -> dict[str, Any]:
    sure = confidence >= threshold
    return {
        "answers": int(confidence.shape[0]),
        "confident_share": round(float(sure.mean()), 4) if sure.size else None,
        "confident_precision": round(float(right[sure].mean()), 4) if sure.any() else None,
        "confident_wrong": int((sure & ~right).sum()),
    }


def _synthetic(args: argparse.Namespace) -> tuple[list[str], list[str], int]:
    samples = generate("train", seed=args.seed, per_class=args.per_class, scanned_fraction=args.scanned)
    data = dataset.build(samples, workers=args.workers)
    rng = random.Random(args.seed)  # noqa: S311 - augmentation only
    texts, labels = list(data.texts), list(data.labels)
    for sample, text in zip(data.samples, data.texts, strict=True):
        if not sample.scanned and rng.random() < NOISY_SHARE:
            texts.append(dataset.ocr_noise(text, rng, rng.uniform(0.05, 0.35)))
            labels.append(sample.doc_class)
    return texts, labels, len(samples)


def _real_training() -> list[realdocs.RealDoc]:
    """The real documents training may use: the calibration split and the blind-train half (never test/holdout)."""
    docs = realdocs.load().split("calibration") + realdocs.load_blind(split=realdocs.BLIND_TRAIN).docs
    unknown = {d.label for d in docs} - set(CLASS_NAMES)
    if unknown:
        raise SystemExit(f"Unbekannte Klassen im Manifest: {sorted(unknown)}")
    return docs


def _matrix(texts: list[str], y: np.ndarray) -> tuple[Any, np.ndarray, np.ndarray]:
    raw = features.raw_counts(texts)
    columns = _select_columns(raw, y, N_COLUMNS)
    selected = features.select(raw, features.column_map(columns))
    idf = _idf(selected)
    return features.finish(selected, idf), columns, idf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-class", type=int, default=80)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEEDS["train"])
    parser.add_argument("--scanned", type=float, default=0.0, help="share of scanned samples read by Tesseract")
    parser.add_argument("--workers", type=int, default=2, help="parallel Tesseract processes")
    parser.add_argument("--output", type=Path, default=modelfile.MODEL_DIR)
    args = parser.parse_args(argv)
    started = time.monotonic()

    texts, labels, n_synthetic = _synthetic(args)
    n_synth_rows = len(texts)
    real = _real_training()
    texts.extend(d.text for d in real)
    labels.extend(d.label for d in real)
    y = np.array([CLASS_NAMES.index(label) for label in labels])
    weight = np.concatenate([np.ones(n_synth_rows), np.full(len(real), REAL_WEIGHT)])
    n_blind = sum(d.split == realdocs.BLIND_TRAIN for d in real)
    print(
        f"{n_synthetic} synthetische Dokumente ({n_synth_rows} mit Rausch-Kopien), {len(real)} echte "
        f"({len(real) - n_blind} Kalibrierungssplit, {n_blind} blind-train)",
        file=sys.stderr,
        flush=True,
    )
    x, columns, idf = _matrix(texts, y)

    # out-of-fold probabilities for the real training documents: synthetic rows always train
    real_rows = np.arange(n_synth_rows, len(texts))
    fold_of = np.arange(len(real)) % REAL_FOLDS
    oof = np.zeros((len(real), len(CLASS_NAMES)))
    for fold in range(REAL_FOLDS):
        held = np.flatnonzero(fold_of == fold)
        keep = np.concatenate([np.arange(n_synth_rows), real_rows[fold_of != fold]])
        model = _fit(x[keep], y[keep], C, weight[keep])
        proba = np.zeros((len(held), len(CLASS_NAMES)))
        proba[:, model.classes_] = model.predict_proba(x[real_rows[held]])
        oof[held] = proba
    truth = np.array([CLASS_NAMES.index(d.label) for d in real])
    guess = oof.argmax(axis=1)
    right = guess == truth
    confidence = oof.max(axis=1)
    rejects = guess == CLASS_NAMES.index(NOT_A_BAUVORLAGE)
    threshold = _threshold(confidence[~rejects], right[~rejects])
    reject_threshold = _threshold(confidence[rejects], right[rejects])
    sure = np.where(rejects, confidence >= reject_threshold, confidence >= threshold)
    final = _fit(x, y, C, weight)
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
            "documents": n_synthetic,
            "ocr_documents": 0 if not args.scanned else None,
            "noisy_copies": n_synth_rows - n_synthetic,
        },
        "real_calibration": {
            "documents": len(real),
            "ids": [d.id for d in real if d.split != realdocs.BLIND_TRAIN],
            "blind_train_ids": [d.id for d in real if d.split == realdocs.BLIND_TRAIN],
            "weight": REAL_WEIGHT,
            "class_balanced": True,
            "folds": REAL_FOLDS,
            "target_precision": TARGET_PRECISION,
            "min_threshold": MIN_THRESHOLD,
            "oof_accuracy": round(float(right.mean()), 4) if len(real) else None,
            "oof_confident_share": round(float(sure.mean()), 4) if len(real) else None,
            "oof_confident_precision": round(float(right[sure].mean()), 4) if sure.any() else None,
            "oof_kind": _decision_figures(confidence[~rejects], right[~rejects], threshold),
            "oof_reject": _decision_figures(confidence[rejects], right[rejects], reject_threshold),
        },
        "features": {
            "buckets": features.N_BUCKETS,
            "char_ngrams": list(features.CHAR_NGRAMS),
            "word_ngrams": list(features.WORD_NGRAMS),
            "columns": int(columns.shape[0]),
            "max_pages": features.MAX_PAGES,
            "max_chars": features.MAX_CHARS,
        },
        "model": {
            "kind": "multinomial logistic regression, class-balanced weights",
            "C": C,
            "scikit_learn": sklearn.__version__,
        },
        "confident_threshold": threshold,
        "reject_threshold": reject_threshold,
        "metrics": {},
    }
    path = modelfile.save(args.output, arrays, meta)
    print(
        f"Modell {meta['version']} geschrieben: {path} ({path.stat().st_size / 1024:.0f} KB), C={C:g}, "
        f"Schwellen {threshold} (Art) / {reject_threshold} (keine Bauvorlage), Dauer {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
