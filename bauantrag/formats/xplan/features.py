"""XPlanGML features → the Bebauungsplan dataclasses: the areas a building stands on (BP_BaugebietsTeilFlaeche, and
in 5.x/6.0 the Gemeinbedarfs-, Nutzungszweck- and Wohngebäudeflächen that carry GRZ/GFZ/Z the same way),
BP_UeberbaubareGrundstuecksFlaeche, BP_BauGrenze, BP_BauLinie (same class and attribute names in 4.1, 5.x, 6.0).

Version differences handled here: ``sondernutzung`` is a code in 4.1/5.x and a BP_KomplexeSondernutzung in 6.0;
``zweckbestimmung`` a code in 4.1/5.x and a complex value with ``allgemein`` in 6.0. Höhenangaben
(XP_Hoehenangabe): the hoehenbezug and bezugspunkt codes of 4.1 and 5.x are subsets of the 6.0 codes with the same
meaning (4.1: 1000/2000/2500/3000; 5.x adds 1100/1200; 6.0 adds 3500/4000; bezugspunkt 6500 from 5.1), so they are
kept as they are. A Maß value or height of 0 is read as "not set" (``None``) and named in ``zero_values``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from bauantrag.formats.xplan.errors import GeometryError, PlanFormatError
from bauantrag.formats.xplan.gml import GeometryReader
from bauantrag.formats.xplan.versions import Dialect
from bauantrag.rules.planning.plan import BoundaryLine, BuildableArea, HeightLimit, PlanArea

_HEIGHT_VALUES = {"h": "h", "h_min": "hMin", "h_max": "hMax", "h_exact": "hZwingend"}
# field of the dataclasses -> XPlanGML attribute (the same on all classes that carry the Maß der Nutzung)
_RATIOS = {
    "grz": "GRZ", "grz_max": "GRZmax", "grz_min": "GRZmin", "gr": "GR", "gr_max": "GRmax",
    "gfz": "GFZ", "gfz_max": "GFZmax", "gfz_min": "GFZmin", "gf": "GF", "gf_max": "GFmax", "bmz": "BMZ",
}  # fmt: skip
_COUNTS = {"z": "Z", "z_max": "Zmax", "z_min": "Zmin", "z_exact": "Zzwingend"}
_BUILDABLE_RATIOS = ("grz", "grz_max", "gr", "gr_max", "gfz", "gfz_max", "gf", "gf_max")


class FeatureReader:
    def __init__(self, dialect: Dialect, geometry: GeometryReader) -> None:
        self.d = dialect
        self.geometry = geometry

    def label(self, feature: Any) -> str:
        """The element's class name; its gml:id is an internal identifier and not shown (the line locates it)."""
        return str(etree.QName(feature).localname)

    def error(self, feature: Any, message: str, line: int | None = None) -> PlanFormatError:
        return PlanFormatError(message, line=line or feature.sourceline, element=self.label(feature))

    def text(self, parent: Any, name: str) -> str | None:
        child = parent.find(self.d.q(name))
        if child is None or child.text is None or not child.text.strip():
            return None
        return str(child.text.strip())

    def number(self, feature: Any, parent: Any, name: str) -> float | None:
        raw = self.text(parent, name)
        if raw is None:
            return None
        try:
            return float(raw)
        except ValueError:
            line = parent.find(self.d.q(name)).sourceline
            raise self.error(feature, f"{name} ist keine Zahl: {raw[:40]!r}", line) from None

    def integer(self, feature: Any, name: str) -> int | None:
        value = self.number(feature, feature, name)
        if value is None:
            return None
        if not value.is_integer():
            line = feature.find(self.d.q(name)).sourceline
            raise self.error(feature, f"{name} muss eine ganze Zahl sein, ist {value:g}", line)
        return int(value)

    def mass(self, feature: Any, ratios: tuple[str, ...] | None = None) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The Maß values (GRZ … Zzwingend) by field name, a 0 read as None, and the names of the zeros."""
        found: dict[str, Any] = {}
        zeros: list[str] = []
        for field, name in _RATIOS.items():
            if ratios is None or field in ratios:
                found[field] = self.number(feature, feature, name)
        for field, name in _COUNTS.items():
            found[field] = self.integer(feature, name)
        for field, value in found.items():
            if value == 0:
                found[field] = None
                zeros.append(_RATIOS.get(field) or _COUNTS[field])
        return found, tuple(zeros)

    def position(self, feature: Any, kind: str) -> Any:
        prop = feature.find(self.d.q("position"))
        if prop is None:
            raise self.error(feature, "Geometrie (position) fehlt")
        try:
            return self.geometry.area(prop) if kind == "area" else self.geometry.line(prop)
        except GeometryError as exc:
            raise self.error(feature, exc.message, exc.line) from None

    def heights(self, feature: Any) -> tuple[HeightLimit, ...]:
        limits = []
        for angabe in feature.iterfind(f"{self.d.q('hoehenangabe')}/{self.d.q('XP_Hoehenangabe')}"):
            values = {field: self.number(feature, angabe, name) for field, name in _HEIGHT_VALUES.items()}
            zeros = tuple(_HEIGHT_VALUES[field] for field, value in values.items() if value == 0)
            limits.append(
                HeightLimit(
                    reference_point=self.text(angabe, "bezugspunkt"),
                    height_reference=self.text(angabe, "hoehenbezug"),
                    zero_values=zeros,
                    **{field: None if value == 0 else value for field, value in values.items()},
                )
            )
        return tuple(limits)

    def values(self, feature: Any) -> tuple[tuple[str, str], ...]:
        """Every simple XPlanGML attribute of the feature as (name, text), in file order."""
        found = []
        for child in feature:
            if not isinstance(child.tag, str) or etree.QName(child).namespace != self.d.ns or len(child):
                continue
            if child.text and child.text.strip():
                found.append((str(etree.QName(child).localname), str(child.text.strip())))
        return tuple(found)

    def _code(self, feature: Any, name: str) -> str | None:
        """A code attribute: plain (4.1/5.x) or complex with ``allgemein`` (6.0)."""
        element = feature.find(self.d.q(name))
        if element is None:
            return None
        if len(element):
            codes = [e.text.strip() for e in element.iter(self.d.q("allgemein")) if e.text and e.text.strip()]
            return codes[0] if codes else None
        return self.text(feature, name)

    def special_use_detail(self, feature: Any) -> str | None:
        return self.text(feature, "detaillierteArtDerBaulNutzung") or self._code(feature, "sondernutzung")

    def designation(self, feature: Any) -> str | None:
        """What the plan drawing prints on the area: gliederung1/gliederung2 (e.g. „WA 2“, „MI (M)“)."""
        parts = [self.text(feature, "gliederung1"), self.text(feature, "gliederung2")]
        shown = " ".join(" ".join(part.split()) for part in parts if part)
        return shown[:40] or None

    def plan_area(self, feature: Any) -> PlanArea:
        mass, zeros = self.mass(feature)
        return PlanArea(
            id=feature.get(self.d.g("id")) or "",
            geometry=self.position(feature, "area"),
            general_use=self.text(feature, "allgArtDerBaulNutzung"),
            special_use=self.text(feature, "besondereArtDerBaulNutzung"),
            special_use_detail=self.special_use_detail(feature),
            bauweise=self.text(feature, "bauweise"),
            heights=self.heights(feature),
            values=self.values(feature),
            bebauungsart=self.text(feature, "bebauungsArt"),
            zero_values=zeros,
            kind=self.label(feature),
            purpose=self._code(feature, "zweckbestimmung"),
            **mass,
        )

    def buildable_area(self, feature: Any) -> BuildableArea:
        mass, zeros = self.mass(feature, _BUILDABLE_RATIOS)
        return BuildableArea(
            id=feature.get(self.d.g("id")) or "",
            geometry=self.position(feature, "area"),
            heights=self.heights(feature),
            values=self.values(feature),
            bauweise=self.text(feature, "bauweise"),
            bebauungsart=self.text(feature, "bebauungsArt"),
            zero_values=zeros,
            **mass,
        )

    def boundary_line(self, feature: Any, kind: str) -> BoundaryLine:
        return BoundaryLine(id=feature.get(self.d.g("id")) or "", kind=kind, geometry=self.position(feature, "line"))
