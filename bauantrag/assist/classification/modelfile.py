"""Reading and writing the shipped classifier model: ``model/classifier.npz`` + ``model/classifier.json``.

No pickle anywhere: the arrays are loaded with ``numpy.load(..., allow_pickle=False)`` and the JSON metadata
records the SHA-256 of the .npz, checked on load, so a damaged or swapped file gives a clear ModelError.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bauantrag.assist.corpus.classes import NOT_A_BAUVORLAGE

MODEL_DIR = Path(__file__).resolve().parent / "model"
ARRAYS = "classifier.npz"
META = "classifier.json"
FORMAT = 1
CALIBRATED = "+"  # separates the trained model's id from its calibration in a recorded version
_REQUIRED = {"columns": 1, "idf": 1, "coef": 2, "intercept": 1}


class ModelError(RuntimeError):
    """The model files are missing, damaged or do not fit together."""


def recorded_version(meta: dict[str, Any]) -> str:
    """The version a classification records: the trained model's id, and the thresholds for „sicher“ when they were
    calibrated after training (calibrate.py): ``20261207-263452e6+k0.6-r0.73`` (kind from 0.6, keine Bauvorlage
    from 0.73). Thresholds decide what is shown as certain, so two calibrations are two versions; a model as trained
    keeps its bare id, which is what classifications recorded before calibrations existed (they stay readable)."""
    version = str(meta["version"])
    if not meta.get("calibrations"):
        return version
    kind = float(meta.get("confident_threshold", 0.6))
    reject = float(meta.get("reject_threshold", 0.0)) or kind
    return f"{version}{CALIBRATED}k{kind:g}-r{reject:g}"


def parse_version(version: str) -> tuple[str, float | None, float | None]:
    """(trained model id, kind threshold, reject threshold) of a recorded version; thresholds None when the version
    names a model as trained (every record before calibration, or an uncalibrated model)."""
    model_id, _, calibration = version.partition(CALIBRATED)
    match = re.fullmatch(r"k(?P<kind>[\d.]+)-r(?P<reject>[\d.]+)", calibration)
    if not match:
        return model_id, None, None
    return model_id, float(match["kind"]), float(match["reject"])


@dataclass(frozen=True)
class Model:
    version: str  # recorded with every classification (recorded_version): the model id plus its calibration
    classes: list[dict[str, str]]  # [{"name", "label", "code"}], in the order of the coef rows
    columns: np.ndarray  # int64, sorted global hash buckets
    idf: np.ndarray  # float32 per column
    coef: np.ndarray  # float32 (n_classes, n_columns)
    intercept: np.ndarray  # float32 (n_classes,)
    confident_threshold: float  # for "a Bauvorlage of kind X" (calibrated at training, see train.py)
    meta: dict[str, Any]
    reject_threshold: float = 0.0  # for "keine Bauvorlage"; 0 in old models: falls back to confident_threshold
    trained_version: str = ""  # the arrays' id from training (names the evaluation records), without calibration

    def threshold_for(self, name: str) -> float:
        """The probability from which a suggestion of class ``name`` is shown as certain."""
        if name == NOT_A_BAUVORLAGE and self.reject_threshold:
            return self.reject_threshold
        return self.confident_threshold


def save(directory: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ARRAYS
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
    meta = {**meta, "format": FORMAT, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    (directory / META).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def record_metrics(directory: Path, name: str, values: dict[str, Any]) -> None:
    """Store evaluation figures in the metadata (the checksum covers the arrays, not the metadata)."""
    path = directory / META
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.setdefault("metrics", {})[name] = values
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load(directory: Path = MODEL_DIR) -> Model:
    arrays_path, meta_path = directory / ARRAYS, directory / META
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        data = arrays_path.read_bytes()
    except FileNotFoundError as exc:
        raise ModelError(
            f"Klassifikationsmodell fehlt: {exc.filename}. Bitte "
            "`python -m bauantrag.assist.classification.train` ausführen."
        ) from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"Klassifikationsmodell nicht lesbar: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(f"Unbekanntes Format der Modell-Metadaten in {meta_path}.")
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        raise ModelError(
            f"Prüfsumme von {arrays_path.name} stimmt nicht mit {meta_path.name} überein "
            "(Datei beschädigt oder ausgetauscht)."
        )
    try:
        import io

        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {name: np.asarray(npz[name]) for name in _REQUIRED}
    except (KeyError, ValueError, OSError) as exc:
        raise ModelError(f"Klassifikationsmodell beschädigt: {exc}") from exc
    for name, ndim in _REQUIRED.items():
        if arrays[name].ndim != ndim:
            raise ModelError(f"Array {name} hat die falsche Form {arrays[name].shape}.")
    classes = meta.get("classes")
    n_columns = arrays["columns"].shape[0]
    if (
        not isinstance(classes, list)
        or arrays["coef"].shape != (len(classes), n_columns)
        or arrays["idf"].shape != (n_columns,)
        or arrays["intercept"].shape != (len(classes),)
    ):
        raise ModelError("Die Arrays des Klassifikationsmodells passen nicht zu den Metadaten.")
    return Model(
        version=recorded_version(meta),
        classes=classes,
        columns=arrays["columns"].astype(np.int64),
        idf=arrays["idf"].astype(np.float32),
        coef=arrays["coef"].astype(np.float32),
        intercept=arrays["intercept"].astype(np.float32),
        confident_threshold=float(meta.get("confident_threshold", 0.6)),
        meta=meta,
        reject_threshold=float(meta.get("reject_threshold", 0.0)),
        trained_version=str(meta["version"]),
    )
