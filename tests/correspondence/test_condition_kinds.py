"""The Bescheid and the send check read a Nebenbestimmung's kind the same way, so none is left out."""

from __future__ import annotations

from bauantrag.correspondence import letters
from bauantrag.correspondence.letter_context import conditions


def test_a_capitalised_or_unknown_kind_is_listed_as_the_send_check_expects_it() -> None:
    entries = [{"kind": "Auflage", "text": "Grünflächen herstellen"}, {"kind": "sonstiges", "text": "Baum erhalten"},
               {"kind": "hinweis", "text": "Baumschutzsatzung beachten"}]
    flat, _groups = conditions(entries)
    checked = letters.nebenbestimmungen({"nebenbestimmungen": entries})
    assert [e["text"] for e in flat] == ["Grünflächen herstellen", "Baum erhalten", "Baumschutzsatzung beachten"]
    assert sorted(e["text"] for e in checked) == sorted(e["text"] for e in flat)
    assert [e["label"] for e in checked] == ["Auflage", "Auflage", "Hinweis"]
