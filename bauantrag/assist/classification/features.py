"""The feature pipeline shared by training and run time (so both compute exactly the same vectors).

text of the pages → normalised string → two stateless HashingVectorizers (character n-grams 3–5 within word
boundaries, word uni- and bigrams; 2**20 buckets each, no alternating signs) → log(1 + tf) → the columns chosen at
training (``columns``) → times the stored idf weights → L2 normalisation. Nothing is fitted at run time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

N_BUCKETS = 2**20
CHAR_NGRAMS = (3, 5)
WORD_NGRAMS = (1, 2)
MAX_PAGES = 12
MAX_CHARS = 40_000
WORD_REGEX = r"(?u)\b\w[\w/.,-]*\w\b|§"  # words incl. "123/4", "0,4", "1:100" parts; the § sign

_LONG_NUMBER = re.compile(r"\d{4,}")
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")


def document_text(pages: list[str]) -> str:
    """The text the classifier looks at: the first MAX_PAGES pages, at most MAX_CHARS characters."""
    return "\n".join(pages[:MAX_PAGES])[:MAX_CHARS]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = _LONG_NUMBER.sub("#", text)
    return _SPACE.sub(" ", text).strip()


def _char_pre(text: str) -> str:
    return _DIGIT.sub("0", normalise(text))


@dataclass(frozen=True)
class Vectorizers:
    char: Any
    word: Any


_VECTORIZERS: Vectorizers | None = None


def vectorizers() -> Vectorizers:
    global _VECTORIZERS
    if _VECTORIZERS is None:
        from sklearn.feature_extraction.text import HashingVectorizer  # type: ignore[import-untyped]

        common = {
            "n_features": N_BUCKETS,
            "alternate_sign": False,
            "norm": None,
            "lowercase": False,
            "dtype": np.float32,
        }
        _VECTORIZERS = Vectorizers(
            char=HashingVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, preprocessor=_char_pre, **common),
            word=HashingVectorizer(
                analyzer="word",
                ngram_range=WORD_NGRAMS,
                preprocessor=normalise,
                token_pattern=WORD_REGEX,
                **common,
            ),
        )
    return _VECTORIZERS


def raw_counts(texts: list[str]) -> Any:
    """Sparse (n, 2 * N_BUCKETS) matrix of log(1 + term frequency); columns [0, N) chars, [N, 2N) words."""
    from scipy import sparse  # type: ignore[import-untyped]

    vec = vectorizers()
    matrix = sparse.hstack([vec.char.transform(texts), vec.word.transform(texts)], format="csr", dtype=np.float32)
    matrix.data = np.log1p(matrix.data)
    return matrix


def column_map(columns: np.ndarray) -> np.ndarray:
    """Global bucket id → position among the selected columns, -1 when not selected."""
    mapping = np.full(2 * N_BUCKETS, -1, dtype=np.int32)
    mapping[columns] = np.arange(columns.shape[0], dtype=np.int32)
    return mapping


def select(matrix: Any, mapping: np.ndarray) -> Any:
    """Keep the selected columns (see column_map), in the order of the selection."""
    from scipy import sparse

    target = mapping[matrix.indices]
    keep = target >= 0
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    counts = np.bincount(row_of[keep], minlength=matrix.shape[0])
    indptr = np.concatenate(([0], np.cumsum(counts)))
    n_selected = int((mapping >= 0).sum())
    return sparse.csr_matrix((matrix.data[keep], target[keep], indptr), shape=(matrix.shape[0], n_selected))


def finish(selected: Any, idf: np.ndarray) -> Any:
    """Apply idf weights and L2-normalise the rows."""
    from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

    weighted = selected.multiply(idf.reshape(1, -1)).tocsr()
    return normalize(weighted, norm="l2", copy=False)


def transform(texts: list[str], mapping: np.ndarray, idf: np.ndarray) -> Any:
    return finish(select(raw_counts(texts), mapping), idf)
