"""The plan drawing of a register entry: styles per Baugebiet (colour + hatching + label) and the legend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.formats import svgmap
from bauantrag.formats.xplan import codes
from bauantrag.plans import geo
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.plan import AREA_KINDS

# (colour, ink, colour name) per group of the Art der baulichen Nutzung, after the Planzeichenverordnung.
_GROUPS = {
    "W": ("#f6c6c0", "#8f2f24", gettext_lazy("rosa")),
    "M": ("#ead2ad", "#6b4a1f", gettext_lazy("hellbraun")),
    "G": ("#d3d3d3", "#333333", gettext_lazy("grau")),
    "S": ("#fbe3a1", "#7a5600", gettext_lazy("hellgelb")),
    "": ("#eeeeee", "#555555", gettext_lazy("hellgrau")),
}
# special use code → (group, abbreviation, hatch angles or None for dots)
_USES: dict[str, tuple[str, str, tuple[int, ...] | None]] = {
    "1000": ("W", "WS", (0,)), "1100": ("W", "WR", (45,)), "1200": ("W", "WA", (135,)),
    "1300": ("W", "WB", (45, 135)), "1400": ("M", "MD", (0,)), "1450": ("M", "MDW", (90,)),
    "1500": ("M", "MI", (45, 135)), "1550": ("M", "MU", (0, 90)), "1600": ("M", "MK", (45,)),
    "1700": ("G", "GE", None), "1800": ("G", "GI", (45, 135)), "2000": ("S", "SO", (0,)),
    "2100": ("S", "SO", (90,)), "3000": ("S", "SO", (45,)), "4000": ("S", "SO", (135,)),
}  # fmt: skip
_GENERAL = {"1000": ("W", "W"), "2000": ("M", "M"), "3000": ("G", "G"), "4000": ("S", "S")}
_HATCH_WORDS = {
    (0,): gettext_lazy("waagerecht schraffiert"),
    (90,): gettext_lazy("senkrecht schraffiert"),
    (45,): gettext_lazy("schräg nach rechts schraffiert"),
    (135,): gettext_lazy("schräg nach links schraffiert"),
    (45, 135): gettext_lazy("kreuzweise schräg schraffiert"),
    (0, 90): gettext_lazy("kariert"),
}

GELTUNGSBEREICH = svgmap.Style(stroke="#000000", stroke_width=3, dash="14 4 3 4", css_class="geltungsbereich")
BUILDABLE = svgmap.Style(fill="#ffffff", fill_opacity=0.55, stroke="#555555", stroke_width=0.8, css_class="buildable")
BAUGRENZE = svgmap.Style(stroke="#0b57d0", stroke_width=2, dash="7 4", css_class="baugrenze")
BAULINIE = svgmap.Style(stroke="#c00000", stroke_width=2.5, css_class="baulinie")


@dataclass(frozen=True)
class UseKind:
    key: str  # "1200", "g-1000" or "other"
    abbreviation: str
    label: str
    style: svgmap.Style
    description: str  # the look in words, for the text legend


_OTHER_KINDS = {  # XPlanGML class of an area that is no Baugebiet -> abbreviation on the map
    "BP_WohngebaeudeFlaeche": "Wo",
    "BP_GemeinbedarfsFlaeche": "GB",
    "BP_BesondererNutzungszweckFlaeche": "NZ",
}


def use_kind(special_use: str | None, general_use: str | None, kind: str | None = None) -> UseKind:
    angles: tuple[int, ...] | None
    if special_use is None and kind is not None and kind in _OTHER_KINDS:
        group, abbreviation, angles, key = "", _OTHER_KINDS[kind], (), kind
        label = AREA_KINDS[kind]
    elif special_use in _USES:
        group, abbreviation, angles = _USES[special_use]
        key, label = special_use, codes.label(codes.SPECIAL_USE, special_use) or special_use
    elif special_use is None and general_use in _GENERAL:
        (group, abbreviation), angles = _GENERAL[general_use], ()
        key, label = f"g-{general_use}", codes.label(codes.GENERAL_USE, general_use) or general_use
    else:
        group, abbreviation, angles, key = "", "?", (), "other"
        label = codes.label(codes.SPECIAL_USE, special_use) or _("Art der Nutzung nicht angegeben")
    background, ink, colour = _GROUPS[group]
    hatch = svgmap.Hatch(name=f"use-{key}", background=background, ink=ink, angles=angles or (), dots=angles is None)
    look = _("gepunktet") if angles is None else str(_HATCH_WORDS.get(angles, _("ohne Schraffur")))
    style = svgmap.Style(hatch=hatch, stroke="#1b1b1b", stroke_width=1, css_class=f"area area-{key}")
    return UseKind(key, abbreviation, label, style, f"{colour}, {look}")


def area_kinds(record: PlanRecord) -> list[UseKind]:
    return [
        use_kind(props.get("special_use"), props.get("general_use"), props.get("kind"))
        for props in (f["properties"] for f, _g in geo.layer(record.features, geo.LAYER_AREA))
    ]


def legend(record: PlanRecord) -> list[dict[str, Any]]:
    """The text legend, also drawn under the map: one row per symbol present in the plan."""
    rows: dict[str, dict[str, Any]] = {}
    for kind in area_kinds(record):
        look = _("%(look)s, beschriftet „%(abbreviation)s“") % {"look": kind.description,
                                                                "abbreviation": kind.abbreviation}  # fmt: skip
        rows.setdefault(kind.key, {"label": kind.label, "look": look, "style": kind.style, "kind": "area"})
    layers = geo.layer(record.features, geo.LAYER_BUILDABLE), geo.layer(record.features, geo.LAYER_BAUGRENZE)
    extras = [
        (bool(record.geltungsbereich), _("Grenze des Geltungsbereichs"), _("schwarze Strich-Punkt-Linie"),
         GELTUNGSBEREICH, "line"),
        (bool(layers[0]), _("überbaubare Grundstücksfläche"), _("aufgehellt, dünn grau umrandet"), BUILDABLE, "area"),
        (bool(layers[1]), _("Baugrenze"), _("blaue gestrichelte Linie"), BAUGRENZE, "line"),
        (bool(geo.layer(record.features, geo.LAYER_BAULINIE)), _("Baulinie"), _("rote durchgezogene Linie"),
         BAULINIE, "line"),
    ]  # fmt: skip
    for present, label, look, style, shape in extras:
        if present:
            rows[label] = {"label": label, "look": look, "style": style, "kind": shape}
    return list(rows.values())


def render(record: PlanRecord, area_titles: list[str]) -> str:
    """The SVG map of the plan; areas numbered as in the table (1, 2, …) with their abbreviation."""
    features: list[svgmap.Feature] = []
    kinds = area_kinds(record)
    for index, ((_feature, geometry), kind) in enumerate(zip(geo.layer(record.features, geo.LAYER_AREA), kinds,
                                                             strict=True), start=1):  # fmt: skip
        title = area_titles[index - 1] if index <= len(area_titles) else kind.label
        features.append(svgmap.Feature(geometry, kind.style, label=f"{index} {kind.abbreviation}", title=title))
    for name, style in ((geo.LAYER_BUILDABLE, BUILDABLE), (geo.LAYER_BAUGRENZE, BAUGRENZE),
                        (geo.LAYER_BAULINIE, BAULINIE)):  # fmt: skip
        features += [svgmap.Feature(geometry, style) for _f, geometry in geo.layer(record.features, name)]
    if record.geltungsbereich:
        features.append(svgmap.Feature(geo.from_geojson(record.geltungsbereich), GELTUNGSBEREICH))
    counts = record.summary.get("counts", {})
    description = _(
        "Planzeichnung mit %(areas)s Flächen für Gebäude (nummeriert wie in der Tabelle, mit Kürzel der Art der "
        "baulichen Nutzung), %(buildable)s überbaubaren Grundstücksflächen, %(baugrenzen)s Baugrenzen und "
        "%(baulinien)s Baulinien; Maßstabsleiste unten links, Nordpfeil oben rechts."
    ) % {
        "areas": counts.get("areas", 0), "buildable": counts.get("buildable_areas", 0),
        "baugrenzen": counts.get("baugrenzen", 0), "baulinien": counts.get("baulinien", 0),
    }  # fmt: skip
    entries = [svgmap.LegendEntry(f"{row['label']}", row["style"], row["kind"]) for row in legend(record)]
    return svgmap.render_map(
        features,
        title=_("Karte des Bebauungsplans %(name)s") % {"name": record.name},
        description=description,
        legend=entries,
        id_prefix=f"plan-{record.pk.hex[:8]}",
    )
