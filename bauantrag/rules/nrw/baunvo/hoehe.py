"""Höhe baulicher Anlagen (§ 16 Abs. 2 Nr. 4 und Abs. 4 BauNVO) against the plan's XP_Hoehenangabe.

A limit is compared with the building height of the same Bezugspunkt (Traufhöhe, Firsthöhe, Oberkante,
Gebäudehöhe, Wandhöhe, ...). Heights relative to the Gelände are compared directly; absolute heights (NHN) need
the terrain height of the site; other references (Gehweg, Straßenmitte, EG-Fußboden, ...) → ``needs_review``.
Höhenangaben of überbaubaren Flächen without Bezugspunkt limit the vertical extent of the Fläche, not the
building (XPlanGML 6.0), and are skipped.
§ 18 Abs. 2 BauNVO: „Ist die Höhe baulicher Anlagen als zwingend festgesetzt (§ 16 Absatz 4 Satz 2), können
geringfügige Abweichungen zugelassen werden.“ A zwingende Höhe missed by more than 5 cm but at most
``SLIGHT_M`` is ``needs_review`` (the Bauaufsicht may allow it); beyond that ``fail``. The statute has no number:
``SLIGHT_M`` is the software's line and is named in the clerk's note.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bauantrag.rules.model import NOTHING_CHECKED, Finding, Status
from bauantrag.rules.nrw.baunvo.common import PlanContext, finding
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.codes import HEIGHT_REFERENCE_POINTS
from bauantrag.rules.planning.plan import HeightLimit
from bauantrag.rules.planning.project import HEIGHT_REFERENCE_CODES, HEIGHT_REFERENCE_LABELS, Building, PlanningProject

RULE_ID = "bplan.hoehe"
EXACT_TOL_M = 0.05
SLIGHT_M = 0.5
SLIGHT_NOTE = (
    "§ 18 Abs. 2 BauNVO nennt keine Zahl für „geringfügig“; die Software legt Abweichungen bis "
    "0,50 m von einer zwingenden Höhe der Bauaufsicht zur Entscheidung vor und wertet größere als nicht erfüllt."
)
RELATIVE = frozenset({"2000"})
ABSOLUTE = frozenset({"1000", "1100", "1200"})
REFERENCE_NAMES = HEIGHT_REFERENCE_POINTS
BEZUG_NAMES = {"2500": "Gehweg", "3000": "Planebene", "3500": "Straßenmitte", "4000": "Erdgeschoss-Fußboden"}


def _limits(ctx: PlanContext, building: Building) -> list[HeightLimit]:
    found = [limit for limit in ctx.area.heights]
    for area in ctx.plan.buildable_areas:
        if area.geometry.intersection(building.footprint).area > 0.01:
            found += [limit for limit in area.heights if limit.reference_point is not None]
    return found


def check(project: PlanningProject, ctx: PlanContext) -> Finding:
    rows: list[tuple[Status, str]] = []
    evidence: dict[str, Any] = {
        **ctx.evidence(),
        "terrain_height_nhn": project.site.terrain_height_nhn,
        "comparisons": [],
    }
    for building in project.site.buildings:
        if not (building.is_main or building.heights):
            continue  # garages and Nebengebäude only where their height is stated
        for limit in _limits(ctx, building):
            rows.append(_compare(project, building, limit, evidence["comparisons"]))
    if not rows:
        return finding(
            RULE_ID,
            "pass",
            "§ 16 Abs. 2 Nr. 4 BauNVO",
            f"{ctx.plan_label()} setzt für {ctx.area.name} keine Höhe baulicher Anlagen fest; nichts zu prüfen.",
            {**evidence, NOTHING_CHECKED: True},
        )
    status: Status = (
        "fail"
        if any(s == "fail" for s, _ in rows)
        else ("needs_review" if any(s == "needs_review" for s, _ in rows) else "pass")
    )
    basis = "§ 16 Abs. 2 Nr. 4 und Abs. 4 BauNVO"
    slight = any(row.get("slight") for row in evidence["comparisons"])
    if slight:
        basis += ", § 18 Abs. 2 BauNVO"
    message = "Höhe baulicher Anlagen: " + "; ".join(t for _, t in rows) + "."
    return replace(finding(RULE_ID, status, basis, message, evidence), review_note=SLIGHT_NOTE if slight else "")


def _compare(
    project: PlanningProject, building: Building, limit: HeightLimit, log: list[dict[str, Any]]
) -> tuple[Status, str]:
    code = limit.reference_point
    what = REFERENCE_NAMES.get(code or "", f"Bezugspunkt {code}")
    row: dict[str, Any] = {
        "building": building.id,
        "reference_point": code,
        "height_reference": limit.height_reference,
        "h": limit.h,
        "h_min": limit.h_min,
        "h_max": limit.h_max,
        "h_exact": limit.h_exact,
    }
    log.append(row)
    name = f"„{building.id}“"
    if code is None:
        row["status"] = "needs_review"
        return "needs_review", f"{name}: Höhenangabe ohne Bezugspunkt im Plan – bitte prüfen"
    if limit.h is None and limit.h_max is None and limit.h_min is None and limit.h_exact is None:
        row["status"] = "needs_review"
        return "needs_review", f"{name}: {what} {_against(0.0, limit)[1]}"
    stated = [h.value_m for h in building.heights if HEIGHT_REFERENCE_CODES[h.reference] == code]
    if not stated:
        row["status"] = "needs_review"
        known = ", ".join(HEIGHT_REFERENCE_LABELS[h.reference] for h in building.heights) or "keine"
        return "needs_review", f"{name}: {what} festgesetzt, aber nicht angegeben (angegeben: {known})"
    value, bezug = stated[0], limit.height_reference
    if bezug in ABSOLUTE:
        if project.site.terrain_height_nhn is None:
            row["status"] = "needs_review"
            return "needs_review", (
                f"{name}: {what} ist als absolute Höhe über NHN festgesetzt; die Geländehöhe über NHN ist nicht "
                "angegeben"
            )
        value += project.site.terrain_height_nhn
        unit = "m ü. NHN"
    elif bezug in RELATIVE:
        unit = "m über Gelände"
    else:
        row["status"] = "needs_review"
        ref = BEZUG_NAMES.get(bezug or "", f"Höhenbezug {bezug}" if bezug else "ohne Höhenbezug")
        return "needs_review", f"{name}: {what} bezogen auf {ref} – Bezugshöhe nicht bekannt, bitte prüfen"
    row["value"] = round(value, 2)
    status, text = _against(value, limit)
    row["status"] = status
    row["slight"] = status == "needs_review" and limit.h_exact is not None
    return status, f"{name}: {what} {num(value, unit)} – {text}"


def _against(value: float, limit: HeightLimit) -> tuple[Status, str]:
    if limit.h is None and limit.h_max is None and limit.h_min is None and limit.h_exact is None:
        if limit.zero_values:
            return "needs_review", (
                f"im Plan mit {' und '.join(f'{n} 0 m' for n in limit.zero_values)} angegeben; 0 steht in Plandaten "
                "für „nicht festgesetzt“ und wurde nicht als Obergrenze angewandt, bitte prüfen"
            )
        return "needs_review", "Höhenangabe ohne Wert im Plan, bitte prüfen"
    if limit.h_exact is not None and abs(value - limit.h_exact) > EXACT_TOL_M:
        off = abs(value - limit.h_exact)
        if off <= SLIGHT_M:
            return "needs_review", (
                f"zwingend festgesetzt {num(limit.h_exact, 'm')} (§ 16 Abs. 4 Satz 2), um {num(off, 'm')} "
                "abweichend; geringfügige Abweichungen können zugelassen werden (§ 18 Abs. 2), darüber entscheidet "
                "die Bauaufsicht"
            )
        return "fail", (
            f"zwingend festgesetzt {num(limit.h_exact, 'm')} (§ 16 Abs. 4 Satz 2), um {num(off, 'm')} verfehlt – "
            "nicht eingehalten"
        )
    upper = limit.h_max if limit.h_max is not None else limit.h
    if upper is not None and value > upper + 1e-9:
        return "fail", f"höchstens {num(upper, 'm')} zulässig, überschritten um {num(value - upper, 'm')}"
    if limit.h_min is not None and value < limit.h_min - 1e-9:
        return "fail", f"mindestens {num(limit.h_min, 'm')} festgesetzt (§ 16 Abs. 4 Satz 1), unterschritten"
    bounds = [
        f"zwingend {num(limit.h_exact, 'm')}" if limit.h_exact is not None else "",
        f"höchstens {num(upper, 'm')}" if upper is not None else "",
        f"mindestens {num(limit.h_min, 'm')}" if limit.h_min is not None else "",
    ]
    return "pass", f"festgesetzt {', '.join(b for b in bounds if b) or 'ohne Wert'}: eingehalten"
