"""The real-document evaluation set and the label set: honest splits, no third-party text in the repository,
a class for every kind of Bauvorlage the pre-check demands."""

from __future__ import annotations

from pathlib import Path

import pytest

from bauantrag.assist.classification import realdocs, realmetrics
from bauantrag.assist.corpus.classes import CLASS_NAMES, NOT_A_BAUVORLAGE, class_of_code
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN


def test_manifest_labels_splits_and_sources_are_complete() -> None:
    rows = realdocs.manifest_rows()
    assert len({r["id"] for r in rows}) == len(rows) >= 150
    assert {r["label"] for r in rows} <= set(CLASS_NAMES)
    assert {r["split"] for r in rows} == {"calibration", "test"}
    assert all(r["source"] and r["why"] for r in rows)
    third_party = [r for r in rows if r["origin"] == "third_party"]
    assert third_party and not any((realdocs.REAL_DIR / f"{r['id']}.txt").exists() for r in third_party)
    for r in rows:
        if r["origin"] == "handwritten":
            assert (realdocs.HANDWRITTEN / f"{r['id']}.txt").is_file()


def test_without_the_third_party_texts_the_evaluation_says_what_is_missing(tmp_path: Path) -> None:
    rows = realdocs.manifest_rows()
    found = realdocs.load(tmp_path)
    assert len(found.missing) == sum(r["origin"] == "third_party" for r in rows)
    assert len(found.docs) == sum(r["origin"] == "handwritten" for r in rows)


@pytest.mark.parametrize("slug", sorted(BAUVORLAGEN))
def test_every_demanded_kind_has_a_class_of_its_own(slug: str) -> None:
    """A demanded document is never called the wrong kind because the model has no class for it."""
    for code in BAUVORLAGEN[slug].accepted:
        assert class_of_code(code) not in (None, "sonstige", NOT_A_BAUVORLAGE), (slug, code)


def test_erklaerung_zum_brandschutz_2712_is_in_the_brandschutz_class() -> None:
    assert class_of_code("2712") == class_of_code("2705") == "brandschutz"
    assert class_of_code("2201") == class_of_code("2602") == "kostenermittlung"


def test_a_confident_wrong_answer_counts_against_the_score() -> None:
    scores = realmetrics.score(["vollmacht", NOT_A_BAUVORLAGE], ["vollmacht", "vollmacht"], [True, True])
    assert scores.confident_precision == 0.5 and scores.confident_wrong_share == 0.5
    abstained = realmetrics.score(["vollmacht", NOT_A_BAUVORLAGE], ["vollmacht", "vollmacht"], [True, False])
    assert abstained.confident_precision == 1.0 and abstained.confident_wrong_share == 0.0
