"""Texts and labels from the corpus, as the classifier sees them (OCR text for scanned samples)."""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass

from bauantrag.assist.corpus import Sample
from bauantrag.assist.corpus.ocr import ocr_all


@dataclass
class Dataset:
    samples: list[Sample]
    texts: list[str]
    labels: list[str]
    groups: list[str]  # layout variant without the "+mix" suffix (for grouped cross-validation)
    ocr_count: int
    ocr_seconds: float


def build(samples: list[Sample], workers: int = 2, quiet: bool = False) -> Dataset:
    """Clean page text for text PDFs; real Tesseract output for scanned samples (cached in $TMPDIR)."""
    started = time.monotonic()
    n_scanned = sum(s.scanned for s in samples)
    if n_scanned and not quiet:
        print(f"OCR (Tesseract deu) von {n_scanned} gescannten Dokumenten …", file=sys.stderr, flush=True)
    ocr = ocr_all(samples, workers=workers)
    seconds = time.monotonic() - started
    texts = ["\n".join(ocr.get(i, s.pages)) for i, s in enumerate(samples)]
    return Dataset(
        samples, texts, [s.doc_class for s in samples], [s.variant.split("+")[0] for s in samples], len(ocr), seconds
    )


# Character confusions typical of Tesseract on German scans (seen in the OCR of the corpus).
_CONFUSIONS = (
    ("ü", "ii"),
    ("ü", "u"),
    ("ä", "a"),
    ("ö", "o"),
    ("ß", "B"),
    ("§", "8"),
    ("l", "1"),
    ("I", "l"),
    ("rn", "m"),
    ("m", "rn"),
    ("e", "c"),
    ("²", "?"),
    ("³", "?"),
    ("0", "O"),
    (",", "."),
    ("ei", "el"),
    ("t", "f"),
    ("h", "b"),
    ("•", "*"),
    ("–", "-"),
    ("i", "1"),
)


def ocr_noise(text: str, rng: random.Random, strength: float) -> str:
    """A text as a poor scan might read: confused characters, dropped and broken words, shuffled plan labels."""
    lines = text.split("\n")
    if rng.random() < 0.5:
        rng.shuffle(lines)
    out = []
    for line in lines:
        words = []
        for word in line.split(" "):
            roll = rng.random()
            if roll < strength * 0.15:
                continue  # lost
            if roll < strength * 0.25:
                word = "".join(rng.choice("|!/\\.,;:~°'\"") for _ in range(rng.randint(1, 4)))
            elif roll < strength:
                old, new = rng.choice(_CONFUSIONS)
                word = word.replace(old, new, 1)
            words.append(word)
        out.append(" ".join(words))
    return "\n".join(out)
