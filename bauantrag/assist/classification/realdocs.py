"""The real-document evaluation set: public documents nobody here wrote, plus documents written by hand.

``real/manifest.csv`` lists every document: id, hand label (a class name of ``corpus.classes`` or
``keine_bauvorlage``), split (``calibration`` or ``test``, fixed by the SHA-256 of the id before any tuning), origin,
source address, licence and why the label. Third-party texts are not in the repository: they are read from the
directory named by the environment variable ``BAUANTRAG_REAL_DOCS`` (one ``<id>.txt`` per document); the documents
written by hand for this evaluation are in ``real/handwritten/``. The test split is never used for training or
for choosing any parameter.

The blind set (``real/blind_manifest.csv``, texts in ``$BAUANTRAG_REAL_DOCS/blind/<id>.txt``, pages separated by
form feeds) was first measured untouched (issue 10). Since then it is split by a rule fixed *before* any result of
the fix was looked at: an id whose SHA-256 has an even first byte is **blind-train** (may be used for training and
for choosing parameters), an odd one **blind-holdout** (never used for training or for choosing anything; its
figures are printed apart from blind-train's). A second blind set, collected by someone else, measures the result
once at the end.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent / "real"
MANIFEST = REAL_DIR / "manifest.csv"
HANDWRITTEN = REAL_DIR / "handwritten"
BLIND_MANIFEST = REAL_DIR / "blind_manifest.csv"
ENV_VAR = "BAUANTRAG_REAL_DOCS"
BLIND_SUBDIR = "blind"
BLIND_TRAIN, BLIND_HOLDOUT = "blind-train", "blind-holdout"


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


def blind_split(doc_id: str) -> str:
    """``blind-train`` when the first byte of the SHA-256 of the id is even, else ``blind-holdout``."""
    return BLIND_TRAIN if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else BLIND_HOLDOUT


def blind_rows() -> list[dict[str, str]]:
    with BLIND_MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_blind(directory: str | os.PathLike[str] | None = None, split: str | None = None) -> RealSet:
    """Blind documents whose text is present in ``directory/blind`` (default ``$BAUANTRAG_REAL_DOCS``), one page
    per form-feed-separated part joined by newlines; ``split`` keeps only blind-train or blind-holdout."""
    raw = directory if directory is not None else os.environ.get(ENV_VAR)
    folder = Path(raw) / BLIND_SUBDIR if raw else None
    docs, missing = [], []
    for row in blind_rows():
        part = blind_split(row["id"])
        if split is not None and part != split:
            continue
        path = folder / f"{row['id']}.txt" if folder is not None else None
        if path is None or not path.is_file():
            missing.append(row["id"])
            continue
        text = "\n".join(path.read_text(encoding="utf-8").split("\f"))
        docs.append(RealDoc(row["id"], row["label"], part, "third_party", row["source"], text))
    return RealSet(docs, missing, folder)
