"""Per-class precision, recall, F1 and a readable confusion matrix (printed by train and evaluate)."""

from __future__ import annotations

from collections.abc import Sequence


def report(truth: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> tuple[str, dict[str, float]]:
    rows = []
    f1s = []
    per_class: dict[str, float] = {}
    width = max(len(c) for c in classes) + 2
    rows.append(f"{'Klasse':<{width}} {'Precision':>9} {'Recall':>7} {'F1':>6} {'n':>5}")
    for cls in classes:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == cls and p == cls)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if t != cls and p == cls)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_class[cls] = f1
        rows.append(f"{cls:<{width}} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp + fn:5d}")
    macro = sum(f1s) / len(f1s)
    accuracy = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p) / max(1, len(truth))
    rows.append(f"{'Makro-F1':<{width}} {'':>9} {'':>7} {macro:6.3f} {len(truth):5d}")
    rows.append(f"{'Genauigkeit':<{width}} {'':>9} {'':>7} {accuracy:6.3f}")
    return "\n".join(rows), {
        "macro_f1": round(macro, 4),
        "accuracy": round(accuracy, 4),
        **{f"f1.{k}": round(v, 4) for k, v in per_class.items()},
    }


def confusion(truth: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> str:
    """Rows: true class; columns: predicted class (abbreviated, legend below)."""
    abbrev = [f"{i + 1:>3}" for i in range(len(classes))]
    width = max(len(c) for c in classes) + 6
    corner = "wahr \\ erkannt"
    lines = [f"{corner:<{width}}" + "".join(f"{a:>5}" for a in abbrev)]
    for i, cls in enumerate(classes):
        counts = [sum(1 for t, p in zip(truth, predicted, strict=True) if t == cls and p == other) for other in classes]
        cells = "".join(f"{(str(c) if c else '.'):>5}" for c in counts)
        lines.append(f"{i + 1:>3} {cls:<{width - 4}}{cells}")
    return "\n".join(lines)
