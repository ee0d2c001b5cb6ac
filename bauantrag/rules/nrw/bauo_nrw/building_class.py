"""Gebäudeklasse nach § 2 Abs. 3 BauO NRW (Fassungen 2021 und 2024, in Nr. 1 bis 5 gleichlautend bis auf Nr. 1 b).

Wortlaut (LAW.md, law/BauO-NRW-2024.md): GK 1 a) freistehende Gebäude mit einer Höhe bis zu 7 m und nicht mehr als
zwei Nutzungseinheiten von insgesamt nicht mehr als 400 m², b) [2021: freistehende] land- oder forstwirtschaftlich
genutzte Gebäude und Gebäude vergleichbarer Nutzung; GK 2 Gebäude mit einer Höhe bis zu 7 m und nicht mehr als
zwei Nutzungseinheiten von insgesamt nicht mehr als 400 m²; GK 3 sonstige Gebäude mit einer Höhe bis zu 7 m;
GK 4 Gebäude mit einer Höhe bis zu 13 m und Nutzungseinheiten mit jeweils nicht mehr als 400 m² in einem Geschoss;
GK 5 sonstige Gebäude einschließlich unterirdischer Gebäude. Flächen = Brutto-Grundflächen,
Kellergeschosse außer Betracht (Satz 3, 4).

``pass`` means "Gebäudeklasse bestimmt"; missing data gives ``needs_review`` naming the fields. The 2024 copy lacks
"freistehende" in Nr. 1 b (REVIEW-2026-12.md § 4 item 3, unconfirmed): where that decides the class (a non-detached
agricultural building that is not GK 1 otherwise), the answer is ``needs_review`` with both candidates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from bauantrag.rules.model import Finding, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.provisions import SINGLE_SOURCE, provisions_for
from bauantrag.rules.nrw.common import inputs, labels, num
from bauantrag.rules.nrw.rechtslage import Rechtslage, rechtslage

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


def classify(v: Vorhaben, rl: Rechtslage | None = None) -> BuildingClassDecision:
    """Determine the Gebäudeklasse of the Vorhaben under the Fassung ``rl`` applies (default: the one of the
    Vorhaben's submission date, else of today)."""
    if rl is None:
        rl = rechtslage(v.submitted_on or dt.date.today(), bool(v.newer_law_requested))
    decision = _classify(v, rl)
    note = rl.missing_text_note()
    if note:
        decision = BuildingClassDecision(
            decision.building_class, replace(decision.finding, review_note=_join(decision.finding.review_note, note))
        )
    return decision


def _classify(v: Vorhaben, rl: Rechtslage) -> BuildingClassDecision:
    evidence: dict[str, Any] = {"inputs": inputs(v, INPUT_FIELDS)}
    law = rl.bauo_applied.name
    if v.underground:
        return _determined(5, "", "unterirdisches Gebäude", evidence, law)
    if v.use == "land_forstwirtschaft":
        if v.detached:
            return _determined(
                1, " Buchst. b", "freistehendes land- oder forstwirtschaftlich genutztes Gebäude", evidence, law
            )
        if provisions_for(rl.bauo_applied).landwirtschaft_gk1_freistehend is None:
            return _agricultural(_by_size(v, evidence, law), evidence, law)
    return _by_size(v, evidence, law)


def _agricultural(by_size: BuildingClassDecision, evidence: dict[str, Any], law: str) -> BuildingClassDecision:
    """Nr. 1 b without "freistehende" (2024 copy) would make it GK 1; the word's absence is unconfirmed."""
    if by_size.building_class == 1:
        return by_size
    other = "" if by_size.building_class is None else f" oder {by_size.building_class}"
    finding = Finding(
        rule=RULE_ID,
        status="needs_review",
        legal_basis="§ 2 Abs. 3 Satz 1 Nr. 1 Buchst. b BauO NRW",
        message=(
            "Die Gebäudeklasse bestimmt die Bauaufsicht: Für ein nicht freistehendes land- oder "
            f"forstwirtschaftlich genutztes Gebäude kommt Gebäudeklasse 1{other} in Betracht."
            + (f" {by_size.finding.message}" if by_size.building_class is None else "")
        ),
        evidence={**evidence, "building_class": None, "candidates": [1, by_size.building_class]},
        law_version=law,
        review_note=(
            "§ 2 Abs. 3 Satz 1 Nr. 1 Buchst. b lautet in der Fassung bis 31.12.2023 „freistehende land- oder "
            "forstwirtschaftlich genutzte Gebäude …“, in der Abschrift der ab 01.01.2024 geltenden Fassung ohne "
            "„freistehende“. " + SINGLE_SOURCE + " Ohne das Wort wäre das Gebäude Gebäudeklasse 1."
        ),
    )
    return BuildingClassDecision(None, finding)


def _by_size(v: Vorhaben, evidence: dict[str, Any], law: str) -> BuildingClassDecision:
    if v.height_m is None:
        return _open(["height_m"], "1 bis 5", evidence, law)
    height = v.height_m
    if v.underground is None and height <= 0:
        return _open(["underground"], "1 bis 5", evidence, law)
    if height > 13:
        return _determined(5, "", f"Höhe {num(height, 'm')} (mehr als 13 m)", evidence, law)
    if height > 7:
        return _middle_height(height, v.largest_unit_floor_area_m2, evidence, law)
    return _low_height(v, height, evidence, law)


def _middle_height(
    height: float, largest_unit: float | None, evidence: dict[str, Any], law: str
) -> BuildingClassDecision:
    if largest_unit is None:
        return _open(["largest_unit_floor_area_m2"], "4 oder 5", evidence, law)
    if largest_unit <= 400:
        reason = (
            f"Höhe {num(height, 'm')} (bis 13 m) und Nutzungseinheiten mit jeweils höchstens "
            f"{num(largest_unit, 'm²')} in einem Geschoss (bis 400 m²)"
        )
        return _determined(4, "", reason, evidence, law)
    reason = (
        f"Höhe {num(height, 'm')} (über 7 m), aber eine Nutzungseinheit mit {num(largest_unit, 'm²')} "
        "in einem Geschoss (mehr als 400 m²)"
    )
    return _determined(5, "", reason, evidence, law)


def _low_height(v: Vorhaben, height: float, evidence: dict[str, Any], law: str) -> BuildingClassDecision:
    units, area = v.units, v.gross_floor_area_m2
    if units is not None and units > 2:
        return _determined(
            3, "", f"Höhe {num(height, 'm')} (bis 7 m), {units} Nutzungseinheiten (mehr als 2)", evidence, law
        )
    if area is not None and area > 400:
        reason = (
            f"Höhe {num(height, 'm')} (bis 7 m), Nutzungseinheiten mit insgesamt {num(area, 'm²')} "
            "(mehr als 400 m²)"
        )
        return _determined(3, "", reason, evidence, law)
    if units is None or area is None:
        return _open(
            [f for f in ("units", "gross_floor_area_m2") if getattr(v, f) is None], "1, 2 oder 3", evidence, law
        )
    small = (
        f"Höhe {num(height, 'm')} (bis 7 m), {units} Nutzungseinheit{'en' if units != 1 else ''} "
        f"mit insgesamt {num(area, 'm²')} (bis 400 m²)"
    )
    if v.detached is None:
        return _open(["detached"], "1 oder 2", evidence, law)
    if v.detached:
        return _determined(1, " Buchst. a", f"freistehendes Gebäude, {small}", evidence, law)
    return _determined(2, "", f"nicht freistehendes Gebäude, {small}", evidence, law)


def _join(*notes: str) -> str:
    return " ".join(note for note in notes if note)


def _determined(gk: int, letter: str, reason: str, evidence: dict[str, Any], law: str) -> BuildingClassDecision:
    basis = f"§ 2 Abs. 3 Satz 1 {_NUMMER[gk]}{letter} BauO NRW"
    finding = Finding(
        rule=RULE_ID,
        status="pass",
        legal_basis=basis,
        message=f"Gebäudeklasse {gk} nach {basis}: {reason}.",
        evidence={**evidence, "building_class": gk},
        law_version=law,
    )
    return BuildingClassDecision(gk, finding)


def _open(fields: list[str], candidates: str, evidence: dict[str, Any], law: str) -> BuildingClassDecision:
    finding = Finding(
        rule=RULE_ID,
        status="needs_review",
        legal_basis="§ 2 Abs. 3 BauO NRW",
        message=(
            f"Die Gebäudeklasse kann nicht bestimmt werden, weil folgende Angaben fehlen: {labels(fields)}. "
            f"In Betracht kommt Gebäudeklasse {candidates}."
        ),
        evidence={**evidence, "building_class": None, "missing": fields},
        law_version=law,
    )
    return BuildingClassDecision(None, finding)
