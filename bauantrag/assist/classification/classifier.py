"""Which kind of Bauvorlage a document is: the shipped linear model over hashed character and word n-grams.

    from bauantrag.assist.classification.classifier import classify
    prediction = classify(pages)    # pages: the text of each page (text layer or OCR)
    prediction.code, prediction.label, prediction.confidence, prediction.uncertain, prediction.top

The model (``model/classifier.npz`` + ``.json``) is trained by ``python -m bauantrag.assist.classification.train``
on the synthetic corpus (``bauantrag.assist.corpus``); it is loaded once per process without pickle.
``confidence`` is the model's probability of the top class; below the threshold stored with the model for that
decision (one for a Bauvorlage kind, one for "keine Bauvorlage"; calibrated at training on out-of-fold answers for
real documents, see train.py) the prediction is ``uncertain``
("Vorschlag unsicher") and must not be used to contradict what the applicant declared; so is a text with fewer
than three words. One class is a reject class: ``keine_bauvorlage`` (information pages, blank forms, laws,
Satzungen, letters, e-mails) has no XBau code. The software suggests; the clerk decides.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bauantrag.assist.classification import features
from bauantrag.assist.classification.modelfile import MODEL_DIR, Model, ModelError, load
from bauantrag.assist.corpus.classes import NOT_A_BAUVORLAGE

__all__ = ["Classifier", "ModelError", "Prediction", "classify", "get_classifier", "reset"]

MIN_WORDS = 3  # fewer words of three or more letters: too little text to judge, always uncertain
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Prediction:
    code: str  # XBau code of the detected class ("" when the document has no text)
    label: str
    confidence: float  # 0..1
    version: str
    top: list[tuple[str, str, float]] = field(default_factory=list)  # (code, label, probability), best first
    doc_class: str = ""
    uncertain: bool = True

    @property
    def not_a_bauvorlage(self) -> bool:
        """The model's reject class: an information page, blank form, law, letter … rather than a Bauvorlage."""
        return self.doc_class == NOT_A_BAUVORLAGE


class Classifier:
    def __init__(self, model: Model) -> None:
        self.model = model
        self.mapping = features.column_map(model.columns)

    @property
    def version(self) -> str:
        return self.model.version

    def probabilities(self, texts: list[str]) -> np.ndarray:
        matrix = features.transform(texts, self.mapping, self.model.idf)
        scores: np.ndarray = np.asarray(matrix @ self.model.coef.T) + self.model.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return result

    def is_confident(self, text: str, confidence: float, name: str = "") -> bool:
        """Shown as certain: at or above the calibrated threshold of the decision (class ``name``: keine Bauvorlage
        or a Bauvorlage kind) and with enough words to judge."""
        return confidence >= self.model.threshold_for(name) and len(_WORD.findall(text)) >= MIN_WORDS

    def classify(self, pages: list[str]) -> Prediction:
        text = features.document_text(pages)
        if not features.normalise(text):
            return Prediction(code="", label="", confidence=0.0, version=self.version)
        probs = self.probabilities([text])[0]
        order = np.argsort(-probs)
        classes = self.model.classes
        top = [(classes[i]["code"], classes[i]["label"], round(float(probs[i]), 4)) for i in order[:3]]
        best = int(order[0])
        confidence = float(probs[best])
        return Prediction(
            code=classes[best]["code"],
            label=classes[best]["label"],
            confidence=round(confidence, 4),
            version=self.version,
            top=top,
            doc_class=classes[best]["name"],
            uncertain=not self.is_confident(text, confidence, classes[best]["name"]),
        )


_LOCK = threading.Lock()
_INSTANCE: Classifier | None = None


def get_classifier() -> Classifier:
    """The process-wide classifier; raises ModelError (with a clear message) when the model is missing/damaged."""
    global _INSTANCE
    with _LOCK:
        if _INSTANCE is None:
            _INSTANCE = Classifier(load(MODEL_DIR))
        return _INSTANCE


def reset(instance: Any = None) -> None:
    """Forget the loaded model (tests; after retraining); optionally install another Classifier."""
    global _INSTANCE
    with _LOCK:
        _INSTANCE = instance


def classify(pages: list[str]) -> Prediction:
    return get_classifier().classify(pages)
