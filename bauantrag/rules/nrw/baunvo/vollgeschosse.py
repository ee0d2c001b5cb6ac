"""Zahl der Vollgeschosse (§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO) against the plan, per main building.

§ 20 Abs. 1 BauNVO: „Als Vollgeschosse gelten Geschosse, die nach landesrechtlichen Vorschriften Vollgeschosse sind
oder auf ihre Zahl angerechnet werden.“ – statically the BauO in force at the plan's date (``versions``): BauO NW
1962/1970 until 1984, BauO NW 1984/1995 and BauO NRW 2000 from 1985 to 2018, BauO NRW 2018 (§ 2 Abs. 6) from 2019.
The application counts by § 2 Abs. 6 BauO NRW 2018. For a plan from 2019 the count is compared directly. For an
older plan the older definition governs, whose text is not encoded: the answer is ``needs_review`` with the count
compared, and ``fail`` only when the limit is missed by two storeys or more (the definitions differ in how a top or
bottom storey is counted – an assumption stated in the clerk's note). Without the plan's date, or for a plan outside
NRW (AGS not starting with 05), it answers ``needs_review``.
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import NOTHING_CHECKED, Finding, Status
from bauantrag.rules.nrw.baunvo import mass
from bauantrag.rules.nrw.baunvo.common import BAUNVO_2023, PlanContext
from bauantrag.rules.nrw.baunvo.versions import VollgeschossRegime, vollgeschoss_regime
from bauantrag.rules.planning.project import Building, PlanningProject

RULE_ID = "bauo_nrw.2.6.vollgeschosse"
LAW_VERSION = f"{BAUNVO_2023}; Vollgeschossbegriff der BauO NRW zum Datum des Plans"
OLD_REGIME_NOTE = (
    "Die Angabe im Antrag zählt nach § 2 Abs. 6 BauO NRW 2018; für den Plan gilt der Vollgeschossbegriff der "
    "BauO in der Fassung zu seinem Datum, deren Wortlaut nicht hinterlegt ist. Annahme der Software: die "
    "Begriffe unterscheiden sich höchstens in der Anrechnung eines Geschosses (Dach-, Staffel- oder "
    "Kellergeschoss); deshalb „nicht erfüllt“ erst ab zwei Geschossen Abweichung."
)


def limits(ctx: PlanContext, building: Building) -> list[dict[str, int]]:
    """Z values for the building: one dict per overlapped überbaubare Fläche that sets some, else the Baugebiet's."""
    found: list[dict[str, int]] = []
    for area in ctx.plan.buildable_areas:
        if area.geometry.intersection(building.footprint).area > 0.01:
            values = {"exact": area.z_exact, "max": area.z_max if area.z_max is not None else area.z, "min": area.z_min}
            found.append({k: v for k, v in values.items() if v is not None})
    found = [f for f in found if f]
    if found:
        return [f for i, f in enumerate(found) if f not in found[:i]]
    a = ctx.area
    values = {"exact": a.z_exact, "max": a.z_max if a.z_max is not None else a.z, "min": a.z_min}
    return [{k: v for k, v in values.items() if v is not None}]


