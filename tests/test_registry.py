"""The one registry class every extension point uses (bauantrag/registry.py)."""

from __future__ import annotations

import pytest

from bauantrag.registry import AlreadyRegistered, Registry


def test_entries_come_out_by_order_then_key_whatever_the_order_of_registration() -> None:
    steps: Registry[str] = Registry("steps")
    steps.register("b.late", "B", order=900)
    steps.register("z.first", "Z", order=5)
    steps.register("a.middle", "A")
    steps.register("c.middle", "C")
    assert steps.items() == [("z.first", "Z"), ("a.middle", "A"), ("c.middle", "C"), ("b.late", "B")]
    assert steps["a.middle"] == "A" and "c.middle" in steps and len(steps) == 4


def test_a_key_registered_twice_is_an_error_and_the_first_entry_stays() -> None:
    hooks: Registry[str] = Registry("hooks")
    hooks.register("cases.decision", "first")
    with pytest.raises(AlreadyRegistered, match=r"hooks: 'cases\.decision' is already registered"):
        hooks.register("cases.decision", "second")
    assert hooks.values() == ["first"]


def test_an_override_adds_or_replaces_entries_only_inside_its_block() -> None:
    sources: Registry[str] = Registry("sources")
    sources.register("beteiligung.requests", "real")
    with sources.override({"test.extra": "extra"}):
        assert sources.values() == ["real", "extra"]
    with sources.override({"beteiligung.requests": "fake"}):
        assert sources.values() == ["fake"]
    with sources.override({"test.only": "only"}, replace_all=True):
        assert sources.values() == ["only"]
    assert sources.items() == [("beteiligung.requests", "real")]
