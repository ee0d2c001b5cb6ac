"""The map of a Vorhaben's site (Lageplan): parcel, plan areas with their values, Baugrenzen/Baulinien, building
footprints and the Abstandsflächen in front of every wall, with what lies outside highlighted.

Pure Python (shapely; no Django): the applicant's and the clerk's pages and ``bauantrag check --format html``
draw with it. The Abstandsflächen are drawn with the depths the rule ``bauo_nrw.6.abstandsflaechen`` computed
(its evidence), so the map shows exactly what was checked; without that finding none are drawn. Problems are
hatched red *and* returned as sentences for a text list under the map (not colour alone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from bauantrag.formats import svgmap
from bauantrag.rules.nrw.baunvo.common import baugebiet_of
from bauantrag.rules.planning import geometry
from bauantrag.rules.planning.plan import Bebauungsplan, PlanArea
from bauantrag.rules.planning.project import SitePlan

ABSTAND_RULE = "bauo_nrw.6.abstandsflaechen"
MARGIN_M = 12.0
_GROUPS = {"W": ("#f6c6c0", "#8f2f24"), "M": ("#ead2ad", "#6b4a1f"), "G": ("#d3d3d3", "#333333"),
           "S": ("#fbe3a1", "#7a5600")}  # fmt: skip
_ANGLES = {"WR": (45,), "WA": (135,), "WB": (45, 135), "WS": (0,), "MI": (45, 135), "MU": (0, 90), "MK": (45,),
           "GE": (0,), "GI": (45, 135), "SO": (90,)}  # fmt: skip
_BAUWEISE = {"1000": "o", "2000": "g", "3000": "a"}
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

PUBLIC = svgmap.Style(fill="#e3e3e3", stroke="#8a8a8a", css_class="public")
BUILDABLE = svgmap.Style(fill="#ffffff", fill_opacity=0.55, stroke="#555555", stroke_width=0.8, css_class="buildable")
BAUGRENZE = svgmap.Style(stroke="#0b57d0", stroke_width=2, dash="7 4", css_class="baugrenze")
BAULINIE = svgmap.Style(stroke="#c00000", stroke_width=2.5, css_class="baulinie")
PARCEL = svgmap.Style(stroke="#000000", stroke_width=3, css_class="parcel")
ABSTAND = svgmap.Style(fill="#ffd966", fill_opacity=0.5, stroke="#7a5c00", dash="4 3", css_class="abstandsflaeche")
FOOTPRINT = svgmap.Style(fill="#505a5f", stroke="#000000", stroke_width=1.5, css_class="footprint")
PROBLEM = svgmap.Style(
    hatch=svgmap.Hatch("problem", background="#ffd6d6", ink="#b00020", angles=(45, 135), spacing=6),
    stroke="#b00020", stroke_width=2, css_class="problem",
)  # fmt: skip


@dataclass(frozen=True)
class SiteMap:
    svg: str
    problems: tuple[str, ...]  # one German sentence per highlighted part
    legend: tuple[tuple[str, str], ...]  # (meaning, look) for the text legend next to the map


def num(value: float, unit: str = "") -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} {unit}".strip()


_KIND_SHORT = {
    "BP_WohngebaeudeFlaeche": "Wohngebäude",
    "BP_GemeinbedarfsFlaeche": "Gemeinbedarf",
    "BP_BesondererNutzungszweckFlaeche": "bes. Nutzungszweck",
}


def area_label(area: PlanArea) -> str:
    """Short label as in a Nutzungsschablone: „WA GRZ 0,4 GFZ 0,8 II o“."""
    gebiet = baugebiet_of(area)
    parts = [gebiet.abbr if gebiet else _KIND_SHORT.get(area.kind, "?")]
    grz, gfz = area.grz if area.grz is not None else area.grz_max, area.gfz if area.gfz is not None else area.gfz_max
    if grz is not None:
        parts.append(f"GRZ {num(grz)}")
    if gfz is not None:
        parts.append(f"GFZ {num(gfz)}")
    z = area.z_exact or area.z or area.z_max
    if z is not None:
        parts.append(_ROMAN[z] if 0 < z < len(_ROMAN) else str(z))
    if area.bauweise in _BAUWEISE:
        parts.append(_BAUWEISE[area.bauweise])
    return " ".join(parts)


_LOOK = {(0,): "waagerecht schraffiert", (90,): "senkrecht schraffiert", (45,): "schräg nach rechts schraffiert",
         (135,): "schräg nach links schraffiert", (45, 135): "kreuzweise schräg schraffiert", (0, 90): "kariert"}


def _area_style(area: PlanArea) -> tuple[svgmap.Style, str, str]:
    gebiet = baugebiet_of(area)
    group = gebiet.abbr[0] if gebiet else ""
    background, ink = _GROUPS.get(group, ("#eeeeee", "#555555"))
    key = gebiet.abbr if gebiet else "other"
    angles = _ANGLES.get(key, (45,))
    hatch = svgmap.Hatch(name=f"use-{key}", background=background, ink=ink, angles=angles, spacing=10)
    name = f"{gebiet.abbr} – {gebiet.name}" if gebiet else "Baugebiet ohne Art-Angabe"
    return svgmap.Style(hatch=hatch, stroke="#1b1b1b", css_class=f"area area-{key}"), name, _LOOK[angles]


def _depths(findings: Sequence[Mapping[str, Any]]) -> dict[tuple[str, int], float]:
    for finding in findings:
        if finding.get("rule") == ABSTAND_RULE:
            rows = (finding.get("evidence") or {}).get("walls", [])
            return {(str(r["building"]), int(r["wall"])): float(r["depth_m"]) for r in rows if r.get("depth_m")}
    return {}


def site_map(
    site: SitePlan,
    plan: Bebauungsplan | None,
    findings: Sequence[Mapping[str, Any]] = (),
    *,
    id_prefix: str = "lage",
) -> SiteMap:
    """The map; ``findings`` are dicts with ``rule`` and ``evidence`` (as stored or from ``to_dict()``)."""
    depths = _depths(findings)
    public = [a.polygon for a in site.public_areas]
    rects: list[tuple[str, BaseGeometry]] = []
    problems: list[tuple[str, BaseGeometry]] = []
    for building in site.buildings:
        for wall in geometry.walls_of(building.id, building.footprint):
            depth = depths.get((building.id, wall.index + 1))
            if depth is None:
                continue
            name = f"Abstandsfläche Wand {wall.index + 1} von „{building.id}“, Tiefe {num(depth, 'm')}"
            rects.append((name, geometry.depth_rectangle(wall, depth)))
            outside = geometry.part_outside(wall, depth, site.parcel, public)
            if outside.area > geometry.AREA_TOL_M2:
                problems.append((
                    f"Wand {wall.index + 1} von „{building.id}“: {num(outside.area, 'm²')} der Abstandsfläche "
                    f"(Tiefe {num(depth, 'm')}) liegen außerhalb des Grundstücks und nicht auf öffentlichen Flächen "
                    "bis zu deren Mitte", outside))  # fmt: skip
    if plan is not None and plan.buildable_areas:
        region = unary_union([b.geometry for b in plan.buildable_areas])
        for building in site.buildings:
            beyond = building.footprint.difference(region)
            if building.is_main and beyond.area > geometry.AREA_TOL_M2:
                problems.append((
                    f"Gebäude „{building.id}“: {num(beyond.area, 'm²')} liegen außerhalb der überbaubaren "
                    "Grundstücksfläche (jenseits der Baugrenze)", beyond))  # fmt: skip
    core = unary_union([site.parcel, *(b.footprint for b in site.buildings), *(r for _n, r in rects)])
    min_x, min_y, max_x, max_y = core.bounds
    window = box(min_x - MARGIN_M, min_y - MARGIN_M, max_x + MARGIN_M, max_y + MARGIN_M)
    features, legend = _plan_features(plan, window)
    clipped_public = [p.intersection(window) for p in public]
    features += [svgmap.Feature(p, PUBLIC, title="öffentliche Fläche") for p in clipped_public if not p.is_empty]
    features.append(svgmap.Feature(site.parcel, PARCEL, title="Baugrundstück"))
    features += [svgmap.Feature(r, ABSTAND, title=n) for n, r in rects]
    features += [svgmap.Feature(b.footprint, FOOTPRINT, label=b.id, title=f"Gebäude „{b.id}“")
                 for b in site.buildings]  # fmt: skip
    features += [svgmap.Feature(g, PROBLEM, title=text) for text, g in problems]
    rows = [("Baugrundstück", "schwarze dicke Linie", PARCEL, "line"),
            ("Gebäudegrundriss", "dunkelgrau gefüllt, beschriftet", FOOTPRINT, "area")]  # fmt: skip
    if clipped_public:
        rows.append(("öffentliche Verkehrs-, Grün- oder Wasserfläche", "hellgrau", PUBLIC, "area"))
    if rects:
        rows.append(("Abstandsfläche (§ 6 BauO NRW)", "gelb, gestrichelt umrandet", ABSTAND, "area"))
    if problems:
        rows.append(("Überschreitung (siehe Liste unter der Karte)", "rot kreuzschraffiert", PROBLEM, "area"))
    legend += [(label, look, style, kind) for label, look, style, kind in rows]
    plan_text = f"Bebauungsplan „{plan.name}“" if plan is not None else "kein Bebauungsplan"
    description = (
        f"Lageplan mit Grundstück, {len(site.buildings)} Gebäudegrundriss(en), {len(rects)} Abstandsflächen; "
        f"{plan_text}. {len(problems)} Überschreitung(en) rot kreuzschraffiert, als Liste unter der Karte. "
        "Maßstabsleiste unten links, Nordpfeil unten rechts."
    )
    svg = svgmap.render_map(
        features, title="Lageplan des Vorhabens", description=description, id_prefix=id_prefix,
        legend=[svgmap.LegendEntry(label, style, kind) for label, _look, style, kind in legend],
        bounds=window.bounds,
    )  # fmt: skip
    return SiteMap(svg, tuple(text for text, _g in problems), tuple((label, look) for label, look, _s, _k in legend))


def _plan_features(
    plan: Bebauungsplan | None, window: BaseGeometry
) -> tuple[list[svgmap.Feature], list[tuple[str, str, svgmap.Style, str]]]:
    if plan is None:
        return [], []
    features: list[svgmap.Feature] = []
    legend: dict[str, tuple[str, str, svgmap.Style, str]] = {}
    for area in plan.areas:
        shape = area.geometry.intersection(window)
        if shape.is_empty or shape.area <= geometry.AREA_TOL_M2:
            continue
        style, name, look = _area_style(area)
        label = area_label(area)
        features.append(svgmap.Feature(shape, style, label=label, title=f"{name}, {area.name}: {label}"))
        legend.setdefault(name, (name, f"{look}, beschriftet mit Art und Maß der Nutzung", style, "area"))
    extras = [("überbaubare Grundstücksfläche", "aufgehellt, dünn grau umrandet", BUILDABLE, "area",
               [b.geometry for b in plan.buildable_areas])]  # fmt: skip
    for kind, label, look, style in (("baugrenze", "Baugrenze", "blaue gestrichelte Linie", BAUGRENZE),
                                     ("baulinie", "Baulinie", "rote durchgezogene Linie", BAULINIE)):  # fmt: skip
        extras.append((label, look, style, "line", [b.geometry for b in plan.boundary_lines if b.kind == kind]))
    for label, look, style, shape_kind, shapes in extras:
        inside = [g.intersection(window) for g in shapes]
        inside = [g for g in inside if not g.is_empty]
        features += [svgmap.Feature(g, style, title=label) for g in inside]
        if inside:
            legend[label] = (label, look, style, shape_kind)
    return features, list(legend.values())
