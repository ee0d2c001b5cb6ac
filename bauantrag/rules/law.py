"""Law as dated data: the versions (Fassungen) of a statute and which one governs a given day.

A ``LawVersion`` names a Fassung in plain German ("BauO NRW in der ab 01.01.2024 geltenden Fassung"), says from
when to when it was in force and whether the project has its wording. A Fassung whose wording is not available
is a slot: it is known to be in force, the rules cannot apply it, and ``Statute.applied`` says whose wording they
apply instead. Adding a Fassung when its text arrives is one more ``LawVersion`` (and, where the wording changed,
one more entry in the rules' provision data) – no rule is rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


def german_date(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


@dataclass(frozen=True)
class LawVersion:
    key: str
    law: str  # short name of the statute, e.g. "BauO NRW"
    name: str  # plain German, shown to applicants: "BauO NRW in der ab 01.01.2024 geltenden Fassung"
    citation: str  # formal citation of the amending act, for the clerk and the catalogue
    valid_from: dt.date
    valid_until: dt.date | None  # last day in force; None: in force until further notice
    text_available: bool
    source: str  # where the wording the rules implement comes from, or why it is missing

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "citation": self.citation,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "text_available": self.text_available,
        }


@dataclass(frozen=True)
class Statute:
    """The versions of one statute, oldest first, without gaps."""

    versions: tuple[LawVersion, ...]

    def __post_init__(self) -> None:
        for earlier, later in zip(self.versions, self.versions[1:], strict=False):
            if earlier.valid_until is None or earlier.valid_until + dt.timedelta(days=1) != later.valid_from:
                raise ValueError(f"{earlier.key} and {later.key} do not join without a gap")

    def in_force_on(self, day: dt.date) -> LawVersion:
        for version in self.versions:
            if version.valid_on(day):
                return version
        raise ValueError(f"no version of {self.versions[0].law} registered for {day.isoformat()}")

    def applied(self, version: LawVersion) -> LawVersion:
        """The version whose wording the rules apply for ``version``: itself, else the nearest older one with a
        text, else the nearest newer one."""
        index = self.versions.index(version)
        if version.text_available:
            return version
        for candidate in (*reversed(self.versions[:index]), *self.versions[index + 1:]):
            if candidate.text_available:
                return candidate
        raise ValueError(f"no version of {version.law} with an available text")

    def by_key(self, key: str) -> LawVersion:
        for version in self.versions:
            if version.key == key:
                return version
        raise KeyError(key)
