"""Maß der baulichen Nutzung: Grundflächenzahl (§ 19 BauNVO) and Geschossflächenzahl (§ 20 BauNVO).

The Grundstücksfläche is the part of the parcel in Bauland (§ 19 Abs. 3: the parcel within the plan's
Baugebiete). Values set on an overlapped überbaubare Fläche take precedence over the Baugebiet's. § 19 Abs. 4:
Garagen, Stellplätze mit Zufahrten, Nebenanlagen (§ 14) and unterirdische Anlagen may exceed the zulässige
Grundfläche by up to 50 %, at most up to GRZ 0,8; deviating provisions in the plan's text (Abs. 4 Satz 3) and
the discretion of Abs. 4 Satz 2 Halbsatz 2 and Satz 4 are not evaluated (the message names them).

A value the plan gives as 0 (GRZ 0, GF 0 …) stands for "not set" in plan data and is never applied as a limit:
the finding says so and names the limit that binds instead; where none does, the rule answers ``needs_review``
(the Orientierungswerte of § 17 BauNVO guide the planning and are no limit for a Vorhaben either).
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import NOTHING_CHECKED, Finding
from bauantrag.rules.nrw.baunvo.common import PlanContext, finding
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.project import ACCESSORY_LABELS, PlanningProject

GRZ_RULE = "baunvo.19.grz"
GFZ_RULE = "baunvo.20.gfz"
OVERSHOOT = 0.5
GRZ_CAP = 0.8
TOL_M2 = 0.01


def ratio(value: float) -> str:
    """A GRZ/GFZ in German notation with up to three decimals: ``0.425 -> "0,425"``."""
    return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", ",")


def _limit(ctx: PlanContext, *names: str) -> float | None:
    """The first of ``names`` set on an overlapped überbaubare Fläche, else on the area (maximum before value)."""
    for name in names:
        value = ctx.buildable_value(name)
        if value is not None:
            return float(value)
    for name in names:
        value = getattr(ctx.area, name, None)
        if value is not None:
            return float(value)
    return None


def zeros(ctx: PlanContext, *names: str) -> list[str]:
    """The XPlanGML names among ``names`` that the area or an overlapped überbaubare Fläche gives as 0."""
    given = {*ctx.area.zero_values, *(name for b in ctx.buildable for name in b.zero_values)}
    return [name for name in names if name in given]


def zero_note(names: list[str]) -> str:
    """„GFZ 0 und GF 0“ (entries that already carry a value are kept as they are)"""
    return " und ".join(name if " " in name else f"{name} 0" for name in names)


NOT_A_LIMIT = (
    "0 steht in Plandaten für „nicht festgesetzt“ und ist keine Obergrenze; auch die Orientierungswerte des § 17 "
    "BauNVO sind keine Obergrenze für ein Vorhaben"
)
def not_a_limit(given: list[str]) -> str:
    """Why the values ``given`` (zeros, implausible areas) were not applied."""
    if any(" " not in name for name in given):
        return NOT_A_LIMIT
    return (
        "ein solcher Wert ist keine verwendbare Obergrenze; auch die Orientierungswerte des § 17 BauNVO sind "
        "keine Obergrenze für ein Vorhaben"
    )


#: A GR or GF below this cannot be the floor area of a building: a ratio written into the m² field (real data:
#: GF 1,06 „m²“ beside GRZ 0,4). Such a value is not applied; the finding names it.
MIN_PLAUSIBLE_M2 = 10.0


def _absolute(ctx: PlanContext, label: str, *names: str) -> tuple[float | None, list[str]]:
    """GR or GF (m²); one below MIN_PLAUSIBLE_M2 is returned as None with the note why."""
    value = _limit(ctx, *names)
    if value is not None and value < MIN_PLAUSIBLE_M2:
        return None, [f"{label} {num(value, 'm²')} (als Fläche nicht plausibel, vermutlich eine Verhältniszahl)"]
    return value, []


def check_grz(project: PlanningProject, ctx: PlanContext) -> Finding:
    area = ctx.area
    grz = _limit(ctx, "grz_max", "grz")
    gr, odd = _absolute(ctx, "GR", "gr_max", "gr")
    zero = zeros(ctx, "GRZ", "GRZmax", "GR", "GRmax") + odd
    site = ctx.site_area_m2
    main = float(project.main_footprint().area)
    evidence: dict[str, Any] = {**ctx.evidence(), "grz_limit": grz, "gr_limit": gr, "main_area_m2": round(main, 2)}
    if zero:
        evidence["zero_values"] = zero
    if site <= 0:
        return finding(
            GRZ_RULE,
            "needs_review",
            "§ 19 Abs. 3 BauNVO",
            "Das Grundstück liegt nicht im Bauland des "
            "Plans; die maßgebende Grundstücksfläche kann nicht bestimmt werden.",
            evidence,
        )
    if grz is None and gr is None:
        given = f" (die Plandaten nennen {zero_note(zero)}; {not_a_limit(zero)})" if zero else ""
        return finding(
            GRZ_RULE,
            "needs_review",
            "§ 16 Abs. 3 Nr. 1 BauNVO",
            f"{ctx.plan_label()} setzt für {area.name} "
            f"weder eine Grundflächenzahl noch eine Grundfläche fest{given}. Die Grundfläche wurde nicht geprüft; "
            "bitte das Maß der baulichen Nutzung anhand der Planurkunde prüfen.",
            evidence,
        )
    allowed = min(x for x in (grz * site if grz is not None else None, gr) if x is not None)
    grz_binds = grz is not None and grz * site <= (gr if gr is not None else allowed)
    limit_text = f"GRZ {ratio(grz)}" if grz is not None and grz_binds else f"GR {num(allowed, 'm²')}"
    if zero:
        limit_text += f" ({zero_note(zero)} in den Plandaten: nicht angewandt)"
    evidence.update({"allowed_area_m2": round(allowed, 2), "grz": round(main / site, 4)})
    head = (
        f"Grundfläche der Gebäude {num(main, 'm²')} bei {num(site, 'm²')} Grundstücksfläche im Bauland "
        f"= GRZ {ratio(main / site)}"
    )
    if main > allowed + TOL_M2:
        return finding(
            GRZ_RULE,
            "fail",
            "§ 19 Abs. 1 und 2 BauNVO",
            f"{head}; festgesetzt ist {limit_text}, "
            f"zulässig sind {num(allowed, 'm²')} – überschritten um {num(main - allowed, 'm²')}.",
            evidence,
        )
    accessory = _accessory_area(project)
    if accessory is None:
        return finding(
            GRZ_RULE,
            "needs_review",
            "§ 19 Abs. 4 BauNVO",
            f"{head}, {limit_text} eingehalten. Die "
            "Grundflächen von Garagen, Stellplätzen mit Zufahrten, Nebenanlagen und unterirdischen Anlagen "
            "(§ 19 Abs. 4 Satz 1) sind nicht angegeben.",
            evidence,
        )
    cap = max(allowed, min(allowed * (1 + OVERSHOOT), GRZ_CAP * site))
    total = main + accessory
    evidence.update(
        {
            "accessory_area_m2": round(accessory, 2),
            "accessories": accessory_breakdown(project),
            "total_area_m2": round(total, 2),
            "cap_area_m2": round(cap, 2),
        }
    )
    tail = (
        f"mit den Anlagen nach § 19 Abs. 4 Satz 1 ({num(accessory, 'm²')}) {num(total, 'm²')} = GRZ "
        f"{ratio(total / site)}, zulässig nach § 19 Abs. 4 Satz 2 bis {num(cap, 'm²')} (50 %, höchstens GRZ 0,8)"
    )
    if total > cap + TOL_M2:
        return finding(
            GRZ_RULE,
            "fail",
            "§ 19 Abs. 4 Satz 2 BauNVO",
            f"{head}, {limit_text} eingehalten; aber "
            f"{tail} – überschritten um {num(total - cap, 'm²')}. Weitere Überschreitungen in geringfügigem "
            "Ausmaß (Satz 2 Halbsatz 2) oder im Einzelfall (Satz 4) kann nur die Behörde zulassen; "
            "abweichende Festsetzungen des Plans (Satz 3) sind nicht ausgewertet.",
            evidence,
        )
    return finding(
        GRZ_RULE,
        "pass",
        "§ 19 Abs. 1, 2 und 4 BauNVO",
        f"{head}, festgesetzt {limit_text} ({num(allowed, 'm²')}): eingehalten; {tail}: eingehalten.",
        evidence,
    )


def _accessory_area(project: PlanningProject) -> float | None:
    buildings = sum(b.footprint.area for b in project.site.buildings if not b.is_main)
    if project.site.accessories is None:
        return float(buildings) if buildings > 0 else None
    return float(buildings + sum(a.size_m2() for a in project.site.accessories))


def accessory_breakdown(project: PlanningProject) -> dict[str, float]:
    """m² per kind of § 19 Abs. 4 area (garages and Nebengebäude drawn as buildings included)."""
    out: dict[str, float] = {}
    for accessory in project.site.accessories or ():
        label = ACCESSORY_LABELS[accessory.kind]
        out[label] = round(out.get(label, 0.0) + accessory.size_m2(), 2)
    for building in project.site.buildings:
        if not building.is_main:
            label = "garagen_stellplaetze" if building.kind == "garage" else "nebenanlage"
            out[ACCESSORY_LABELS[label]] = round(out.get(ACCESSORY_LABELS[label], 0.0) + building.footprint.area, 2)
    return out


def _binding(ctx: PlanContext) -> str:
    """The other limits of the Maß der baulichen Nutzung set for the area (they have findings of their own)."""
    found = []
    grz, gr = _limit(ctx, "grz_max", "grz"), _absolute(ctx, "GR", "gr_max", "gr")[0]
    if grz is not None:
        found.append(f"GRZ {ratio(grz)}")
    if gr is not None:
        found.append(f"GR {num(gr, 'm²')}")
    z = [v for v in (ctx.area.z_exact, ctx.area.z_max, ctx.area.z) if v is not None]
    z += [v for b in ctx.buildable for v in (b.z_exact, b.z_max, b.z) if v is not None]
    if z:
        found.append("die Zahl der Vollgeschosse")
    if any(h.h is not None or h.h_max is not None or h.h_exact is not None for h in ctx.area.heights):
        found.append("die Höhe baulicher Anlagen")
    return ", ".join(found)


def check_gfz(project: PlanningProject, ctx: PlanContext) -> Finding:
    area = ctx.area
    gfz = _limit(ctx, "gfz_max", "gfz")
    gf, odd = _absolute(ctx, "GF", "gf_max", "gf")
    zero = zeros(ctx, "GFZ", "GFZmax", "GF", "GFmax") + odd
    site = ctx.site_area_m2
    floor = project.total_floor_area_m2()
    evidence: dict[str, Any] = {
        **ctx.evidence(),
        "gfz_limit": gfz,
        "gfz_min": area.gfz_min,
        "gf_limit": gf,
        "floor_area_m2": floor,
    }
    if zero:
        evidence["zero_values"] = zero
    if gfz is None and gf is None and area.gfz_min is None:
        if zero:
            binding = _binding(ctx)
            rest = (
                f"Das Maß der baulichen Nutzung begrenzen hier {binding} (eigene Befunde)."
                if binding
                else "Eine andere Festsetzung zum Maß der baulichen Nutzung enthalten die Plandaten hier nicht."
            )
            return finding(
                GFZ_RULE,
                "needs_review",
                "§ 16 Abs. 2 Nr. 2 BauNVO",
                f"{ctx.plan_label()} nennt für {area.name} {zero_note(zero)}; {not_a_limit(zero)}. {rest} Die "
                "Geschossfläche wurde nicht geprüft; ob die Planurkunde eine Geschossflächenzahl festsetzt, prüft die "
                "Bauaufsicht.",
                evidence,
            )
        return finding(
            GFZ_RULE,
            "pass",
            "§ 16 Abs. 2 Nr. 2 BauNVO",
            f"{ctx.plan_label()} setzt für {area.name} "
            "keine Geschossflächenzahl und keine Geschossfläche fest; nichts zu prüfen.",
            {**evidence, NOTHING_CHECKED: True},
        )
    if floor is None or site <= 0:
        missing = (
            "Die Geschossfläche (floor_area_m2) ist nicht angegeben"
            if floor is None
            else ("Das Grundstück liegt nicht im Bauland des Plans")
        )
        return finding(
            GFZ_RULE,
            "needs_review",
            "§ 20 Abs. 2 und 3 BauNVO",
            f"{missing}; die Geschossflächenzahl kann nicht geprüft werden.",
            evidence,
        )
    value = floor / site
    evidence["gfz"] = round(value, 4)
    head = f"Geschossfläche {num(floor, 'm²')} bei {num(site, 'm²')} Grundstücksfläche = GFZ {ratio(value)}"
    limits = [x for x in (gfz * site if gfz is not None else None, gf) if x is not None]
    gfz_binds = gfz is not None and (gf is None or gfz * site <= gf)
    limit_text = f"GFZ {ratio(gfz)}" if gfz is not None and gfz_binds else f"GF {num(gf or 0.0, 'm²')}"
    if zero:
        limit_text += f" ({zero_note(zero)} in den Plandaten: nicht angewandt)"
    if limits and floor > min(limits) + TOL_M2:
        return finding(
            GFZ_RULE,
            "fail",
            "§ 20 Abs. 2 BauNVO",
            f"{head}; festgesetzt ist {limit_text}, zulässig "
            f"sind {num(min(limits), 'm²')} – überschritten um {num(floor - min(limits), 'm²')}.",
            evidence,
        )
    if area.gfz_min is not None and value < area.gfz_min:
        return finding(
            GFZ_RULE,
            "fail",
            "§ 16 Abs. 4 Satz 1 BauNVO",
            f"{head}; festgesetzt ist eine Mindest-GFZ von {ratio(area.gfz_min)} – unterschritten.",
            evidence,
        )
    held = f"festgesetzt {limit_text}, eingehalten" if limits else "Festsetzung eingehalten"
    return finding(
        GFZ_RULE,
        "pass",
        "§ 20 Abs. 2 und 3 BauNVO",
        f"{head}: {held}. Ob der Plan "
        "Aufenthaltsräume in anderen Geschossen mitrechnet (§ 20 Abs. 3 Satz 2), ist nicht ausgewertet.",
        evidence,
    )
