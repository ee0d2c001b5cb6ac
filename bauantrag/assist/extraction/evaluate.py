"""Precision and recall of the extraction per field, on labelled documents (``make eval-extraction``).

    python -m bauantrag.assist.extraction.evaluate [--no-ocr] [--per-class N] [--errors FIELD]

Two labelled sets, reported separately and together:

1. the synthetic corpus' test split (``bauantrag.assist.corpus.generate("test")``; held-out layouts and wording).
   Text documents are read from their text layer; scanned ones from what Tesseract reads of their rendering
   (``corpus.ocr.ocr_pages``), unless ``--no-ocr``.
2. a small hand-written set in ``labelled/*.json`` with wording of its own (not the generator's), so the figures
   are not only the generator's mirror; reported apart: the documents the rules were developed against, and those
   written later (``"written_after_tuning": true``). The later ones were measured once when written (figures in
   ``labelled/README.md``, the honest estimate for unseen wording) and the rules improved afterwards.

3. real documents (``realdocs/``): public texts nobody here wrote (only their addresses and our labels are in
   the repository; the texts are read from ``$BAUANTRAG_REALDOCS_DIR``) and documents written by hand in styles
   the generator never produced; their test part is printed beside the synthetic figures.

Per field: support (documents whose label has the field), precision and recall of the *chosen* value. A value
counts as correct if it equals the label after normalisation (numbers by value, names ignoring case and spacing,
Flurstücke as a set, Kammer numbers by their digits). A wrong value is a false positive and a false negative; a
value where the label has none is a false positive.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bauantrag.assist.extraction import kinds
from bauantrag.assist.extraction.extractor import EXTRACTOR_VERSION, chosen_values
from bauantrag.assist.extraction.folding import fold
from bauantrag.assist.extraction.patterns import ALL_FIELDS, FIELDS

LABELLED = Path(__file__).resolve().parent / "labelled"
NUMERIC = {"gebaeudeklasse", "vollgeschosse", "gebaeudehoehe_m", "hoehe_bauo_m", "firsthoehe_m", "traufhoehe_m",
           "grz", "gfz", "brutto_rauminhalt_m3", "wohneinheiten", "flur"}


@dataclass
class Document:
    name: str
    pages: list[str]
    fields: dict[str, str]
    group: str  # e.g. "corpus:baubeschreibung", "eigene"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def same(field_name: str, predicted: str, label: str) -> bool:
    if field_name in NUMERIC:
        a, b = _decimal(predicted), _decimal(label)
        return a is not None and a == b
    if field_name == "flurstueck":
        def items(text: str) -> set[str]:
            return {re.sub(r"\s+", "", item).lstrip("0") for item in re.split(r",|\bund\b|;", text) if item.strip()}
        return items(predicted) == items(label)
    if field_name == "kammer_nummer":
        return re.sub(r"\D", "", predicted) == re.sub(r"\D", "", label)
    if field_name in ("bauherr", "entwurfsverfasser"):  # the same words: "Werner, Tobias" is "Tobias Werner"
        def words(text: str) -> list[str]:
            return sorted(w for w in re.split(r"[\s,]+", fold(text).text) if w)
        return words(predicted) == words(label)
    return " ".join(fold(predicted).text.split()) == " ".join(fold(label).text.split())


def score(documents: Iterable[Document], fields: tuple[str, ...], gated: bool = True) -> dict[str, Counts]:
    """Counts of the values shown as certain, as the running system shows them: gated by the document's
    classified kind (kinds.py) unless ``gated=False``."""
    counts = {f: Counts() for f in fields}
    for document in documents:
        predicted = chosen_values(kinds.read(document.pages, gated), certain_only=True)
        for name in fields:
            truth = document.fields.get(name)
            guess = predicted.get(name)
            c = counts[name]
            if truth is not None:
                c.support += 1
            if guess is None and truth is None:
                continue
            if guess is not None and truth is not None and same(name, guess, truth):
                c.tp += 1
                continue
            if guess is not None:
                c.fp += 1
            if truth is not None:
                c.fn += 1
            c.errors.append(f"{document.group} {document.name}: gelesen {guess!r}, richtig {truth!r}")
    return counts


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{value * 100:5.1f} %"


def report(title: str, counts: dict[str, Counts], out: list[str]) -> None:
    out.append(f"\n{title}")
    out.append(f"{'Feld':<22} {'Belege':>6} {'Präzision':>10} {'Trefferquote':>13}")
    total = Counts()
    for name, c in counts.items():
        out.append(f"{name:<22} {c.support:>6} {_pct(c.precision):>10} {_pct(c.recall):>13}")
        total.tp += c.tp
        total.fp += c.fp
        total.fn += c.fn
        total.support += c.support
    out.append(f"{'gesamt (mikro)':<22} {total.support:>6} {_pct(total.precision):>10} {_pct(total.recall):>13}")


def corpus_documents(ocr: bool, per_class: int | None) -> tuple[list[Document], list[Document]]:
    """(text documents, scanned documents) of the corpus' test split."""
    from bauantrag.assist.corpus import generate

    text: list[Document] = []
    scanned: list[Document] = []
    for i, sample in enumerate(generate("test", per_class=per_class)):
        name = f"#{i} {sample.variant}"
        group = f"korpus:{sample.doc_class}"
        if not sample.scanned:
            text.append(Document(name, sample.pages, sample.fields, group))
        elif ocr:
            from bauantrag.assist.corpus.ocr import ocr_pages

            scanned.append(Document(name, ocr_pages(sample), sample.fields, group + ":scan"))
    return text, scanned


