"""Shared pieces of the NRW rules: German labels of fields, uses and procedures, and number formatting.

The Fassungen of the laws are in ``rechtslage`` (BauO NRW, BauPrüfVO NRW) and ``baunvo.versions`` (BauNVO).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bauantrag.rules.model import Vorhaben

FIELD_LABELS: dict[str, str] = {
    "project_kind": "Art der Maßnahme",
    "use": "Nutzung",
    "detached": "freistehend ja/nein",
    "units": "Zahl der Nutzungseinheiten",
    "dwellings": "Zahl der Wohnungen",
    "storeys_full": "Zahl der Vollgeschosse",
    "storeys_above_ground": "Zahl der oberirdischen Geschosse",
    "height_m": "Höhe nach § 2 Abs. 3 Satz 2 BauO NRW (Fußbodenoberkante des höchsten Geschosses mit "
    "möglichem Aufenthaltsraum über Gelände im Mittel)",
    "structure_height_m": "Gesamthöhe der baulichen Anlage",
    "wall_height_mean_m": "mittlere Wandhöhe",
    "gross_floor_area_m2": "Brutto-Grundfläche der Nutzungseinheiten (ohne Kellergeschosse)",
    "largest_unit_floor_area_m2": "größte Fläche einer Nutzungseinheit in einem Geschoss",
    "largest_storey_area_m2": "Grundfläche des Geschosses mit der größten Ausdehnung",
    "floor_area_m2": "Geschossfläche",
    "gross_volume_m3": "Brutto-Rauminhalt",
    "sales_area_m2": "Fläche der Verkaufsräume und Ladenstraßen",
    "visitors": "Zahl der Besucherinnen und Besucher",
    "guest_places_inside": "Zahl der Gastplätze in Gebäuden",
    "beds": "Zahl der Betten",
    "persons_cared": "Zahl der betreuten Personen",
    "garage_usable_area_m2": "Nutzfläche der Garage",
    "has_aufenthaltsraum": "Aufenthaltsräume ja/nein",
    "underground": "unterirdisches Gebäude ja/nein",
    "planning_area": "planungsrechtliche Lage (Bebauungsplan, § 34 oder § 35 BauGB)",
    "plan_conforming": "Übereinstimmung mit dem Bebauungsplan ohne Ausnahme, Befreiung oder Abweichung",
    "access_secured": "gesicherte Erschließung",
    "existing_garages_area_m2": "Brutto-Grundfläche der auf dem Grundstück vorhandenen Garagen",
    "building_class": "Gebäudeklasse",
}

USE_LABELS: dict[str, str] = {
    "wohngebaeude": "Wohngebäude",
    "buero_verwaltung": "Büro- und Verwaltungsgebäude",
    "verkaufsstaette": "Einzelhandelsbetrieb (Verkaufsstätte)",
    "gaststaette": "Schank- und Speisewirtschaft",
    "beherbergung": "Betrieb des Beherbergungsgewerbes",
    "versammlungsstaette": "Versammlungsstätte",
    "kita": "Kindertageseinrichtung",
    "schule": "Schule",
    "krankenhaus": "Krankenhaus",
    "pflege": "Pflegeeinrichtung",
    "wohnheim": "Wohnheim",
    "garage": "Garage",
    "gewerbe": "Gewerbebetrieb",
    "lager": "Lager",
    "land_forstwirtschaft": "land- oder forstwirtschaftlicher Betrieb",
    "nebengebaeude": "Nebengebäude",
    "sonstiges": "sonstige Nutzung",
    "laden": "Laden",
    "handwerk": "Handwerksbetrieb",
    "tankstelle": "Tankstelle",
    "gartenbau": "Gartenbaubetrieb",
    "vergnuegungsstaette": "Vergnügungsstätte",
    "verwaltung": "Anlage für Verwaltungen",
    "anlage_kirchlich": "Anlage für kirchliche Zwecke",
    "anlage_kulturell": "Anlage für kulturelle Zwecke",
    "anlage_sozial": "Anlage für soziale Zwecke",
    "anlage_gesundheitlich": "Anlage für gesundheitliche Zwecke",
    "anlage_sportlich": "Anlage für sportliche Zwecke",
    "freie_berufe": "Räume oder Gebäude für freie Berufe",
    "betriebswohnung": "Wohnung für Aufsichts- und Bereitschaftspersonen oder Betriebsinhaber",
    "erneuerbare_energien": "Anlage zur Erzeugung von Strom oder Wärme aus erneuerbaren Energien",
}

PROCEDURE_LABELS: dict[str, str] = {
    "verfahrensfrei": "verfahrensfrei (§ 62 BauO NRW)",
    "genehmigungsfreistellung": "Genehmigungsfreistellung (§ 63 BauO NRW)",
    "vereinfachtes_verfahren": "vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)",
    "baugenehmigungsverfahren": "Baugenehmigungsverfahren (§ 65 BauO NRW)",
}

PLANNING_AREA_LABELS: dict[str, str] = {
    "bebauungsplan_qualifiziert": "qualifizierter Bebauungsplan (§ 30 Abs. 1 BauGB)",
    "bebauungsplan_vorhabenbezogen": "vorhabenbezogener Bebauungsplan (§§ 12, 30 Abs. 2 BauGB)",
    "bebauungsplan_einfach": "einfacher Bebauungsplan (§ 30 Abs. 3 BauGB)",
    "innenbereich_34": "unbeplanter Innenbereich (§ 34 BauGB)",
    "aussenbereich_35": "Außenbereich (§ 35 BauGB)",
}


def num(value: float | int, unit: str = "") -> str:
    """German number: ``6.5 -> "6,5"``, ``3000 -> "3.000"``; with an optional unit."""
    rounded = round(float(value), 2)
    if rounded.is_integer():
        text = f"{int(rounded):,}".replace(",", ".")
    else:
        whole, _, frac = f"{rounded:,.2f}".rstrip("0").partition(".")
        text = whole.replace(",", ".") + "," + frac
    return f"{text} {unit}".rstrip()


def labels(fields: Iterable[str]) -> str:
    """German enumeration of the labels of the given field names (the names themselves stay internal)."""
    parts = [FIELD_LABELS.get(name, name.replace("_", " ")) for name in fields]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " und " + parts[-1]


def inputs(v: Vorhaben, fields: Iterable[str]) -> dict[str, Any]:
    """The values of the given Vorhaben fields, for a finding's evidence."""
    return {name: getattr(v, name) for name in fields}
