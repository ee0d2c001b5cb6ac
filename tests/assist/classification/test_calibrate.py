"""Calibration of the „certain“ thresholds on real documents the model never saw (issue 10): a recorded confident
wrong answer never stays certain, held-out answers shown as certain are right at the target rate, never below 0.6."""

from __future__ import annotations

from pathlib import Path

import pytest

from bauantrag.assist import blind
from bauantrag.assist.classification import calibrate
from bauantrag.assist.classification.calibrate import Decision


def test_a_recorded_confident_wrong_answer_lifts_the_threshold_above_it() -> None:
    assert Decision(recorded_wrong=[0.705, 0.724]).threshold(0.95) == 0.73
    assert Decision().threshold(0.95) == calibrate.FLOOR


def test_held_out_answers_set_the_lowest_threshold_that_reaches_the_target() -> None:
    answers = [(0.62, False), (0.66, True), (0.7, True), (0.8, True), (0.9, True), (0.95, True)]
    assert Decision(answers=answers).threshold(0.95) == 0.66
    assert Decision(answers=answers).threshold(0.8) == calibrate.FLOOR  # 5 of 6 right above 0.6
    summary = Decision(answers=answers).summary(0.66)
    assert summary["shown_certain"] == 5 and summary["right_of_certain"] == 5


def test_without_texts_the_committed_evaluations_of_blind_and_blind2_are_used_and_blind3_never() -> None:
    decisions, sources = calibrate.collect(None, "20261207-263452e6")
    assert set(sources) == {"blind", "blind2"} and "blind3" not in calibrate.CALIBRATION_SETS
    assert sorted(decisions[calibrate.REJECT].recorded_wrong) == [0.705, 0.724]  # blind2's two, none in holdout
    assert decisions[calibrate.KIND].recorded_wrong == []
    assert decisions[calibrate.REJECT].threshold(calibrate.TARGET) == 0.73


def test_a_record_listing_every_answer_counts_right_and_wrong_answers_like_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [blind.answer_line("c001", "baubeschreibung", "keine_bauvorlage", 0.724, True),
             blind.answer_line("c002", "keine_bauvorlage", "keine_bauvorlage", 0.81, True),
             blind.answer_line("c003", "brandschutz", "brandschutz", 0.66, True)]
    assert lines[0] == "c001 baubeschreibung → keine_bauvorlage 0.724 sicher"
    (tmp_path / "blind2-evaluation-v1.txt").write_text(
        "Alle Antworten (Handlabel → Vorschlag, Sicherheit):\n" + "".join(f"  {line}\n" for line in lines),
        encoding="utf-8")
    monkeypatch.setattr(calibrate, "REAL_DIR", tmp_path)
    monkeypatch.setattr(calibrate, "CALIBRATION_SETS", ("blind2",))
    decisions, sources = calibrate.collect(None, "v1")
    assert sorted(decisions[calibrate.REJECT].answers) == [(0.724, False), (0.81, True)]
    assert decisions[calibrate.KIND].answers == [(0.66, True)] and "Texte fehlen" in sources["blind2"]
    assert decisions[calibrate.REJECT].threshold(0.95) == 0.81
