"""XPlanGML features → the Bebauungsplan dataclasses: BP_BaugebietsTeilFlaeche, BP_UeberbaubareGrundstuecksFlaeche,
BP_BauGrenze, BP_BauLinie (same class and attribute names in 4.1, 5.0–5.4 and 6.0).

Version differences handled here: ``sondernutzung`` is a code in 4.1/5.x and a BP_KomplexeSondernutzung in 6.0.
Höhenangaben (XP_Hoehenangabe): the hoehenbezug and bezugspunkt codes of 4.1 and 5.x are subsets of the 6.0 codes
with the same meaning (4.1: 1000/2000/2500/3000; 5.x adds 1100/1200; 6.0 adds 3500/4000; bezugspunkt 6500 from 5.1),
so they are kept as they are.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from bauantrag.formats.xplan.errors import GeometryError, PlanFormatError
from bauantrag.formats.xplan.gml import GeometryReader
from bauantrag.formats.xplan.versions import Dialect
from bauantrag.rules.planning.plan import BoundaryLine, BuildableArea, HeightLimit, PlanArea

_HEIGHT_VALUES = {"h": "h", "h_min": "hMin", "h_max": "hMax", "h_exact": "hZwingend"}


class FeatureReader:
    def __init__(self, dialect: Dialect, geometry: GeometryReader) -> None:
        self.d = dialect
        self.geometry = geometry

    def label(self, feature: Any) -> str:
        gml_id = feature.get(self.d.g("id"))
        name = etree.QName(feature).localname
        return f"{name} (gml:id {gml_id})" if gml_id else str(name)

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
            limits.append(
                HeightLimit(
                    reference_point=self.text(angabe, "bezugspunkt"),
                    height_reference=self.text(angabe, "hoehenbezug"),
                    **values,
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

    def special_use_detail(self, feature: Any) -> str | None:
        detail = self.text(feature, "detaillierteArtDerBaulNutzung")
        if detail:
            return detail
        sondernutzung = feature.find(self.d.q("sondernutzung"))
        if sondernutzung is None:
            return None
        if len(sondernutzung):  # 6.0: BP_KomplexeSondernutzung with allgemein (code) and details
            codes = [e.text.strip() for e in sondernutzung.iter(self.d.q("allgemein")) if e.text and e.text.strip()]
            return codes[0] if codes else None
        return self.text(feature, "sondernutzung")

    def plan_area(self, feature: Any) -> PlanArea:
        def number(name: str) -> float | None:
            return self.number(feature, feature, name)

        return PlanArea(
            id=feature.get(self.d.g("id")) or "",
            geometry=self.position(feature, "area"),
            general_use=self.text(feature, "allgArtDerBaulNutzung"),
            special_use=self.text(feature, "besondereArtDerBaulNutzung"),
            special_use_detail=self.special_use_detail(feature),
            bauweise=self.text(feature, "bauweise"),
            heights=self.heights(feature),
            values=self.values(feature),
            grz=number("GRZ"),
            grz_max=number("GRZmax"),
            grz_min=number("GRZmin"),
            gr=number("GR"),
            gr_max=number("GRmax"),
            gfz=number("GFZ"),
            gfz_max=number("GFZmax"),
            gfz_min=number("GFZmin"),
            gf=number("GF"),
            gf_max=number("GFmax"),
            bmz=number("BMZ"),
            z=self.integer(feature, "Z"),
            z_max=self.integer(feature, "Zmax"),
            z_min=self.integer(feature, "Zmin"),
            z_exact=self.integer(feature, "Zzwingend"),
        )

    def buildable_area(self, feature: Any) -> BuildableArea:
        return BuildableArea(
            id=feature.get(self.d.g("id")) or "",
            geometry=self.position(feature, "area"),
            z=self.integer(feature, "Z"),
            z_max=self.integer(feature, "Zmax"),
            z_min=self.integer(feature, "Zmin"),
            z_exact=self.integer(feature, "Zzwingend"),
            grz=self.number(feature, feature, "GRZ"),
            gfz=self.number(feature, feature, "GFZ"),
            heights=self.heights(feature),
            values=self.values(feature),
        )

    def boundary_line(self, feature: Any, kind: str) -> BoundaryLine:
        return BoundaryLine(id=feature.get(self.d.g("id")) or "", kind=kind, geometry=self.position(feature, "line"))
