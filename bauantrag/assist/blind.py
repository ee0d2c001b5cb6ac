"""The blind test (issue 10): the shipped classifier and extractor on real documents that nobody tuned on.

    BAUANTRAG_REAL_DOCS=/path/to/texts python -m bauantrag.assist.blind                (make eval-blind)
    BAUANTRAG_REAL_DOCS=/path/to/texts python -m bauantrag.assist.blind --set blind2   (make eval-blind SET=blind2)

The set is ``classification/real/blind_manifest.csv`` (hand label per document, written before the first run) and
``extraction/real/blind_labels.json`` (the values a careful reader finds, with their exact text, for the documents
listed there; a listed document's field without a label has no value, so anything read for it is wrong). The texts
are third-party and not in the repository: ``$BAUANTRAG_REAL_DOCS/blind/<id>.txt``, UTF-8, pages separated by form
feeds. Documents are read the way the running system reads them (``classifier.classify(pages)``,
``extraction.kinds.read(pages)``: extracted, then gated by the classified kind). Prints figures, not pass/fail;
exit status 0 whenever it ran, also when texts are
missing (it says which).

``--set blind2`` measures a second, independently collected set the same way: ``classification/real/
blind2_manifest.csv``, ``extraction/real/blind2_labels.json``, texts in ``$BAUANTRAG_REAL_DOCS/blind2/``;
``--set blind3`` the third (collected after blind2 was measured; ``blind3_manifest.csv``, ``blind3_labels.json``,
texts in ``blind3/``), measured once before and once after the calibration of issue 10 and never used for choosing.

Split (fixed before any result of the fix was looked at; ``realdocs.blind_split``): an id whose SHA-256 has an
even first byte is blind-train (may be used for training and choosing parameters), an odd one blind-holdout (never
used for either). Figures are printed for blind-holdout and blind-train separately, then for all. The second set
was never used for training or for choosing anything and is reported whole.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bauantrag.assist.classification import features, realdocs, realmetrics
from bauantrag.assist.classification.classifier import Classifier, Prediction, get_classifier
from bauantrag.assist.corpus.classes import CLASSES, NOT_A_BAUVORLAGE
from bauantrag.assist.extraction import kinds
from bauantrag.assist.extraction.evaluate import Counts, same
from bauantrag.assist.extraction.extractor import EXTRACTOR_VERSION, Extracted
from bauantrag.assist.extraction.patterns import ALL_FIELDS

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "classification" / "real" / "blind_manifest.csv"
LABELS = HERE / "extraction" / "real" / "blind_labels.json"
ENV_VAR = "BAUANTRAG_REAL_DOCS"
SUBDIR = "blind"


@dataclass(frozen=True)
class BlindSet:
    """Where one blind set lives: its manifest, its extraction labels and the sub-directory of its texts."""

    name: str
    manifest: Path
    labels: Path
    subdir: str


SETS = {
    "blind": BlindSet("blind", MANIFEST, LABELS, SUBDIR),
    "blind2": BlindSet(
        "blind2",
        HERE / "classification" / "real" / "blind2_manifest.csv",
        HERE / "extraction" / "real" / "blind2_labels.json",
        "blind2",
    ),
    "blind3": BlindSet(
        "blind3",
        HERE / "classification" / "real" / "blind3_manifest.csv",
        HERE / "extraction" / "real" / "blind3_labels.json",
        "blind3",
    ),
}
DEFAULT_SET = SETS["blind"]


@dataclass(frozen=True)
class BlindDoc:
    id: str
    label: str
    pages: list[str]

    @property
    def split(self) -> str:
        return realdocs.blind_split(self.id)


def manifest_rows(blind_set: BlindSet = DEFAULT_SET) -> list[dict[str, str]]:
    with blind_set.manifest.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(
    directory: str | os.PathLike[str] | None, blind_set: BlindSet = DEFAULT_SET
) -> tuple[list[BlindDoc], list[str]]:
    """The documents whose text is present in ``directory/<subdir>`` and the ids whose text is missing."""
    folder = Path(directory) / blind_set.subdir if directory else None
    docs, missing = [], []
    for row in manifest_rows(blind_set):
        path = folder / f"{row['id']}.txt" if folder else None
        if path is None or not path.is_file():
            missing.append(row["id"])
            continue
        docs.append(BlindDoc(row["id"], row["label"], path.read_text(encoding="utf-8").split("\f")))
    return docs, missing


def extraction_labels(blind_set: BlindSet = DEFAULT_SET) -> tuple[list[str], dict[tuple[str, str], list[str]]]:
    """(ids of the fully labelled documents, {(id, field): accepted values})."""
    data = json.loads(blind_set.labels.read_text(encoding="utf-8"))
    truth: dict[tuple[str, str], list[str]] = {}
    for label in data["labels"]:
        truth[(label["id"], label["field"])] = [label["value"], *label.get("also_correct", [])]
    return list(data["documents"]), truth


def score_extraction(
    read: dict[str, list[Extracted]],
    truth: dict[tuple[str, str], list[str]],
    fields: Sequence[str] = ALL_FIELDS,
    certain_only: bool = False,
) -> dict[str, Counts]:
    """Per field: a chosen value equal to an accepted one is right; any other chosen value is wrong (also where
    the document has no such value); a labelled value nothing was chosen for is missed. ``certain_only``: only
    values shown as certain count as read (what can raise a plausibility finding); a doubtful one counts as none."""
    counts = {name: Counts() for name in fields}
    for doc_id, extracted in read.items():
        chosen = {e.field: e for e in extracted if e.chosen and (e.certain or not certain_only)}
        for name in fields:
            accepted = truth.get((doc_id, name), [])
            guess = chosen.get(name)
            c = counts[name]
            if guess is not None and any(same(name, guess.value, value) for value in accepted):
                c.tp += 1
                continue
            if guess is not None:
                c.fp += 1
                right = accepted[0] if accepted else "keiner"
                c.errors.append(f"{doc_id} {name}: gelesen {guess.value!r} aus Seite {guess.page} {guess.raw!r} "
                               f"(Sicherheit {guess.confidence:.2f}), richtig {right!r}")
            if accepted:
                c.fn += 1
                if guess is None:
                    c.errors.append(f"{doc_id} {name}: nichts gelesen, richtig {accepted[0]!r}")
    return counts


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{value * 100:5.1f} %"


def report_classification(docs: list[BlindDoc], predictions: list[Prediction], title: str = "Blindtest") -> None:
    if not docs:
        print(f"\n=== Klassifikation, {title}: keine Texte ===")
        return
    truth = [d.label for d in docs]
    names = [p.doc_class for p in predictions]
    sure = [not p.uncertain for p in predictions]
    scores = realmetrics.score(truth, names, sure)
    print(f"\n=== Klassifikation, {title}: {scores.n} Dokumente ===")
    print(scores.table)
    print("\nKonfusionsmatrix (Zeilen: Handlabel, Spalten: Vorschlag)")
    print(scores.confusion)
    print(f"\nGenauigkeit {scores.accuracy:.3f}   Makro-F1 {scores.macro_f1:.3f}   als sicher gezeigt "
          f"{scores.confident_share:.3f}   davon richtig {scores.confident_precision:.3f}   "
          f"sicher, aber falsch (Anteil aller) {scores.confident_wrong_share:.3f}")
    wrong = [(d, p) for d, p in zip(docs, predictions, strict=True) if not p.uncertain and p.doc_class != d.label]
    print(f"\nAls sicher gezeigt, aber falsch ({len(wrong)}):")
    for d, p in sorted(wrong, key=lambda pair: -pair[1].confidence):
        print(f"  {d.id}: Handlabel {d.label} → Vorschlag {p.doc_class} ({p.confidence:.3f})")
    unsure_wrong = sum(1 for d, p in zip(docs, predictions, strict=True) if p.uncertain and p.doc_class != d.label)
    print(f"Falsch, aber als unsicher gezeigt: {unsure_wrong}")
    # Every answer with its confidence, so that a later calibration can read the record when the texts are gone.
    print("Alle Antworten (Handlabel → Vorschlag, Sicherheit):")
    for d, p in sorted(zip(docs, predictions, strict=True), key=lambda pair: pair[0].id):
        print(f"  {answer_line(d.id, d.label, p.doc_class, p.confidence, not p.uncertain)}")
    codes = {c.name: c.code for c in CLASSES}
    in_top3 = sum(1 for d, p in zip(docs, predictions, strict=True) if codes[d.label] in {t[0] for t in p.top})
    print(f"Handlabel unter den drei wahrscheinlichsten Klassen: {in_top3} von {len(docs)}")


def answer_line(doc_id: str, label: str, guess: str, confidence: float, certain: bool) -> str:
    """One answer as the record lists it: ``c001 baubeschreibung → keine_bauvorlage 0.724 sicher``."""
    return f"{doc_id} {label} → {guess} {confidence:.3f} {'sicher' if certain else 'unsicher'}"


def report_kind_without_reject(classifier: Classifier, docs: list[BlindDoc]) -> None:
    """Diagnosis, not a figure of the product: for the Bauvorlagen, is the likeliest *kind* right if the reject
    class is left out? (Tells a reject-class problem apart from a kind problem.)"""
    positives = [d for d in docs if d.label != NOT_A_BAUVORLAGE]
    if not positives:
        return
    probs = classifier.probabilities([features.document_text(d.pages) for d in positives])
    names = [c["name"] for c in classifier.model.classes]
    reject = names.index(NOT_A_BAUVORLAGE)
    probs[:, reject] = -1.0
    right = sum(names[int(row.argmax())] == d.label for row, d in zip(probs, positives, strict=True))
    print(f"Diagnose: ohne die Klasse „keine Bauvorlage“ wäre die wahrscheinlichste Art bei {right} von "
          f"{len(positives)} Bauvorlagen richtig.")


def report_extraction(docs: list[BlindDoc], blind_set: BlindSet = DEFAULT_SET, title: str = "Blindtest") -> None:
    labelled, truth = extraction_labels(blind_set)
    present = {d.id: d for d in docs}
    read = {doc_id: kinds.read(present[doc_id].pages) for doc_id in labelled if doc_id in present}
    for certain_only, heading in ((False, "alle gewählten Werte, auch unsichere"),
                                  (True, "nur als sicher gezeigte Werte – nur sie können einen Befund auslösen")):
        counts = score_extraction(read, truth, certain_only=certain_only)
        print(f"\n=== Auslesen (Extraktor {EXTRACTOR_VERSION}), {title}, {heading}: {len(read)} von "
              f"{len(labelled)} handbeschrifteten Dokumenten vorhanden, {len(truth)} beschriftete Werte ===")
        print(f"{'Feld':<22} {'richtig':>7} {'falsch':>7} {'verfehlt':>8} {'Präzision':>10} {'Trefferquote':>13}")
        total = Counts()
        for name, c in counts.items():
            if c.tp + c.fp + c.fn:
                print(f"{name:<22} {c.tp:>7} {c.fp:>7} {c.fn:>8} {_pct(c.precision):>10} {_pct(c.recall):>13}")
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        print(f"{'gesamt (mikro)':<22} {total.tp:>7} {total.fp:>7} {total.fn:>8} {_pct(total.precision):>10} "
              f"{_pct(total.recall):>13}")
        print("\nFalsche und verfehlte Werte mit ihrem Text:")
        for c in counts.values():
            for line in c.errors:
                print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--texts", default=os.environ.get(ENV_VAR),
                        help=f"Verzeichnis mit dem Unterordner des Satzes, z. B. {SUBDIR}/ (${ENV_VAR})")
    parser.add_argument("--set", dest="blind_set", choices=sorted(SETS), default=DEFAULT_SET.name,
                        help="welcher Blindsatz gemessen wird (Vorgabe: %(default)s)")
    args = parser.parse_args(argv)
    blind_set = SETS[args.blind_set]
    title = "Blindtest" if blind_set is DEFAULT_SET else f"Blindtest {blind_set.name}"
    docs, missing = load(args.texts, blind_set)
    where = Path(args.texts) / blind_set.subdir if args.texts else f"(${ENV_VAR} nicht gesetzt)"
    classifier = get_classifier()
    print(f"{title}: {len(docs)} Texte gefunden, {len(missing)} fehlen (gesucht in {where}). "
          f"Klassifikator {classifier.version}, Schwelle für „sicher“ {classifier.model.confident_threshold} (Art), "
          f"{classifier.model.threshold_for(NOT_A_BAUVORLAGE)} (keine Bauvorlage).")
    if missing:
        print("  Ohne Text: " + ", ".join(missing))
    if not docs:
        print("Keine Texte vorhanden: nichts gemessen.")
        return 0
    predictions = {d.id: classifier.classify(d.pages) for d in docs}
    # Only the first set was split for training; a later set was never used for anything and is reported whole.
    parts = (
        (
            (realdocs.BLIND_HOLDOUT, "Blindtest, Hälfte blind-holdout (nie trainiert, nichts danach gewählt)"),
            (realdocs.BLIND_TRAIN, "Blindtest, Hälfte blind-train (zum Training/Kalibrieren benutzt)"),
            (None, "Blindtest, alle"),
        )
        if blind_set is DEFAULT_SET
        else ((None, f"{title} (nie trainiert, nichts danach gewählt)"),)
    )
    for split, part_title in parts:
        part = [d for d in docs if split is None or d.split == split]
        report_classification(part, [predictions[d.id] for d in part], part_title)
        report_kind_without_reject(classifier, part)
    report_extraction(docs, blind_set, title)
    return 0


if __name__ == "__main__":
    sys.exit(main())
