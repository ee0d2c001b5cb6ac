"""Figures for predictions on labelled documents, with abstention: accuracy, macro-F1, confusion matrix, and
how often a suggestion shown as certain is wrong (the failure that matters most to a clerk)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bauantrag.assist.classification import metrics

REJECT = "keine_bauvorlage"


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float  # top-1 class equals the hand label
    macro_f1: float  # over the hand labels present
    confident_share: float  # share of documents answered as certain
    confident_precision: float  # of those, share right
    confident_wrong_share: float  # share of all documents answered as certain and wrong
    table: str
    confusion: str

    def as_dict(self) -> dict[str, float | int]:
        return {
            "documents": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "confident_share": round(self.confident_share, 4),
            "confident_precision": round(self.confident_precision, 4),
            "confident_wrong_share": round(self.confident_wrong_share, 4),
        }


def score(truth: Sequence[str], predicted: Sequence[str], confident: Sequence[bool]) -> Scores:
    labels = sorted(set(truth)) + sorted(set(predicted) - set(truth))
    present = sorted(set(truth))
    table, figures = metrics.report(truth, predicted, labels)
    f1s = [figures[f"f1.{c}"] for c in present]
    right = np.array([t == p for t, p in zip(truth, predicted, strict=True)])
    sure = np.asarray(confident, dtype=bool)
    return Scores(
        n=len(truth),
        accuracy=float(right.mean()) if len(truth) else 0.0,
        macro_f1=float(np.mean(f1s)) if f1s else 0.0,
        confident_share=float(sure.mean()) if len(truth) else 0.0,
        confident_precision=float(right[sure].mean()) if sure.any() else 0.0,
        confident_wrong_share=float((sure & ~right).mean()) if len(truth) else 0.0,
        table=table,
        confusion=metrics.confusion(truth, predicted, labels),
    )


def calibration_bins(
    confidence: np.ndarray, right: np.ndarray, edges: Sequence[float] = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
) -> list[tuple[float, float, int, float, float]]:
    """(low, high, n, mean confidence, share right) per confidence bin."""
    rows = []
    for low, high in itertools.pairwise(edges):
        mask = (confidence >= low) & (confidence < high)
        if mask.any():
            mean, share = float(confidence[mask].mean()), float(right[mask].mean())
            rows.append((low, min(high, 1.0), int(mask.sum()), mean, share))
        else:
            rows.append((low, min(high, 1.0), 0, 0.0, 0.0))
    return rows
