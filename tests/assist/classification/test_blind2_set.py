"""The second blind set: collected apart from both the calibration set and the first blind set, labelled by hand
before any run, measured by the same code as the first (``python -m bauantrag.assist.blind --set blind2``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bauantrag.assist import blind
from bauantrag.assist.classification import realdocs
from bauantrag.assist.corpus.classes import CLASS_NAMES, NOT_A_BAUVORLAGE
from bauantrag.assist.extraction.patterns import ALL_FIELDS

SECOND = blind.SETS["blind2"]


def _key(source: str) -> str:
    return source.strip().lower().rstrip("/")


def test_second_set_is_labelled_and_shares_no_source_with_the_calibration_or_first_blind_set() -> None:
    rows = blind.manifest_rows(SECOND)
    assert len({r["id"] for r in rows}) == len(rows) >= 60
    assert {r["label"] for r in rows} <= set(CLASS_NAMES)
    assert sum(r["label"] != NOT_A_BAUVORLAGE for r in rows) >= 30
    assert all(r["source"].startswith("http") and r["licence"] and r["why"] for r in rows)
    assert len({_key(r["source"]) for r in rows}) == len(rows)
    known = {_key(r["source"]) for r in realdocs.manifest_rows()} | {_key(r["source"]) for r in blind.manifest_rows()}
    assert not [r["id"] for r in rows if _key(r["source"]) in known]
    assert not {r["id"] for r in rows} & {r["id"] for r in blind.manifest_rows()}, "ids are unique across sets"
    repository = Path(blind.__file__).resolve().parents[2]
    committed = {p.stem for top in ("bauantrag", "tests") for p in (repository / top).rglob("*.txt")}
    assert not committed & {r["id"] for r in rows}, "third-party texts are not committed"


def test_second_set_extraction_labels_name_its_documents_fields_and_their_exact_text() -> None:
    data = json.loads(SECOND.labels.read_text(encoding="utf-8"))
    assert data.get("labelled_before_any_run") is True
    ids = {r["id"] for r in blind.manifest_rows(SECOND)}
    assert set(data["documents"]) <= ids and 0 < len(data["documents"]) <= 30
    for label in data["labels"]:
        assert label["id"] in data["documents"] and label["field"] in ALL_FIELDS
        assert label["value"] and label["text"] and label["page"] >= 1
    documents, truth = blind.extraction_labels(SECOND)
    assert documents == data["documents"] and len(truth) == len(data["labels"])


def test_without_the_texts_the_second_set_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert blind.main(["--set", "blind2", "--texts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Blindtest blind2: 0 Texte gefunden" in out and "nichts gemessen" in out
    assert str(tmp_path / "blind2") in out
    assert all(r["id"] in out for r in blind.manifest_rows(SECOND))


def test_second_set_texts_are_read_from_their_own_folder(tmp_path: Path) -> None:
    first = blind.manifest_rows(SECOND)[0]["id"]
    (tmp_path / "blind2").mkdir()
    (tmp_path / "blind2" / f"{first}.txt").write_text("Seite eins\fSeite zwei\n", encoding="utf-8")
    docs, missing = blind.load(tmp_path, SECOND)
    assert [d.id for d in docs] == [first] and docs[0].pages == ["Seite eins", "Seite zwei\n"]
    assert len(missing) == len(blind.manifest_rows(SECOND)) - 1
    _, missing_first = blind.load(tmp_path)
    assert len(missing_first) == len(blind.manifest_rows()), "the first set does not read the second's folder"


def test_an_unknown_set_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        blind.main(["--set", "blind9"])
    assert exit_info.value.code == 2 and "blind9" in capsys.readouterr().err
