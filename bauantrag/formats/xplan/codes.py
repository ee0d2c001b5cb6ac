"""German labels of the XPlanGML 6.0 codes the reader returns (enumerations of XPlanGML_6_0 BPlan/Basisschema)."""

from __future__ import annotations

from bauantrag.rules.planning.codes import BEBAUUNGSARTEN, HEIGHT_REFERENCE_POINTS

SPECIAL_USE = {  # XP_BesondereArtDerBaulNutzung
    "1000": "WS – Kleinsiedlungsgebiet",
    "1100": "WR – reines Wohngebiet",
    "1200": "WA – allgemeines Wohngebiet",
    "1300": "WB – besonderes Wohngebiet",
    "1400": "MD – Dorfgebiet",
    "1450": "MDW – dörfliches Wohngebiet",
    "1500": "MI – Mischgebiet",
    "1550": "MU – urbanes Gebiet",
    "1600": "MK – Kerngebiet",
    "1700": "GE – Gewerbegebiet",
    "1800": "GI – Industriegebiet",
    "2000": "SO – Sondergebiet, das der Erholung dient",
    "2100": "SO – sonstiges Sondergebiet",
    "3000": "Wochenendhausgebiet",
    "4000": "Sondergebiet",
    "9999": "sonstiges Gebiet",
}
GENERAL_USE = {  # XP_AllgArtDerBaulNutzung
    "1000": "W – Wohnbaufläche",
    "2000": "M – gemischte Baufläche",
    "3000": "G – gewerbliche Baufläche",
    "4000": "S – Sonderbaufläche",
    "9999": "sonstige Baufläche",
}
BAUWEISE = {"1000": "offene Bauweise", "2000": "geschlossene Bauweise", "3000": "abweichende Bauweise"}
BEBAUUNGSART = BEBAUUNGSARTEN  # BP_BebauungsArt (§ 22 Abs. 2 Satz 3 BauNVO)
REFERENCE_POINT = HEIGHT_REFERENCE_POINTS  # XP_ArtHoehenbezugspunkt
HEIGHT_REFERENCE = {  # XP_ArtHoehenbezug
    "1000": "absolut über NHN (DHHN92)",
    "1100": "absolut über NN",
    "1200": "absolut über NHN (DHHN2016)",
    "2000": "relativ zur Geländeoberkante",
    "2500": "relativ zur Gehweg-Oberkante",
    "3000": "relativ zur Bezugshöhe des Plans",
    "3500": "relativ zur Straßenmitte",
    "4000": "relativ zur Erdgeschoss-Fußbodenhöhe",
}
PLAN_KIND = {  # BP_PlanArt
    "1000": "Bebauungsplan",
    "10000": "einfacher Bebauungsplan (§ 30 Abs. 3 BauGB)",
    "10001": "qualifizierter Bebauungsplan (§ 30 Abs. 1 BauGB)",
    "10002": "Bebauungsplan zur Wohnraumversorgung (§ 9 Abs. 2d BauGB)",
    "3000": "vorhabenbezogener Bebauungsplan (§ 12 BauGB)",
    "3100": "Vorhaben- und Erschließungsplan",
    "4000": "Innenbereichssatzung (§ 34 Abs. 4 BauGB)",
    "40000": "Klarstellungssatzung",
    "40001": "Entwicklungssatzung",
    "40002": "Ergänzungssatzung",
    "5000": "Außenbereichssatzung (§ 35 Abs. 6 BauGB)",
    "7000": "örtliche Bauvorschrift",
    "9999": "sonstiger Plan",
}
LEGAL_STATUS = {  # BP_Rechtsstand
    "1000": "Aufstellungsbeschluss",
    "2000": "im Verfahren",
    "2100": "frühzeitige Behördenbeteiligung",
    "2200": "frühzeitige Öffentlichkeitsbeteiligung",
    "2250": "Entwurfsbeschluss",
    "2300": "Behördenbeteiligung",
    "2400": "öffentliche Auslegung",
    "3000": "Satzung",
    "4000": "in Kraft getreten",
    "4500": "teilweise untergegangen",
    "45000": "teilweise aufgehoben",
    "45001": "teilweise außer Kraft",
    "5000": "untergegangen",
    "50000": "aufgehoben",
    "50001": "außer Kraft",
}


def label(table: dict[str, str], code: str | None) -> str | None:
    """The German label of ``code``, the code itself if unknown, None if no code."""
    if code is None:
        return None
    return table.get(code, code)
