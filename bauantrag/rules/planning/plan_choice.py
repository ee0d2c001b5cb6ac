"""Which plan governs a footprint when several plans are given (a plan with its Änderungen, a WFS download, the
plans of a Kommune's register that reach the site).

1. Plans whose Geltungsbereich (else the union of their areas) the main buildings do not reach are left aside.
2. Plans marked aufgehoben, außer Kraft or untergegangen are left aside, and plans that come into force only after
   today; plans still in the procedure too, unless no other plan reaches the site.
3. A plan that changes another (``aendert`` / ``wurdeGeaendertVon``) and whose Geltungsbereich holds the whole
   footprint: an Überplanung or Aufhebung (XPlanGML: all contents of the older plan in that area lapse) leaves
   only the changing plan; any other kind of change (Änderung, Ergänzung, Ersetzung or Streichung of single
   contents) cannot be resolved from the data → the clerk decides (``plan`` is None).
4. Several unrelated plans left → the clerk decides. One plan left → it governs; a change of it that the given
   plans do not contain is named as a doubt (the findings rest on the plan without that change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.codes import LEGAL_STATUS
from bauantrag.rules.planning.geometry import AREA_TOL_M2
from bauantrag.rules.planning.plan import CHANGE_KIND_LABELS, Bebauungsplan, PlanLink

REPEALED = frozenset({"5000", "50000", "50001"})  # untergegangen, aufgehoben, außer Kraft
IN_PROCEDURE = frozenset({"1000", "2000", "2100", "2200", "2250", "2300", "2400"})
REPLACING = frozenset({"aufhebung", "ueberplanung"})


@dataclass(frozen=True)
class PlanChoice:
    plan: Bebauungsplan | None  # the plan whose Festsetzungen govern the footprint; None: the clerk decides
    notes: tuple[str, ...] = ()  # what the software did (German sentences)
    doubts: tuple[str, ...] = ()  # what stays uncertain: the Lage finding becomes „zu prüfen“
    considered: tuple[dict[str, Any], ...] = field(default=())  # evidence: every plan that reached the site


def coverage(plan: Bebauungsplan) -> BaseGeometry | None:
    if plan.geltungsbereich is not None and not plan.geltungsbereich.is_empty:
        return plan.geltungsbereich
    return unary_union([area.geometry for area in plan.areas]) if plan.areas else None


def _overlap(plan: Bebauungsplan, footprint: BaseGeometry) -> float:
    area = coverage(plan)
    return float(area.intersection(footprint).area) if area is not None else 0.0


def _matches(link: PlanLink, plan: Bebauungsplan) -> bool:
    """The link names this plan: by reference (same file), else by name; by number only when it gives no more."""
    if link.target and link.target == plan.ref:
        return True
    if link.name:
        return link.name == plan.name
    return not link.target and bool(link.number and link.number == plan.number)


def change_between(newer: Bebauungsplan, older: Bebauungsplan) -> PlanLink | None:
    """The link by which ``newer`` changes ``older`` (stated on either plan), else None."""
    for link in newer.links:
        if link.relation == "aendert" and _matches(link, older):
            return link
    for link in older.links:
        if link.relation == "geaendert_durch" and _matches(link, newer):
            return link
    return None


def _dated(plan: Bebauungsplan) -> str:
    """Bebauungsplan „Name“ (in Kraft seit 29.06.1983)"""
    return plan.label() + (f" (in Kraft seit {plan.in_force_date:%d.%m.%Y})" if plan.in_force_date else "")


def _status_words(plan: Bebauungsplan) -> str:
    return LEGAL_STATUS.get(plan.legal_status or "", "Rechtsstand nicht angegeben")


def choose_plan(plans: Sequence[Bebauungsplan], footprint: BaseGeometry) -> PlanChoice:
    """The plan that governs the footprint, with what was left aside and why (see the module docstring)."""
    if len(plans) == 1:
        return PlanChoice(plans[0], doubts=_missing_changes(plans[0], plans))
    reaching = [(plan, m2) for plan in plans if (m2 := _overlap(plan, footprint)) > AREA_TOL_M2]
    considered = tuple(
        {"plan": plan.label(), "legal_status": plan.legal_status, "overlap_m2": round(m2, 2)} for plan, m2 in reaching
    )
    if not reaching:
        names = ", ".join(plan.label() for plan in plans[:5])
        return PlanChoice(None, doubts=(f"Die Hauptgebäude liegen in keinem Geltungsbereich der Pläne ({names}).",))
    notes = [f"{p.label()} bleibt außer Betracht ({_status_words(p)})." for p, _ in reaching if p.legal_status in
             REPEALED]  # fmt: skip
    live = [(p, m2) for p, m2 in reaching if p.legal_status not in REPEALED]
    today = dt.date.today()
    notes += [
        f"{p.label()} bleibt außer Betracht: er tritt erst am {p.in_force_date:%d.%m.%Y} in Kraft."
        for p, _ in live
        if p.in_force_date is not None and p.in_force_date > today
    ]
    live = [(p, m2) for p, m2 in live if p.in_force_date is None or p.in_force_date <= today]
    settled = [(p, m2) for p, m2 in live if p.legal_status not in IN_PROCEDURE]
    if settled and len(settled) < len(live):
        notes += [
            f"{p.label()} bleibt außer Betracht: noch im Verfahren ({_status_words(p)})."
            for p, _ in live
            if p.legal_status in IN_PROCEDURE
        ]
        live = settled
    whole = float(footprint.area)
    doubts: list[str] = []
    superseded: set[int] = set()
    for newer, newer_m2 in live:
        for older, _ in live:
            link = None if newer is older else change_between(newer, older)
            if link is None:
                continue
            kind = CHANGE_KIND_LABELS[link.kind]
            if newer_m2 < whole - AREA_TOL_M2:
                doubts.append(
                    f"{newer.label()} ({kind} von „{older.name}“) erfasst nur {num(newer_m2, 'm²')} der "
                    f"{num(whole, 'm²')} Grundfläche der Hauptgebäude."
                )
            elif link.kind in REPLACING:
                superseded.add(id(older))
                notes.append(
                    f"{older.label()} gilt hier nicht mehr: {newer.label()} hat ihn in seinem Geltungsbereich "
                    f"ersetzt ({kind})."
                )
            else:
                doubts.append(
                    f"{_dated(newer)} ändert {_dated(older)} ({kind} einzelner Festsetzungen); welche Festsetzungen "
                    "am Standort gelten, lässt sich aus den Plandaten nicht eindeutig bestimmen."
                )
    remaining = [(p, m2) for p, m2 in live if id(p) not in superseded]
    if not doubts and len(remaining) > 1:
        listed = "; ".join(f"{p.label()} ({num(m2, 'm²')})" for p, m2 in remaining)
        doubts.append(f"Am Standort gelten mehrere Pläne ohne angegebene Änderungsbeziehung: {listed}.")
    if doubts:
        return PlanChoice(None, tuple(notes), tuple(doubts), considered)
    chosen = remaining[0][0]
    return PlanChoice(chosen, tuple(notes), _missing_changes(chosen, plans), considered)


def _missing_changes(plan: Bebauungsplan, plans: Sequence[Bebauungsplan]) -> tuple[str, ...]:
    """Changes of the plan (``wurdeGeaendertVon``) that are not among the given plans."""
    missing = [
        link
        for link in plan.links
        if link.relation == "geaendert_durch" and not any(_matches(link, other) for other in plans if other is not plan)
    ]
    return tuple(
        f"{plan.label()} wurde laut Plandaten durch {link.describe()} geändert ({CHANGE_KIND_LABELS[link.kind]}); "
        "diese Änderung liegt nicht vor. Die Befunde beruhen auf dem Plan ohne sie; ob sie den Standort betrifft, "
        "bitte prüfen."
        for link in missing
    )
