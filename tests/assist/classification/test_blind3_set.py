"""The third blind set: collected after the second was measured, labelled by hand before any run, measured once with
the shipped model before any change and once at the end (``python -m bauantrag.assist.blind --set blind3``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bauantrag.assist import blind
from bauantrag.assist.classification import realdocs
from bauantrag.assist.corpus.classes import CLASS_NAMES, NOT_A_BAUVORLAGE
from bauantrag.assist.extraction.patterns import ALL_FIELDS

THIRD = blind.SETS["blind3"]


def _key(source: str) -> str:
    return source.strip().lower().rstrip("/")


def test_third_set_is_labelled_and_shares_no_source_with_any_earlier_set() -> None:
    rows = blind.manifest_rows(THIRD)
    assert len({r["id"] for r in rows}) == len(rows) >= 50
    assert {r["label"] for r in rows} <= set(CLASS_NAMES)
    assert sum(r["label"] != NOT_A_BAUVORLAGE for r in rows) >= 4
    assert all(r["source"].startswith("http") and r["licence"] and r["why"] for r in rows)
    assert len({_key(r["source"]) for r in rows}) == len(rows)
    earlier = (realdocs.manifest_rows(), blind.manifest_rows(), blind.manifest_rows(blind.SETS["blind2"]))
    known = {_key(r["source"]) for rows_ in earlier for r in rows_}
    assert not [r["id"] for r in rows if _key(r["source"]) in known]
    assert not {r["id"] for r in rows} & {r["id"] for rows_ in earlier for r in rows_}, "ids are unique across sets"
    repository = Path(blind.__file__).resolve().parents[2]
    committed = {p.stem for top in ("bauantrag", "tests") for p in (repository / top).rglob("*.txt")}
    assert not committed & {r["id"] for r in rows}, "third-party texts are not committed"


def test_third_set_extraction_labels_name_its_documents_fields_and_their_exact_text() -> None:
    data = json.loads(THIRD.labels.read_text(encoding="utf-8"))
    assert data.get("labelled_before_any_run") is True
    ids = {r["id"] for r in blind.manifest_rows(THIRD)}
    assert set(data["documents"]) <= ids and len(data["documents"]) >= 20
    for label in data["labels"]:
        assert label["id"] in data["documents"] and label["field"] in ALL_FIELDS
        assert label["value"] and label["text"] and label["page"] >= 1
    documents, truth = blind.extraction_labels(THIRD)
    assert documents == data["documents"] and len(truth) == len(data["labels"])


def test_without_the_texts_the_third_set_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert blind.main(["--set", "blind3", "--texts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Blindtest blind3: 0 Texte gefunden" in out and "nichts gemessen" in out
    assert str(tmp_path / "blind3") in out
