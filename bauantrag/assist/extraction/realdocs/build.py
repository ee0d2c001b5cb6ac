"""Build manifest.json from labels.py and the texts: every labelled value with its exact span.

    BAUANTRAG_REALDOCS_DIR=/path/to/texts python -m bauantrag.assist.extraction.realdocs.build

Texts: ``<dir>/<id>.txt`` for third-party documents, ``own/<id>.txt`` for ours; pages are separated by a form feed.
The split (development / test) is by the SHA-256 of the document id and never changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from bauantrag.assist.extraction.realdocs.labels import (
    OWN,
    OWN_DOCS,
    OWN_LICENCE,
    THIRD,
    THIRD_PARTY,
    UNKNOWN_LICENCE,
    Label,
)

HERE = Path(__file__).resolve().parent
OWN_DIR = HERE / "own"
MANIFEST = HERE / "manifest.json"
PAGE_BREAK = "\f"


def split_of(doc_id: str) -> str:
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest()[0], 16) % 2 == 0 else "dev"


def pages_of(text: str) -> list[str]:
    return text.split(PAGE_BREAK)


def locate(pages: list[str], label: Label, doc_id: str) -> dict[str, object]:
    field, value, context, value_text = label
    hits = [(n, i) for n, page in enumerate(pages, start=1) for i in _all(page, context)]
    if len(hits) != 1:
        raise ValueError(f"{doc_id}: context {context!r} found {len(hits)} times")
    number, at = hits[0]
    offset = context.rfind(value_text)
    if offset < 0:
        raise ValueError(f"{doc_id}: {value_text!r} not in context {context!r}")
    start = at + offset
    end = start + len(value_text)
    assert pages[number - 1][start:end] == value_text
    return {"field": field, "value": value, "page": number, "start": start, "end": end, "text": value_text}


def _all(page: str, needle: str) -> list[int]:
    found, at = [], page.find(needle)
    while at != -1:
        found.append(at)
        at = page.find(needle, at + 1)
    return found


def entry(doc_id: str, origin: str, source: str, licence: str, kind: str, labels: list[Label],
          text: str) -> dict[str, object]:
    pages = pages_of(text)
    return {
        "id": doc_id, "origin": origin, "source": source, "licence": licence, "kind": kind,
        "split": split_of(doc_id), "batch": 2 if doc_id.startswith("f") else 1,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "pages": len(pages), "expect_nothing": not labels,
        "values": [locate(pages, label, doc_id) for label in labels],
    }


def main() -> int:
    third_dir = os.environ.get("BAUANTRAG_REALDOCS_DIR")
    if not third_dir:
        print("BAUANTRAG_REALDOCS_DIR ist nicht gesetzt (Verzeichnis der Texte Dritter).", file=sys.stderr)
        return 2
    documents = []
    for doc_id, (source, kind, labels) in sorted(THIRD_PARTY.items()):
        text = (Path(third_dir) / f"{doc_id}.txt").read_text(encoding="utf-8")
        documents.append(entry(doc_id, THIRD, source, UNKNOWN_LICENCE, kind, labels, text))
    for doc_id, (kind, labels) in sorted(OWN_DOCS.items()):
        path = OWN_DIR / f"{doc_id}.txt"
        source = f"bauantrag/assist/extraction/realdocs/own/{path.name}"
        documents.append(entry(doc_id, OWN, source, OWN_LICENCE, kind, labels, path.read_text(encoding="utf-8")))
    MANIFEST.write_text(json.dumps({"documents": documents}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    splits = {s: sum(1 for d in documents if d["split"] == s) for s in ("dev", "test")}
    values = {s: sum(len(d["values"]) for d in documents if d["split"] == s)  # type: ignore[arg-type,misc]
              for s in ("dev", "test")}
    print(f"{len(documents)} Dokumente: {splits}, Werte: {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