def check(project: PlanningProject, ctx: PlanContext) -> Finding:
    plan = ctx.plan
    in_force = plan.in_force_date.isoformat() if plan.in_force_date else None
    evidence: dict[str, Any] = {**ctx.evidence(), "in_force_date": in_force, "ags": plan.ags, "buildings": []}
    rows: list[tuple[Status, str, int]] = []
    for building in project.main_buildings():
        rows.append(_compare(project, ctx, building, evidence))
    if not rows:
        return _finding("needs_review", "§ 20 Abs. 1 BauNVO", "Kein Hauptgebäude im Lageplan.", evidence)
    if all(status == "pass" and "keine Zahl" in text for status, text, _ in rows):
        zero = mass.zeros(ctx, "Z", "Zmax", "Zmin", "Zzwingend")
        if zero:
            evidence["zero_values"] = zero
            return _finding(
                "needs_review",
                "§ 16 Abs. 2 Nr. 3 BauNVO",
                f"{ctx.plan_label()} nennt für {ctx.area.name} {mass.zero_note(zero)}; 0 steht in Plandaten für "
                "„nicht festgesetzt“ und ist keine Obergrenze. Die Zahl der Vollgeschosse wurde nicht geprüft; ob die "
                "Planurkunde sie festsetzt, prüft die Bauaufsicht.",
                evidence,
            )
        return _finding(
            "pass",
            "§ 16 Abs. 2 Nr. 3 BauNVO",
            f"{ctx.plan_label()} setzt für {ctx.area.name} keine Zahl der Vollgeschosse fest; nichts zu prüfen.",
            {**evidence, NOTHING_CHECKED: True},
        )
    status = _worst([s for s, _, _ in rows])
    regime, why = _regime(ctx)
    evidence["definition"] = regime.key if regime else ("other_land" if why and "AGS" in why else "unknown")
    text = "; ".join(t for _, t, _ in rows)
    note = ""
    if regime is not None and regime.key != "2018":
        robust_fail = status == "fail" and max(gap for _, _, gap in rows) >= 2
        status = "fail" if robust_fail else "needs_review"
        note = OLD_REGIME_NOTE
        why = "Die Bauaufsicht zählt die Vollgeschosse nach diesem Begriff."
    elif status != "fail" and why:
        status = "needs_review"
    basis = "§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO i.V.m. " + (regime.basis if regime else "dem Landesrecht")
    tail = f" Maßgebend ist der Vollgeschossbegriff nach {regime.definition}." if regime else ""
    return _finding(status, basis, f"{text}.{tail}{' ' + why if why else ''}", evidence, note)


def _worst(statuses: list[Status]) -> Status:
    if "fail" in statuses:
        return "fail"
    return "needs_review" if "needs_review" in statuses else "pass"


def _regime(ctx: PlanContext) -> tuple[VollgeschossRegime | None, str]:
    plan = ctx.plan
    if plan.ags and not plan.ags.startswith("05"):
        return None, (
            f"Der Plan liegt nicht in Nordrhein-Westfalen (AGS {plan.ags}): maßgebend ist der "
            "Vollgeschossbegriff dieses Landes (§ 20 Abs. 1 BauNVO); die Bauaufsicht prüft das."
        )
    regime = vollgeschoss_regime(plan)
    if regime is None:
        return None, (
            "Das Datum des Plans ist nicht angegeben; welcher Vollgeschossbegriff der BauO NRW gilt, prüft die "
            "Bauaufsicht."
        )
    return regime, ""


def _compare(
    project: PlanningProject, ctx: PlanContext, building: Building, evidence: dict[str, Any]
) -> tuple[Status, str, int]:
    parts = [z for z in limits(ctx, building) if z]
    storeys = project.storeys_full_of(building)
    evidence["buildings"].append({"building": building.id, "storeys_full": storeys, "limits": parts})
    name = f"„{building.id}“"
    if not parts:
        return "pass", f"{name}: keine Zahl der Vollgeschosse festgesetzt", 0
    if storeys is None:
        return "needs_review", f"{name}: Zahl der Vollgeschosse nicht angegeben", 0
    broken = [found for z in parts if (found := _violation(storeys, z)) is not None]
    if broken and len(parts) > 1:
        return "needs_review", (
            f"{name}: {storeys} Vollgeschosse; das Gebäude liegt auf überbaubaren Flächen mit "
            f"unterschiedlicher Festsetzung, nicht eingehalten wäre: {'; '.join(t for t, _ in broken)} – bitte "
            "je Gebäudeteil prüfen"
        ), 0
    if broken:
        return "fail", f"{name}: {storeys} Vollgeschosse, {broken[0][0]}", broken[0][1]
    allowed = " bzw. ".join(str(z.get("exact", z.get("max", z.get("min")))) for z in parts)
    return "pass", f"{name}: {storeys} Vollgeschosse, festgesetzt {allowed} – eingehalten", 0


def _violation(storeys: int, z: dict[str, int]) -> tuple[str, int] | None:
    if "exact" in z and storeys != z["exact"]:
        return f"zwingend festgesetzt sind {z['exact']} (§ 16 Abs. 4 Satz 2)", abs(storeys - z["exact"])
    if "max" in z and storeys > z["max"]:
        return f"höchstens zulässig sind {z['max']}", storeys - z["max"]
    if "min" in z and storeys < z["min"]:
        return f"mindestens festgesetzt sind {z['min']} (§ 16 Abs. 4 Satz 1)", z["min"] - storeys
    return None


def _finding(status: Status, basis: str, message: str, evidence: dict[str, Any], note: str = "") -> Finding:
    return Finding(RULE_ID, status, basis, message, evidence, LAW_VERSION, note)
