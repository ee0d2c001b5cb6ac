"""BP_Plan attributes: name, number, Gemeinde, planArt, rechtsstand, dates, BauNVO version, Geltungsbereich, and
the links to other plans (aendert / wurdeGeaendertVon with XP_VerbundenerPlan).

Real files bend the schema; what can be read with certainty is read, the rest is left out with a warning instead
of refusing the plan: a date in German notation (16.10.1973) is read, an unreadable one or a placeholder (year 9999)
is left out; the AGS is normalised to eight digits (a leading zero lost by a number field is restored, a
twelve-digit Regionalschlüssel is shortened), an AGS that is no Gemeindeschlüssel is left out.

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
from bauantrag.rules.planning.plan import ChangeKind, PlanLink

BAUNVO_41_YEARS = {"1000": 1962, "2000": 1968, "3000": 1977, "4000": 1990}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
PLACEHOLDER_YEARS = (1, 1900, 9999)
# XP_RechtscharakterPlanaenderung (4.1, 5.x) and XP_Aenderungsarten (6.0)
CHANGE_KINDS: dict[str, dict[str, ChangeKind]] = {
    "old": {"1000": "aenderung", "1100": "ergaenzung", "2000": "aufhebung", "20000": "aufhebung",
            "20001": "ueberplanung"},
    "6.0": {"1000": "aenderung", "10000": "ersetzung", "10001": "ergaenzung", "10002": "streichung",
            "2000": "aufhebung", "3000": "ueberplanung"},
}  # fmt: skip
_LINKS = {  # relation -> property names of BP_Plan (4.1/5.x, 6.0)
    "aendert": ("aendert", "aendertPlan"),
    "geaendert_durch": ("wurdeGeaendertVon", "wurdeGeaendertVonPlan"),
}


def date_of(reader: FeatureReader, plan: Any, name: str, warnings: list[str]) -> dt.date | None:
    """An ISO date (xsd:date), else dd.mm.yyyy; anything else is left out with a warning."""
    raw = reader.text(plan, name)
    if raw is None:
        return None
    german = _GERMAN_DATE.match(raw)
    try:
        if german:
            value = dt.date(int(german.group(3)), int(german.group(2)), int(german.group(1)))
        else:
            value = dt.date.fromisoformat(raw[:10])
    except ValueError:
        warnings.append(f"{name} ist kein lesbares Datum ({raw[:40]!r}) und wurde nicht übernommen.")
        return None
    if value.year in PLACEHOLDER_YEARS:
        warnings.append(f"{name} {raw[:40]!r} ist ein Platzhalter und wurde nicht übernommen.")
        return None
    if german:
        warnings.append(f"{name} {raw!r} steht nicht im Format JJJJ-MM-TT; gelesen als {value.isoformat()}.")
    return value


def normalise_ags(raw: str | None, warnings: list[str]) -> str | None:
    """The eight-digit Amtlicher Gemeindeschlüssel: spaces removed, a lost leading zero restored, a twelve-digit
    Regionalschlüssel shortened; None (with a warning) for anything that is no Gemeindeschlüssel."""
    if raw is None:
        return None
    digits = "".join(raw.split())
    if digits.isdigit() and len(digits) == 12:
        digits = digits[:5] + digits[9:]
    if digits.isdigit() and len(digits) == 7:
        digits = "0" + digits
    if not (digits.isdigit() and len(digits) == 8) or not "01" <= digits[:2] <= "16":
        warnings.append(f"Der Gemeindeschlüssel {raw[:20]!r} ist kein achtstelliger AGS und wurde nicht übernommen.")
        return None
    if digits != raw:
        warnings.append(f"Gemeindeschlüssel {raw!r} als {digits} gelesen (achtstellig, mit führender Null).")
    return digits


def gemeinde_of(reader: FeatureReader, plan: Any, warnings: list[str]) -> tuple[str | None, str | None]:
    """(Gemeinde name, AGS) of the first XP_Gemeinde; the AGS is derived from a Regionalschlüssel if needed."""
    gemeinde = plan.find(f"{reader.d.q('gemeinde')}/{reader.d.q('XP_Gemeinde')}")
    if gemeinde is None:
        return None, None
    ags = reader.text(gemeinde, "ags") or reader.text(gemeinde, "rs")
    return reader.text(gemeinde, "gemeindeName"), normalise_ags(ags, warnings)


def links_of(reader: FeatureReader, holders: list[Any], warnings: list[str]) -> tuple[PlanLink, ...]:
    """XP_VerbundenerPlan of the plan (and, in 6.0, of its Bereiche): which plans it changes or was changed by."""
    kinds = CHANGE_KINDS["6.0" if reader.d.version == "6.0" else "old"]
    found: list[PlanLink] = []
    for holder in holders:
        for relation, names in _LINKS.items():
            for name in names:
                for verbund in holder.iterfind(f"{reader.d.q(name)}/{reader.d.q('XP_VerbundenerPlan')}"):
                    code = reader.text(verbund, "aenderungsArt") or reader.text(verbund, "rechtscharakter")
                    target = verbund.find(reader.d.q("verbundenerPlan"))
                    href = target.get("{http://www.w3.org/1999/xlink}href") if target is not None else None
                    link = PlanLink(
                        relation=relation,  # type: ignore[arg-type]
                        kind=kinds.get(code or "", "unbekannt"),
                        name=reader.text(verbund, "planName"),
                        number=reader.text(verbund, "nummer"),
                        date=date_of(reader, verbund, "aenderungsdatum", warnings),
                        target=href.split("#")[-1] if href else None,
                    )
                    if link not in found:
                        found.append(link)
    return tuple(found)


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
