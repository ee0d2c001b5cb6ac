"""Gebäudeklasse nach § 2 Abs. 3 BauO NRW (i.d.F. des Gesetzes vom 30.06.2021).

Wortlaut (LAW.md): GK 1 a) freistehende Gebäude mit einer Höhe bis zu 7 m und nicht mehr als zwei
Nutzungseinheiten von insgesamt nicht mehr als 400 m², b) freistehende land- oder forstwirtschaftlich
genutzte Gebäude; GK 2 Gebäude mit einer Höhe bis zu 7 m und nicht mehr als zwei Nutzungseinheiten von
insgesamt nicht mehr als 400 m²; GK 3 sonstige Gebäude mit einer Höhe bis zu 7 m; GK 4 Gebäude mit
einer Höhe bis zu 13 m und Nutzungseinheiten mit jeweils nicht mehr als 400 m² in einem Geschoss;
GK 5 sonstige Gebäude einschließlich unterirdischer Gebäude. Flächen = Brutto-Grundflächen,
Kellergeschosse außer Betracht (Satz 3, 4).

``pass`` means "Gebäudeklasse bestimmt"; missing data gives ``needs_review`` naming the fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.rules.model import Finding, Vorhaben
from bauantrag.rules.nrw.common import BAUO_NRW_2021, inputs, labels, num

RULE_ID = "bauo_nrw.2.3.gebaeudeklasse"
INPUT_FIELDS = (
    "use",
    "underground",
    "detached",
    "height_m",
    "units",
    "gross_floor_area_m2",
    "largest_unit_floor_area_m2",
)
_NUMMER = {1: "Nr. 1", 2: "Nr. 2", 3: "Nr. 3", 4: "Nr. 4", 5: "Nr. 5"}


@dataclass(frozen=True)
class BuildingClassDecision:
    building_class: int | None
    finding: Finding


def classify(v: Vorhaben) -> BuildingClassDecision:
    """Determine the Gebäudeklasse of the Vorhaben."""
    evidence: dict[str, Any] = {"inputs": inputs(v, INPUT_FIELDS)}
    if v.underground:
        return _determined(5, "", "unterirdisches Gebäude", evidence)
    if v.use == "land_forstwirtschaft" and v.detached:
        return _determined(
            1, " Buchst. b", "freistehendes land- oder forstwirtschaftlich genutztes Gebäude", evidence
        )
    if v.height_m is None:
        return _open(["height_m"], "1 bis 5", evidence)
    height = v.height_m
    if v.underground is None and height <= 0:
        return _open(["underground"], "1 bis 5", evidence)
    if height > 13:
        return _determined(5, "", f"Höhe {num(height, 'm')} (mehr als 13 m)", evidence)
    if height > 7:
        return _middle_height(height, v.largest_unit_floor_area_m2, evidence)
    return _low_height(v, height, evidence)


def _middle_height(
    height: float, largest_unit: float | None, evidence: dict[str, Any]
) -> BuildingClassDecision:
    if largest_unit is None:
        return _open(["largest_unit_floor_area_m2"], "4 oder 5", evidence)
    if largest_unit <= 400:
        reason = (
            f"Höhe {num(height, 'm')} (bis 13 m) und Nutzungseinheiten mit jeweils höchstens "
            f"{num(largest_unit, 'm²')} in einem Geschoss (bis 400 m²)"
        )
        return _determined(4, "", reason, evidence)
    reason = (
        f"Höhe {num(height, 'm')} (über 7 m), aber eine Nutzungseinheit mit {num(largest_unit, 'm²')} "
        "in einem Geschoss (mehr als 400 m²)"
    )
    return _determined(5, "", reason, evidence)


def _low_height(v: Vorhaben, height: float, evidence: dict[str, Any]) -> BuildingClassDecision:
    units, area = v.units, v.gross_floor_area_m2
    if units is not None and units > 2:
        return _determined(
            3, "", f"Höhe {num(height, 'm')} (bis 7 m), {units} Nutzungseinheiten (mehr als 2)", evidence
        )
    if area is not None and area > 400:
        reason = (
            f"Höhe {num(height, 'm')} (bis 7 m), Nutzungseinheiten mit insgesamt {num(area, 'm²')} "
            "(mehr als 400 m²)"
        )
        return _determined(3, "", reason, evidence)
    if units is None or area is None:
        return _open(
            [f for f in ("units", "gross_floor_area_m2") if getattr(v, f) is None], "1, 2 oder 3", evidence
        )
    small = (
        f"Höhe {num(height, 'm')} (bis 7 m), {units} Nutzungseinheit{'en' if units != 1 else ''} "
        f"mit insgesamt {num(area, 'm²')} (bis 400 m²)"
    )
    if v.detached is None:
        return _open(["detached"], "1 oder 2", evidence)
    if v.detached:
        return _determined(1, " Buchst. a", f"freistehendes Gebäude, {small}", evidence)
    return _determined(2, "", f"nicht freistehendes Gebäude, {small}", evidence)


def _determined(gk: int, letter: str, reason: str, evidence: dict[str, Any]) -> BuildingClassDecision:
    basis = f"§ 2 Abs. 3 Satz 1 {_NUMMER[gk]}{letter} BauO NRW"
    finding = Finding(
        rule=RULE_ID,
        status="pass",
        legal_basis=basis,
        message=f"Gebäudeklasse {gk} nach {basis}: {reason}.",
        evidence={**evidence, "building_class": gk},
        law_version=BAUO_NRW_2021,
    )
    return BuildingClassDecision(gk, finding)


def _open(fields: list[str], candidates: str, evidence: dict[str, Any]) -> BuildingClassDecision:
    finding = Finding(
        rule=RULE_ID,
        status="needs_review",
        legal_basis="§ 2 Abs. 3 BauO NRW",
        message=(
            f"Die Gebäudeklasse kann nicht bestimmt werden, weil folgende Angaben fehlen: {labels(fields)}. "
            f"In Betracht kommt Gebäudeklasse {candidates}."
        ),
        evidence={**evidence, "building_class": None, "missing": fields},
        law_version=BAUO_NRW_2021,
    )
    return BuildingClassDecision(None, finding)
