"""The shipped model: loads without pickle, classifies fresh held-out documents, fails clearly when damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from bauantrag.assist.classification import modelfile
from bauantrag.assist.classification.classifier import Classifier, get_classifier
from bauantrag.assist.corpus import CLASS_NAMES, generate

THRESHOLD = 0.85  # accuracy on fresh test documents; the shipped model reaches well above (see make eval-classifier)


def _fresh() -> list:
    return generate("test", seed=97, per_class=6, scanned_fraction=0.0)


def _accuracy(classifier: Classifier, samples: list) -> float:
    probs = classifier.probabilities(["\n".join(s.pages) for s in samples])
    names = [classifier.model.classes[i]["name"] for i in probs.argmax(axis=1)]
    return float(np.mean([n == s.doc_class for n, s in zip(names, samples, strict=True)]))


def test_model_files_load_without_pickle_and_stay_small() -> None:
    npz = modelfile.MODEL_DIR / modelfile.ARRAYS
    assert npz.stat().st_size < 5 * 1024 * 1024
    with np.load(npz, allow_pickle=False) as data:
        assert all(data[name].dtype != object for name in data.files)
    model = modelfile.load()
    assert [c["name"] for c in model.classes] == list(CLASS_NAMES)
    assert 0.3 <= model.confident_threshold <= 0.95


def test_fresh_heldout_documents_are_classified() -> None:
    samples = _fresh()
    assert any(s.heldout for s in samples)
    assert _accuracy(get_classifier(), samples) >= THRESHOLD


def test_a_broken_model_fails_the_same_threshold() -> None:
    """The threshold above means something: the same model with its class rows rotated does not reach it."""
    model = get_classifier().model
    broken = modelfile.Model(
        **{**model.__dict__, "coef": np.roll(model.coef, 1, axis=0), "intercept": np.roll(model.intercept, 1)}
    )
    assert _accuracy(Classifier(broken), _fresh()) < THRESHOLD


def test_prediction_carries_code_label_confidence_version() -> None:
    from tests.assist.classification.helpers import sample

    prediction = get_classifier().classify(sample("brandschutz", "gliederung").pages)
    assert (prediction.code, prediction.doc_class) == ("2705", "brandschutz")
    assert prediction.label == "Brandschutz (Konzept, Nachweis oder Erklärung)" and not prediction.uncertain
    assert prediction.version == modelfile.load().version
    assert prediction.top[0][0] == "2705" and prediction.top[0][2] == prediction.confidence


def test_too_little_text_is_uncertain() -> None:
    classifier = get_classifier()
    assert classifier.classify(["Bauvorlage"]).uncertain
    empty = classifier.classify(["", "   "])
    assert empty.code == "" and empty.uncertain


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(modelfile.MODEL_DIR, target)
    return target


def test_damaged_model_gives_a_clear_error(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    npz = directory / modelfile.ARRAYS
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    with pytest.raises(modelfile.ModelError, match="Prüfsumme"):
        modelfile.load(directory)


def test_missing_model_gives_a_clear_error(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / modelfile.ARRAYS).unlink()
    with pytest.raises(modelfile.ModelError, match="fehlt"):
        modelfile.load(directory)


def test_pickled_arrays_are_refused(tmp_path: Path) -> None:
    """A model file that needs pickle (object arrays) is refused even with a matching checksum."""
    import hashlib
    import json

    directory = _copy(tmp_path)
    model = modelfile.load(directory)
    arrays = {
        "columns": model.columns,
        "idf": np.array([object()] * len(model.idf), dtype=object),
        "coef": model.coef,
        "intercept": model.intercept,
    }
    np.savez(directory / modelfile.ARRAYS, **arrays)  # type: ignore[arg-type]
    meta = json.loads((directory / modelfile.META).read_text())
    meta["sha256"] = hashlib.sha256((directory / modelfile.ARRAYS).read_bytes()).hexdigest()
    (directory / modelfile.META).write_text(json.dumps(meta))
    with pytest.raises(modelfile.ModelError):
        modelfile.load(directory)


def test_the_recorded_version_tells_calibrations_apart(tmp_path: Path) -> None:
    """Thresholds decide what is shown as certain: a recalibrated model records another version, one that still
    names the trained arrays; the shipped calibrated model records its thresholds, and fits Document's column."""
    import json

    shipped = modelfile.load()
    thresholds = f"k{shipped.confident_threshold:g}-r{shipped.reject_threshold:g}"
    assert shipped.version == f"{shipped.trained_version}+{thresholds}"
    assert len(shipped.version) <= 40
    directory = _copy(tmp_path)
    meta_path = directory / modelfile.META
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["reject_threshold"] = 0.8
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    recalibrated = modelfile.load(directory)
    assert recalibrated.version != shipped.version and recalibrated.trained_version == shipped.trained_version
    assert modelfile.parse_version(recalibrated.version) == (shipped.trained_version, shipped.confident_threshold, 0.8)
    del meta["calibrations"]  # a model as trained keeps its bare id
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert modelfile.load(directory).version == shipped.trained_version


def test_versions_recorded_before_calibration_stay_readable() -> None:
    assert modelfile.parse_version("20261207-263452e6") == ("20261207-263452e6", None, None)
    assert modelfile.parse_version("20261207-263452e6+k0.6-r0.73") == ("20261207-263452e6", 0.6, 0.73)