def own_documents() -> tuple[list[Document], list[Document]]:
    """(documents the rules were developed against, documents written after the rules were frozen)."""
    developed: list[Document] = []
    later: list[Document] = []
    for path in sorted(LABELLED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        fresh = bool(data.get("written_after_tuning"))
        (later if fresh else developed).append(
            Document(path.stem, data["pages"], data["fields"], "eigene-neu" if fresh else "eigene"))
    return developed, later


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ocr", action="store_true", help="gescannte Korpus-Dokumente nicht per OCR lesen")
    parser.add_argument("--per-class", type=int, default=None, help="Dokumente je Klasse (Standard: 40)")
    parser.add_argument("--errors", metavar="FELD", action="append", default=[],
                        help="die Fehler dieses Feldes auflisten (mehrfach möglich, 'alle' für alle)")
    parser.add_argument("--ohne-art", action="store_true",
                        help="ohne die Sperre nach Art des Dokuments (kinds.py) messen, um ihre Kosten zu sehen")
    parser.add_argument("--real-part", choices=("test", "dev", "all"), default="test",
                        help="Teil der echten Dokumente (Standard: Testteil)")
    args = parser.parse_args(argv)

    gated = not args.ohne_art
    out = [f"Auslesen von Angaben (Extraktor {EXTRACTOR_VERSION}; "
           + ("sicher nur, wo die erkannte Art der Bauvorlage die Angabe enthält)" if gated
              else "OHNE die Sperre nach Art des Dokuments)")]
    try:
        text, scanned = corpus_documents(not args.no_ocr, args.per_class)
    except ImportError as exc:  # the corpus is another package of the project; say so if it is missing
        out.append(f"Korpus nicht verfügbar: {exc}")
        text, scanned = [], []
    developed, later = own_documents()
    own = developed + later
    sets = [
        (f"Korpus, Testteil, Textebene ({len(text)} Dokumente)", text, FIELDS),
        (f"Korpus, Testteil, gescannt und per OCR gelesen ({len(scanned)} Dokumente)", scanned, FIELDS),
        (f"Eigene handbeschriftete Dokumente, andere Formulierungen, an ihnen entwickelt ({len(developed)} "
         "Dokumente)", developed, ALL_FIELDS),
        (f"Eigene handbeschriftete Dokumente, später geschrieben ({len(later)} Dokumente; danach nachgebessert, "
         "Erstmessung in labelled/README.md)", later, ALL_FIELDS),
        (f"Alle zusammen ({len(text) + len(scanned) + len(own)} Dokumente)", text + scanned + own, FIELDS),
    ]
    for title, documents, fields in sets:
        if not documents:
            continue
        counts = score(documents, fields, gated)
        report(title, counts, out)
        for name in fields:
            if name in args.errors or "alle" in args.errors:
                for line in counts[name].errors[:40]:
                    out.append(f"    {name}: {line}")
    from bauantrag.assist.extraction.realdocs import evaluate as real

    out.append("\n" + "=" * 78 + "\nDaneben: echte Dokumente, die der Generator nicht kennt (realdocs/manifest.json)")
    real.run(out, args.real_part, errors=bool(args.errors), gated=gated)
    real.run_not_bauvorlagen(out, gated=gated)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
