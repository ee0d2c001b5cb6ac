"""Issue 10 fix: what training may use (calibration split and blind-train only), class-balanced weights, and the
per-decision thresholds that decide what is shown as certain."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from bauantrag.assist.classification import realdocs, train
from bauantrag.assist.classification.classifier import Classifier, get_classifier
from bauantrag.assist.corpus.classes import CLASS_NAMES, NOT_A_BAUVORLAGE


def test_blind_split_halves_are_disjoint_stable_and_both_used() -> None:
    ids = [row["id"] for row in realdocs.blind_rows()]
    halves = {doc_id: realdocs.blind_split(doc_id) for doc_id in ids}
    assert set(halves.values()) == {realdocs.BLIND_TRAIN, realdocs.BLIND_HOLDOUT}
    # the rule depends on the id alone: asking again (or in another order) gives the same half
    assert {doc_id: realdocs.blind_split(doc_id) for doc_id in reversed(ids)} == halves
    assert 0.25 < sum(h == realdocs.BLIND_TRAIN for h in halves.values()) / len(ids) < 0.75


def _write_blind_texts(root: Path) -> dict[str, str]:
    (root / realdocs.BLIND_SUBDIR).mkdir()
    written = {}
    for row in realdocs.blind_rows():
        text = f"Erste Seite {row['id']}\fZweite Seite"
        (root / realdocs.BLIND_SUBDIR / f"{row['id']}.txt").write_text(text, encoding="utf-8")
        written[row["id"]] = realdocs.blind_split(row["id"])
    return written


def test_load_blind_keeps_one_half_and_joins_the_pages(tmp_path: Path) -> None:
    halves = _write_blind_texts(tmp_path)
    holdout = realdocs.load_blind(tmp_path, split=realdocs.BLIND_HOLDOUT)
    assert {d.id for d in holdout.docs} == {i for i, h in halves.items() if h == realdocs.BLIND_HOLDOUT}
    assert all(d.split == realdocs.BLIND_HOLDOUT and "\f" not in d.text for d in holdout.docs)
    assert holdout.docs[0].text == f"Erste Seite {holdout.docs[0].id}\nZweite Seite"
    assert not realdocs.load_blind(tmp_path / "nowhere").docs


def test_training_never_sees_the_real_test_split_or_the_blind_holdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    halves = _write_blind_texts(tmp_path)
    monkeypatch.setenv(realdocs.ENV_VAR, str(tmp_path))
    used = train._real_training()
    used_ids = {d.id for d in used}
    test_ids = {r["id"] for r in realdocs.manifest_rows() if r["split"] == "test"}
    holdout_ids = {i for i, h in halves.items() if h == realdocs.BLIND_HOLDOUT}
    assert used_ids.isdisjoint(test_ids | holdout_ids)
    assert {i for i, h in halves.items() if h == realdocs.BLIND_TRAIN} <= used_ids


def test_class_balanced_weights_give_every_present_class_the_same_total() -> None:
    y = np.array([0, 0, 0, 0, 3, 3, 5])
    weight = np.array([1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 1.0])
    balanced = train._balanced(y, weight)
    totals = np.bincount(y, weights=balanced)
    assert totals[0] == pytest.approx(totals[3]) == pytest.approx(totals[5])
    assert balanced.sum() == pytest.approx(weight.sum())
    assert balanced[3] == pytest.approx(3 * balanced[0])  # within a class a real document still weighs more


def test_threshold_is_the_lowest_precise_one_and_never_below_the_floor() -> None:
    confidence = np.array([0.95, 0.9, 0.82, 0.72, 0.66, 0.5, 0.3])
    right = np.array([True, True, True, True, False, False, False])
    assert train._threshold(confidence, right) == 0.7  # 0.60 and 0.65 would include the wrong answer at 0.66
    assert train._threshold(np.array([0.4, 0.35]), np.array([True, True])) == train.MIN_THRESHOLD
    assert train._threshold(np.array([0.99, 0.97]), np.array([False, False])) == 0.95


def test_certainty_uses_the_threshold_of_the_decision() -> None:
    model = get_classifier().model
    strict_reject = Classifier(dataclasses.replace(model, confident_threshold=0.5, reject_threshold=0.9))
    text = "Dies ist ein ausreichend langer Text mit vielen Wörtern"
    assert strict_reject.is_confident(text, 0.8, "baubeschreibung")
    assert not strict_reject.is_confident(text, 0.8, NOT_A_BAUVORLAGE)
    old_model = Classifier(dataclasses.replace(model, confident_threshold=0.5, reject_threshold=0.0))
    assert old_model.is_confident(text, 0.8, NOT_A_BAUVORLAGE)  # a model without a reject threshold: one for all
    assert NOT_A_BAUVORLAGE in CLASS_NAMES
