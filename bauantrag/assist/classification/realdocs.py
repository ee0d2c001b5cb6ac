"""The real-document evaluation set: public documents nobody here wrote, plus documents written by hand.

``real/manifest.csv`` lists every document: id, hand label (a class name of ``corpus.classes`` or
``keine_bauvorlage``), split (``calibration`` or ``test``, fixed by the SHA-256 of the id before any tuning), origin,
source address, licence and why the label. Third-party texts are not in the repository: they are read from the
directory named by the environment variable ``BAUANTRAG_REAL_DOCS`` (one ``<id>.txt`` per document); the documents
written by hand for this evaluation are in ``real/handwritten/``. The test split is never used for training or
for choosing any parameter.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent / "real"
MANIFEST = REAL_DIR / "manifest.csv"
HANDWRITTEN = REAL_DIR / "handwritten"
ENV_VAR = "BAUANTRAG_REAL_DOCS"


@dataclass(frozen=True)
class RealDoc:
    id: str
    label: str
    split: str
    origin: str  # "third_party" or "handwritten"
    source: str
    text: str


@dataclass(frozen=True)
class RealSet:
    docs: list[RealDoc]
    missing: list[str]  # ids listed in the manifest whose text was not found
    directory: Path | None  # where third-party texts were looked for (None: variable not set)

    def split(self, name: str) -> list[RealDoc]:
        return [d for d in self.docs if d.split == name]


def manifest_rows() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(directory: str | os.PathLike[str] | None = None) -> RealSet:
    """All documents whose text is present; third-party texts from ``directory`` or ``$BAUANTRAG_REAL_DOCS``."""
    raw = directory if directory is not None else os.environ.get(ENV_VAR)
    third_party = Path(raw) if raw else None
    docs, missing = [], []
    for row in manifest_rows():
        folder = HANDWRITTEN if row["origin"] == "handwritten" else third_party
        path = folder / f"{row['id']}.txt" if folder is not None else None
        if path is None or not path.is_file():
            missing.append(row["id"])
            continue
        text = path.read_text(encoding="utf-8")
        docs.append(RealDoc(row["id"], row["label"], row["split"], row["origin"], row["source"], text))
    return RealSet(docs, missing, third_party)
