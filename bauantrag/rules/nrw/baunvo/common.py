"""Shared pieces of the BauNVO rules: the law version, the Baugebiete by XPlanGML code, the plan context.

Which BauNVO governs a plan is decided in ``versions``; ``PlanContext.baunvo`` carries it to every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo.versions import Governing, governing
from bauantrag.rules.planning.plan import AREA_KINDS, BAUGEBIET, Bebauungsplan, BuildableArea, PlanArea

BAUNVO_2023 = (
    "BauNVO in der ab 07.07.2023 geltenden Fassung (Bek. vom 21.11.2017, zuletzt geändert durch Art. 2 G v. "
    "03.07.2023)"
)
BAUGB_2026 = (
    "BauGB i.d.F. der Bek. vom 03.11.2017 (BGBl. I S. 3634), zuletzt geändert durch Art. 8 Abs. 2 G v. 23.07.2026 "
    "(BGBl. I Nr. 226)"
)


@dataclass(frozen=True)
class Baugebiet:
    code: str  # besondereArtDerBaulNutzung
    abbr: str
    name: str
    paragraph: str
    decidable: bool  # the BauNVO lists the admissible uses (SO: the plan fixes them, § 10 Abs. 2, § 11 Abs. 2)


BAUGEBIETE: dict[str, Baugebiet] = {
    b.code: b
    for b in (
        Baugebiet("1000", "WS", "Kleinsiedlungsgebiet", "§ 2", True),
        Baugebiet("1100", "WR", "reines Wohngebiet", "§ 3", True),
        Baugebiet("1200", "WA", "allgemeines Wohngebiet", "§ 4", True),
        Baugebiet("1300", "WB", "besonderes Wohngebiet", "§ 4a", True),
        Baugebiet("1400", "MD", "Dorfgebiet", "§ 5", True),
        Baugebiet("1450", "MDW", "dörfliches Wohngebiet", "§ 5a", True),
        Baugebiet("1500", "MI", "Mischgebiet", "§ 6", True),
        Baugebiet("1550", "MU", "urbanes Gebiet", "§ 6a", True),
        Baugebiet("1600", "MK", "Kerngebiet", "§ 7", True),
        Baugebiet("1700", "GE", "Gewerbegebiet", "§ 8", True),
        Baugebiet("1800", "GI", "Industriegebiet", "§ 9", True),
        Baugebiet("2000", "SO", "Sondergebiet, das der Erholung dient", "§ 10", False),
        Baugebiet("2100", "SO", "sonstiges Sondergebiet", "§ 11", False),
    )
}
BAUGEBIET_BY_ABBR: dict[str, Baugebiet] = {b.abbr: b for b in BAUGEBIETE.values() if b.code != "2000"}


def baugebiet_of(area: PlanArea) -> Baugebiet | None:
    return BAUGEBIETE.get(area.special_use or "")


def area_label(area: PlanArea) -> str:
    """„WA (allgemeines Wohngebiet, § 4 BauNVO), Teilfläche 3 von 42 „WA 2““: what a person finds in the plan."""
    gebiet = baugebiet_of(area)
    if gebiet:
        kind = f"{gebiet.abbr} ({gebiet.name}, {gebiet.paragraph} BauNVO)"
    elif area.kind != BAUGEBIET:
        kind = AREA_KINDS.get(area.kind, area.kind)
    else:
        kind = "Baugebiet ohne Art-Angabe"
    return f"{kind}, {area.name}"


@dataclass(frozen=True)
class PlanContext:
    """The part of the plan a project lies in, as determined by the planning engine."""

    plan: Bebauungsplan
    area: PlanArea
    buildable: tuple[BuildableArea, ...]  # the überbaubaren Flächen the main footprint overlaps
    site_area_m2: float  # § 19 Abs. 3 BauNVO: the part of the parcel that lies in Bauland
    parcel_area_m2: float

    @property
    def baunvo(self) -> Governing:
        """The BauNVO that governs the plan (§§ 25 to 25g BauNVO)."""
        return governing(self.plan)

    def plan_label(self) -> str:
        return self.plan.label()

    def evidence(self) -> dict[str, Any]:
        return {
            "plan": self.plan.name,
            "area": self.area.name,
            "baugebiet": getattr(baugebiet_of(self.area), "abbr", None),
            "baunvo_year": self.plan.baunvo_year,
            "baunvo_governing": self.baunvo.name,
            "site_area_m2": round(self.site_area_m2, 2),
            "parcel_area_m2": round(self.parcel_area_m2, 2),
        }

    def buildable_value(self, name: str) -> Any:
        """The first value set on an overlapped überbaubare Fläche (more specific than the Baugebiet)."""
        for area in self.buildable:
            value = getattr(area, name, None)
            if value is not None:
                return value
        return None


def finding(rule: str, status: Status, basis: str, message: str, evidence: dict[str, Any]) -> Finding:
    return Finding(rule, status, basis, message, evidence, BAUNVO_2023)
