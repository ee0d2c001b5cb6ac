"""Maß der baulichen Nutzung: Grundflächenzahl (§ 19 BauNVO) and Geschossflächenzahl (§ 20 BauNVO).

The Grundstücksfläche is the part of the parcel in Bauland (§ 19 Abs. 3: the parcel within the plan's
Baugebiete). Values set on an overlapped überbaubare Fläche take precedence over the Baugebiet's. § 19 Abs. 4:
Garagen, Stellplätze mit Zufahrten, Nebenanlagen (§ 14) and unterirdische Anlagen may exceed the zulässige
Grundfläche by up to 50 %, at most up to GRZ 0,8; deviating provisions in the plan's text (Abs. 4 Satz 3) and
the discretion of Abs. 4 Satz 2 Halbsatz 2 and Satz 4 are not evaluated (the message names them).
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import Finding
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


def check_grz(project: PlanningProject, ctx: PlanContext) -> Finding:
    area = ctx.area
    grz = ctx.buildable_value("grz") or area.grz_max or area.grz
    gr = area.gr_max or area.gr
    site = ctx.site_area_m2
    main = float(project.main_footprint().area)
    evidence: dict[str, Any] = {**ctx.evidence(), "grz_limit": grz, "gr_limit": gr, "main_area_m2": round(main, 2)}
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
        return finding(
            GRZ_RULE,
            "needs_review",
            "§ 16 Abs. 3 Nr. 1 BauNVO",
            f"{ctx.plan_label()} setzt für die "
            "Teilfläche weder eine Grundflächenzahl noch eine Grundfläche fest; bitte das Maß der "
            "baulichen Nutzung anhand des Plans prüfen.",
            evidence,
        )
    allowed = min(x for x in (grz * site if grz is not None else None, gr) if x is not None)
    limit_text = f"GRZ {ratio(grz)}" if grz is not None else f"GR {num(gr or 0.0, 'm²')}"
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


def check_gfz(project: PlanningProject, ctx: PlanContext) -> Finding:
    area = ctx.area
    gfz = ctx.buildable_value("gfz") or area.gfz_max or area.gfz
    gf = area.gf_max or area.gf
    site = ctx.site_area_m2
    floor = project.total_floor_area_m2()
    evidence: dict[str, Any] = {
        **ctx.evidence(),
        "gfz_limit": gfz,
        "gfz_min": area.gfz_min,
        "gf_limit": gf,
        "floor_area_m2": floor,
    }
    if gfz is None and gf is None and area.gfz_min is None:
        return finding(
            GFZ_RULE,
            "pass",
            "§ 16 Abs. 2 Nr. 2 BauNVO",
            f"{ctx.plan_label()} setzt für die Teilfläche "
            "keine Geschossflächenzahl und keine Geschossfläche fest; nichts zu prüfen.",
            evidence,
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
    if limits and floor > min(limits) + TOL_M2:
        limit_text = f"GFZ {ratio(gfz)}" if gfz is not None else f"GF {num(gf or 0.0, 'm²')}"
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
    return finding(
        GFZ_RULE,
        "pass",
        "§ 20 Abs. 2 und 3 BauNVO",
        f"{head}: Festsetzung eingehalten. Ob der Plan "
        "Aufenthaltsräume in anderen Geschossen mitrechnet (§ 20 Abs. 3 Satz 2), ist nicht ausgewertet.",
        evidence,
    )
