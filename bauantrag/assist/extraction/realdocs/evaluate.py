"""Precision and recall of the extraction on real documents (public texts and documents written by hand).

    BAUANTRAG_REALDOCS_DIR=/path/to/texts python -m bauantrag.assist.extraction.realdocs.evaluate [--part test]

The manifest (manifest.json, built from labels.py) lists every document with its hand-labelled values and their
spans. Third-party texts are not in the repository: they are read from ``$BAUANTRAG_REALDOCS_DIR`` and checked
against their SHA-256; where they are absent, only our own documents are measured and the report says so.

Counted per field, for the values the extractor *shows* (chosen and certain; see extractor.py): a shown value equal
to a labelled value of that field is right; any other shown value is wrong (a false positive); a labelled field
without a right shown value is missed. Each wrong value gets an error type, so that what goes wrong is visible.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bauantrag.assist.extraction import kinds
from bauantrag.assist.extraction.evaluate import Counts, report, same
from bauantrag.assist.extraction.extractor import EXTRACTOR_VERSION, Extracted
from bauantrag.assist.extraction.folding import fold
from bauantrag.assist.extraction.patterns import ALL_FIELDS

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
OWN_DIR = HERE / "own"
ENV = "BAUANTRAG_REALDOCS_DIR"
# The classifier's real documents (another collection, labelled by kind): those labelled "keine_bauvorlage"
# (information pages, laws, blank forms, letters) must yield no value. Format: _labels.tsv (id, label, source, ...)
# and <id>.txt beside it.
NOT_BAUVORLAGE_ENV = "BAUANTRAG_REALDOCS_CLS_DIR"


@dataclass
class RealDocument:
    id: str
    origin: str
    kind: str
    split: str
    pages: list[str]
    values: list[dict[str, object]]

    def truths(self, name: str) -> list[str]:
        return [str(v["value"]) for v in self.values if v["field"] == name]


@dataclass
class Loaded:
    documents: list[RealDocument] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def load(directory: str | None = None, manifest: Path = MANIFEST) -> Loaded:
    directory = directory if directory is not None else os.environ.get(ENV)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    loaded = Loaded()
    for entry in data["documents"]:
        path = OWN_DIR / f"{entry['id']}.txt" if entry["origin"] == "own" else (
            Path(directory) / f"{entry['id']}.txt" if directory else None)
        if path is None or not path.is_file():
            loaded.missing.append(entry["id"])
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["sha256"]:
            loaded.changed.append(entry["id"])
            continue
        split = entry["split"] if entry.get("batch", 1) == 1 else "neu"
        loaded.documents.append(RealDocument(entry["id"], entry["origin"], entry["kind"], split,
                                             text.split("\f"), entry["values"]))
    return loaded


# --- why a value is wrong ----------------------------------------------------------------------------------------

_OPTIONS = re.compile(r"(?:^|[\s\[(☐☒xX])[1-5](?:\s+[\[(☐☒xX]*\s*[1-5]){2,}")
_CITATION = re.compile(r"(?:§|\bart\.|\babs\.|\babsatz\b|\bnr\.)", re.IGNORECASE)
_CONDITION = re.compile(r"z\.\s?b\.|beispiel|in der regel|bis zu|höchstens|maximal|mindestens|erlaubt|zulässig|"
                        r"sind möglich|\bwenn\b|\betwa\b|\bca\.", re.IGNORECASE)
_FOOTNOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]|^\s*\d{1,2}(?:\.\d{1,2})*\s+\D", re.MULTILINE)
_LABEL_WORDS = {"flur", "flurstuck", "flurstucke", "gemarkung", "name", "vorname", "anschrift", "strasse",
                "hausnummer", "ort", "plz", "telefon", "firma", "gemass", "gem", "bauherr", "bauherrschaft"}


def error_type(document: RealDocument, item: Extracted) -> str:
    page = document.pages[item.page - 1]
    before = page[max(0, item.start - 60) : item.start]
    around = page[max(0, item.start - 60) : item.end + 60]
    words = set(re.findall(r"[a-z]+", fold(item.value).text))
    if document.truths(item.field):
        return "falscher Wert"
    if item.field in ("bauherr", "entwurfsverfasser", "gemarkung") and words & _LABEL_WORDS:
        return "Beschriftung als Wert"
    if _OPTIONS.search(around):
        return "Ankreuz-/Auswahlliste"
    if _CITATION.search(before[-25:]) or _CITATION.search(page[item.end : item.end + 12]):
        return "Rechtszitat"
    if _FOOTNOTE.search(page[max(0, item.start - 3) : item.end + 3]):
        return "Fußnote/Feldnummer"
    if _CONDITION.search(around):
        return "Beispiel/Bedingung/zulässiger Wert"
    if document.kind.startswith("leerer") or document.kind in ("infoseite", "gesetz", "satzung"):
        return "Wert in Dokument ohne Werte"
    return "sonstiges"


@dataclass
class Result:
    counts: dict[str, Counts]
    errors: Counter[str]
    listing: list[str]
    empty_documents: int
    empty_with_values: int


def shown(found: list[Extracted]) -> dict[str, Extracted]:
    """The values a clerk sees as findings: chosen, and certain where the extractor says so."""
    return {e.field: e for e in found if e.chosen and getattr(e, "certain", True)}


def score(documents: list[RealDocument], gated: bool = True) -> Result:
    counts = {name: Counts() for name in ALL_FIELDS}
    errors: Counter[str] = Counter()
    listing: list[str] = []
    empty = empty_with_values = 0
    for document in documents:
        predicted = shown(kinds.read(document.pages, gated))
        if not document.values:
            empty += 1
            empty_with_values += bool(predicted)
        for name in ALL_FIELDS:
            truths = document.truths(name)
            guess = predicted.get(name)
            c = counts[name]
            c.support += bool(truths)
            if guess is not None and any(same(name, guess.value, t) for t in truths):
                c.tp += 1
                continue
            if guess is not None:
                c.fp += 1
                kind = error_type(document, guess)
                errors[kind] += 1
                listing.append(f"{document.id} {name}: gelesen {guess.value!r} aus „{' '.join(guess.raw.split())}“ "
                               f"({kind}); richtig {truths or 'nichts'}")
            if truths:
                c.fn += 1
                if guess is None:
                    errors["nicht gefunden"] += 1
    return Result(counts, errors, listing, empty, empty_with_values)


def print_result(title: str, result: Result, out: list[str], errors: bool) -> None:
    report(title, {k: v for k, v in result.counts.items() if v.support or v.fp}, out)
    out.append(f"  Dokumente, die nichts ergeben dürfen: {result.empty_documents}, davon mit (falschen) Werten: "
               f"{result.empty_with_values}")
    if result.errors:
        out.append("  Fehler nach Art: " + ", ".join(f"{k} {v}" for k, v in result.errors.most_common()))
    if errors:
        out.extend("    " + line for line in result.listing)


def run(out: list[str], part: str = "test", errors: bool = False, directory: str | None = None,
        gated: bool = True) -> None:
    loaded = load(directory)
    third = sum(1 for d in loaded.documents if d.origin == "third_party")
    own = len(loaded.documents) - third
    out.append(f"\nEchte Dokumente (Manifest {MANIFEST.name}): {third} öffentliche Texte Dritter, {own} eigene")
    if loaded.missing:
        out.append(f"  FEHLEN: {len(loaded.missing)} Texte Dritter nicht vorhanden (${ENV} "
                   f"{'nicht gesetzt' if not (directory or os.environ.get(ENV)) else 'unvollständig'}); "
                   "gemessen wird nur der Rest.")
    if loaded.changed:
        out.append(f"  GEÄNDERT (Prüfsumme passt nicht, ausgelassen): {', '.join(loaded.changed)}")
    parts = ("dev", "test", "neu") if part == "all" else (part, "neu") if part == "test" else (part,)
    for name in parts:
        chosen = [d for d in loaded.documents if d.split == name]
        label = {"test": "Testteil", "dev": "Entwicklungsteil",
                 "neu": "Zweite Charge, nach den Regeln geschrieben und einmal gemessen"}[name]
        for origin, title in (("third_party", "öffentlich"), ("own", "eigene")):
            subset = [d for d in chosen if d.origin == origin]
            if subset:
                print_result(f"{label}, {title} ({len(subset)} Dokumente)", score(subset, gated), out,
                             errors=False)
        print_result(f"{label}, zusammen ({len(chosen)} Dokumente)", score(chosen, gated), out, errors=errors)


def run_not_bauvorlagen(out: list[str], directory: str | None = None, gated: bool = True) -> None:
    """Documents that are no Bauvorlage must yield no shown value: how many do, and with what."""
    import csv

    directory = directory if directory is not None else os.environ.get(NOT_BAUVORLAGE_ENV)
    if not directory or not (Path(directory) / "_labels.tsv").is_file():
        out.append(f"\nKeine Bauvorlagen (${NOT_BAUVORLAGE_ENV}): nicht vorhanden, nicht gemessen.")
        return
    with (Path(directory) / "_labels.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if len(r) >= 3 and r[1] == "keine_bauvorlage"]
    documents = [RealDocument(r[0], "third_party", "keine_bauvorlage", "unseen",
                              (Path(directory) / f"{r[0]}.txt").read_text(encoding="utf-8").split("\f"), [])
                 for r in rows if (Path(directory) / f"{r[0]}.txt").is_file()]
    result = score(documents, gated)
    wrong = sum(c.fp for c in result.counts.values())
    out.append(f"\nKeine Bauvorlagen aus der Sammlung des Klassifikators ({len(documents)} Dokumente, dürfen nichts "
               f"ergeben): {result.empty_with_values} mit angezeigten Werten, {wrong} falsche Werte")
    if result.errors:
        out.append("  Fehler nach Art: " + ", ".join(f"{k} {v}" for k, v in result.errors.most_common()))
    out.extend("    " + line for line in result.listing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--errors", action="store_true", help="jeden falschen Wert auflisten")
    args = parser.parse_args(argv)
    out = [f"Auslesen auf echten Dokumenten (Extraktor {EXTRACTOR_VERSION})"]
    run(out, args.part, args.errors)
    run_not_bauvorlagen(out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
