"""BP_Plan attributes: name, number, Gemeinde, planArt, rechtsstand, dates, BauNVO version, Geltungsbereich.

The BauNVO version is named differently per version: 4.1 ``versionBauNVO`` on BP_Bereich (code 1000 = 1962,
2000 = 1968, 3000 = 1977, 4000 = 1990, 9999 = other); 5.x ``versionBauNVODatum`` / ``versionBauNVOText`` on BP_Plan
(5.0: on BP_Bereich); 6.0 ``versionBauNVO`` as XP_GesetzlicheGrundlage (name, datum, detail) on BP_Plan/BP_Bereich.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from bauantrag.formats.xplan.errors import GeometryError
from bauantrag.formats.xplan.features import FeatureReader

BAUNVO_41_YEARS = {"1000": 1962, "2000": 1968, "3000": 1977, "4000": 1990}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def date_of(reader: FeatureReader, plan: Any, name: str) -> dt.date | None:
    raw = reader.text(plan, name)
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        line = plan.find(reader.d.q(name)).sourceline
        raise reader.error(plan, f"{name} ist kein Datum (JJJJ-MM-TT): {raw[:40]!r}", line) from None


def gemeinde_of(reader: FeatureReader, plan: Any) -> tuple[str | None, str | None]:
    """(Gemeinde name, AGS) of the first XP_Gemeinde; the AGS is derived from a Regionalschlüssel if needed."""
    gemeinde = plan.find(f"{reader.d.q('gemeinde')}/{reader.d.q('XP_Gemeinde')}")
    if gemeinde is None:
        return None, None
    ags = reader.text(gemeinde, "ags")
    rs = reader.text(gemeinde, "rs")
    if ags is None and rs is not None and len(rs) == 12 and rs.isdigit():
        ags = rs[:5] + rs[9:]
    return reader.text(gemeinde, "gemeindeName"), ags


def baunvo_of(reader: FeatureReader, plan: Any, bereiche: list[Any]) -> tuple[str | None, int | None]:
    """(versionBauNVO as in the file, year) from BP_Plan, else from the first BP_Bereich that has it."""
    for holder in (plan, *bereiche):
        element = holder.find(reader.d.q("versionBauNVO"))
        if element is not None and len(element):  # 6.0 XP_GesetzlicheGrundlage
            parts = {name: reader.text(element[0], name) for name in ("datum", "name", "detail")}
            shown = parts["datum"] or parts["name"] or parts["detail"]
            if shown:
                return shown, _year(" ".join(value for value in parts.values() if value))
        elif element is not None and element.text and element.text.strip():  # 4.1 XP_VersionBauNVO code
            code = element.text.strip()
            text = reader.text(holder, "versionBauNVOText")
            return (text if code == "9999" and text else code), BAUNVO_41_YEARS.get(code) or _year(text or "")
        datum, text = reader.text(holder, "versionBauNVODatum"), reader.text(holder, "versionBauNVOText")
        if datum or text:
            return datum or text, _year(f"{datum or ''} {text or ''}")
    return None, None


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def geltungsbereich_of(reader: FeatureReader, plan: Any, bereiche: list[Any]) -> BaseGeometry | None:
    """raeumlicherGeltungsbereich of the plan, else the union of the Bereiche's geltungsbereich."""
    holders = [(plan, "raeumlicherGeltungsbereich")]
    prop = plan.find(reader.d.q("raeumlicherGeltungsbereich"))
    if prop is None:
        holders = [(bereich, "geltungsbereich") for bereich in bereiche]
    parts = []
    for holder, name in holders:
        prop = holder.find(reader.d.q(name))
        if prop is None:
            continue
        try:
            parts.append(reader.geometry.area(prop))
        except GeometryError as exc:
            raise reader.error(holder, f"{name}: {exc.message}", exc.line) from None
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.unary_union(parts)
