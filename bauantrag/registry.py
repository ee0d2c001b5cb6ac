"""The one registry class: how an app offers an extension point and another app plugs into it.

Apps register in ``AppConfig.ready()``. Entries are kept in a fixed order, ``(order, key)``, so that the result
never depends on the order in which apps happen to load. Registering a key twice is an error: two apps that
claim the same key would otherwise silently replace each other. Tests add or replace entries for the length of
a ``with registry.override(...)`` block. Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_ORDER = 100


class AlreadyRegistered(KeyError):
    """The key is taken; choose another key (keys are "<app>.<what>")."""


class Registry(Generic[T]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, tuple[int, T]] = {}

    def register(self, key: str, entry: T, *, order: int = DEFAULT_ORDER) -> T:
        if key in self._entries:
            raise AlreadyRegistered(f"{self.name}: {key!r} is already registered")
        self._entries[key] = (order, entry)
        return entry

    def items(self) -> list[tuple[str, T]]:
        """(key, entry) by ascending order, then key."""
        ordered = sorted(self._entries.items(), key=lambda item: (item[1][0], item[0]))
        return [(key, entry) for key, (_order, entry) in ordered]

    def values(self) -> list[T]:
        return [entry for _key, entry in self.items()]

    def __getitem__(self, key: str) -> T:
        return self._entries[key][1]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    @contextmanager
    def override(self, entries: Mapping[str, T], *, order: int = DEFAULT_ORDER,
                 replace_all: bool = False) -> Iterator[Registry[T]]:
        """For tests: the registry with these entries added (an existing key is replaced), or with only these
        entries (replace_all=True), until the block ends."""
        saved = dict(self._entries)
        if replace_all:
            self._entries.clear()
        self._entries.update({key: (order, entry) for key, entry in entries.items()})
        try:
            yield self
        finally:
            self._entries = saved
