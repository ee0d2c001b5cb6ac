"""The blind set (issue 10): public documents apart from the calibration set, labelled by hand, texts outside the
repository; the measurement says what is missing and counts a value read where the document has none as wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bauantrag.assist import blind
from bauantrag.assist.classification import realdocs
from bauantrag.assist.corpus.classes import CLASS_NAMES, NOT_A_BAUVORLAGE
from bauantrag.assist.extraction.extractor import Extracted
from bauantrag.assist.extraction.patterns import ALL_FIELDS


def test_blind_manifest_is_labelled_and_shares_no_source_with_the_calibration_set() -> None:
    rows = blind.manifest_rows()
    assert len({r["id"] for r in rows}) == len(rows) >= 60
    assert {r["label"] for r in rows} <= set(CLASS_NAMES)
    assert sum(r["label"] != NOT_A_BAUVORLAGE for r in rows) >= 30
    assert all(r["source"].startswith("http") and r["licence"] and r["why"] for r in rows)
    known = {r["source"].strip().lower().rstrip("/") for r in realdocs.manifest_rows()}
    assert not [r["id"] for r in rows if r["source"].strip().lower().rstrip("/") in known]
    repository = Path(blind.__file__).resolve().parents[2]
    committed = {p.stem for top in ("bauantrag", "tests") for p in (repository / top).rglob("*.txt")}
    assert not committed & {r["id"] for r in rows}, "third-party texts are not committed"


def test_extraction_labels_name_known_documents_fields_and_their_exact_text() -> None:
    data = json.loads(blind.LABELS.read_text(encoding="utf-8"))
    ids = {r["id"] for r in blind.manifest_rows()}
    assert set(data["documents"]) <= ids and 0 < len(data["documents"]) <= 30
    for label in data["labels"]:
        assert label["id"] in data["documents"] and label["field"] in ALL_FIELDS
        assert label["value"] and label["text"] and label["page"] >= 1


def test_without_the_texts_the_blind_test_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert blind.main(["--texts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0 Texte gefunden" in out and "nichts gemessen" in out
    assert all(r["id"] in out for r in blind.manifest_rows())


def test_texts_are_read_page_by_page_at_form_feeds(tmp_path: Path) -> None:
    first = blind.manifest_rows()[0]["id"]
    (tmp_path / blind.SUBDIR).mkdir()
    (tmp_path / blind.SUBDIR / f"{first}.txt").write_text("Seite eins\fSeite zwei\n", encoding="utf-8")
    docs, missing = blind.load(tmp_path)
    assert [d.id for d in docs] == [first] and docs[0].pages == ["Seite eins", "Seite zwei\n"]
    assert first not in missing and len(missing) == len(blind.manifest_rows()) - 1


def _read(field: str, value: str) -> Extracted:
    return Extracted(field, value, f"{field}: {value}", 1, 0, 10, 0.9, f"{field}.test", chosen=True)


def test_a_value_read_where_the_document_has_none_is_wrong_and_a_missed_label_is_counted() -> None:
    read = {"x1": [_read("gemarkung", "Stockum"), _read("bauherr", "Stadt Werne")], "x2": []}
    truth = {("x1", "gemarkung"): ["Stockum"], ("x2", "flur"): ["11"]}
    counts = blind.score_extraction(read, truth)
    assert (counts["gemarkung"].tp, counts["gemarkung"].fp) == (1, 0)
    assert (counts["bauherr"].tp, counts["bauherr"].fp, counts["bauherr"].precision) == (0, 1, 0.0)
    assert (counts["flur"].fn, counts["flur"].recall) == (1, 0.0)
    assert "richtig 'keiner'" in counts["bauherr"].errors[0] and "nichts gelesen" in counts["flur"].errors[0]
