"""Calibrating when a suggestion is shown as certain, on real documents the shipped model never saw (issue 10).

    BAUANTRAG_REAL_DOCS=/path/to/texts python -m bauantrag.assist.classification.calibrate [--write]

The thresholds chosen at training (train.py) rest on out-of-fold answers for ~50 real documents; the blind sets
showed what they miss: on blind2 two documents were called „keine Bauvorlage“ as certain (0.705 and 0.724) and
wrong. Here each of the two decisions („Bauvorlage der Art X“, „keine Bauvorlage“) gets the lowest threshold at
which

* the held-out answers whose text is present (blind-holdout of the first set, the whole second set) are right at
  least ``--target`` of the time (default 95 %), and
* where a set's texts are absent, its committed evaluation file (``real/blind*-evaluation-<version>.txt``) stands
  in: its list of every answer with its confidence (printed since the third blind round) counts like the texts;
  an older file without that list gives only its certain-but-wrong answers („Handlabel X → Vorschlag Y (0.724)“),
  none of which may stay certain,

never below the training's floor of 0.6. Only sets that may be used for choosing parameters are read; the third
blind set (blind3) never is. ``--write`` stores both thresholds and this calibration's record in
``model/classifier.json`` (the arrays and their SHA-256 stay as they are).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bauantrag.assist import blind
from bauantrag.assist.classification import realdocs
from bauantrag.assist.classification.classifier import get_classifier
from bauantrag.assist.classification.modelfile import META, MODEL_DIR
from bauantrag.assist.corpus.classes import NOT_A_BAUVORLAGE

REAL_DIR = Path(__file__).resolve().parent / "real"
# The sets calibration may read: never trained on by this model, and measured already (blind3 is not among them).
CALIBRATION_SETS = ("blind", "blind2")
FLOOR = 0.6
TARGET = 0.95
KIND, REJECT = "kind", "reject"
_RECORDED = re.compile(r"Handlabel (?P<truth>\w+) → Vorschlag (?P<guess>\w+) \((?P<conf>0\.\d+)\)")
# Every answer, as blind.py lists it since issue 10's third round (blind.answer_line).
_ANSWER = re.compile(r"^ +(?P<id>\w+) (?P<truth>\w+) → (?P<guess>\w+) (?P<conf>[01]\.\d+) (?:sicher|unsicher)$",
                     re.MULTILINE)


@dataclass
class Decision:
    """The answers of one decision: (confidence, right) seen on texts, and confidences of recorded wrong answers."""

    answers: list[tuple[float, bool]] = field(default_factory=list)
    recorded_wrong: list[float] = field(default_factory=list)

    def threshold(self, target: float, floor: float = FLOOR) -> float:
        candidates = sorted({floor, *(c for c, _ in self.answers if c >= floor),
                             *(round(w + 0.01, 2) for w in self.recorded_wrong if w + 0.01 >= floor)})
        for t in candidates:
            if any(w >= t for w in self.recorded_wrong):
                continue
            shown = [right for c, right in self.answers if c >= t]
            if not shown or sum(shown) / len(shown) >= target:
                return round(t, 3)
        return 1.0

    def summary(self, t: float) -> dict[str, float | int]:
        shown = [right for c, right in self.answers if c >= t]
        return {"answers": len(self.answers), "shown_certain": len(shown), "right_of_certain": sum(shown),
                "recorded_wrong": len(self.recorded_wrong),
                "recorded_wrong_above": sum(1 for w in self.recorded_wrong if w >= t)}


def _decision(name: str) -> str:
    return REJECT if name == NOT_A_BAUVORLAGE else KIND


def collect(texts: str | os.PathLike[str] | None, version: str) -> tuple[dict[str, Decision], dict[str, str]]:
    """The answers per decision and, per set, where they came from (texts or the recorded evaluation)."""
    decisions = {KIND: Decision(), REJECT: Decision()}
    sources: dict[str, str] = {}
    classifier = get_classifier()
    for name in CALIBRATION_SETS:
        blind_set = blind.SETS[name]
        docs, _missing = blind.load(texts, blind_set)
        if name == "blind":  # only its blind-holdout half: blind-train was trained on
            docs = [d for d in docs if d.split == realdocs.BLIND_HOLDOUT]
        if docs:
            for doc in docs:
                p = classifier.classify(doc.pages)
                decisions[_decision(p.doc_class)].answers.append((p.confidence, p.doc_class == doc.label))
            sources[name] = f"{len(docs)} Texte"
            continue
        record = REAL_DIR / f"{name}-evaluation-{version}.txt"
        if not record.is_file():
            sources[name] = "weder Texte noch Auswertung"
            continue
        text = record.read_text(encoding="utf-8")
        if name == "blind":  # the record lists the halves apart; only blind-holdout counts
            text = text.split("Hälfte blind-train")[0]
        answers = {m.group("id"): m for m in _ANSWER.finditer(text)}  # a record with every answer: right ones too
        for m in answers.values():
            right = m.group("truth") == m.group("guess")
            decisions[_decision(m.group("guess"))].answers.append((float(m.group("conf")), right))
        if not answers:
            for m in _RECORDED.finditer(text):
                decisions[_decision(m.group("guess"))].recorded_wrong.append(float(m.group("conf")))
        sources[name] = f"Auswertung {record.name} (Texte fehlen)"
    return decisions, sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--texts", default=os.environ.get(blind.ENV_VAR))
    parser.add_argument("--target", type=float, default=TARGET)
    parser.add_argument("--write", action="store_true", help="Schwellen in model/classifier.json speichern")
    args = parser.parse_args(argv)
    classifier = get_classifier()
    decisions, sources = collect(args.texts, classifier.model.trained_version)
    thresholds = {key: d.threshold(args.target) for key, d in decisions.items()}
    record = {
        "calibrated_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "target_precision": args.target,
        "floor": FLOOR,
        "sources": sources,
        "kind": {"threshold": thresholds[KIND], **decisions[KIND].summary(thresholds[KIND])},
        "reject": {"threshold": thresholds[REJECT], **decisions[REJECT].summary(thresholds[REJECT])},
        "before": {"kind": classifier.model.confident_threshold,
                   "reject": classifier.model.threshold_for(NOT_A_BAUVORLAGE)},
    }
    print(json.dumps(record, ensure_ascii=False, indent=1))
    if args.write:
        path = MODEL_DIR / META
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta["confident_threshold"] = thresholds[KIND]
        meta["reject_threshold"] = thresholds[REJECT]
        meta.setdefault("calibrations", []).append(record)
        path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"gespeichert in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
