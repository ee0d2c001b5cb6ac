"""XPlanGML code lists the rules need to name things (shared with the XPlanGML reader)."""

from __future__ import annotations

HEIGHT_REFERENCE_POINTS = {  # XP_ArtHoehenbezugspunkt: Bezugspunkt einer Höhenangabe
    "1000": "Traufhöhe",
    "2000": "Firsthöhe",
    "3000": "Oberkante",
    "3500": "lichte Höhe",
    "4000": "Sockelhöhe",
    "4500": "Erdgeschoss-Fußbodenhöhe",
    "5000": "Höhe baulicher Anlagen",
    "5500": "Unterkante",
    "6000": "Gebäudehöhe",
    "6500": "Wandhöhe",
    "6600": "Geländeoberkante",
}
BEBAUUNGSARTEN = {  # BP_BebauungsArt: which Hausformen of § 22 Abs. 2 BauNVO the plan allows
    "1000": "nur Einzelhäuser",
    "2000": "nur Doppelhäuser",
    "3000": "nur Hausgruppen",
    "4000": "nur Einzel- und Doppelhäuser",
    "5000": "nur Einzelhäuser und Hausgruppen",
    "6000": "nur Doppelhäuser und Hausgruppen",
    "7000": "nur Reihenhäuser",
}
LEGAL_STATUS = {  # BP_Rechtsstand, in the words of the findings
    "1000": "Aufstellungsbeschluss",
    "2000": "Entwurf",
    "2100": "frühzeitige Behördenbeteiligung",
    "2200": "frühzeitige Öffentlichkeitsbeteiligung",
    "2250": "Entwurfsbeteiligung",
    "2300": "Behördenbeteiligung",
    "2400": "öffentliche Auslegung",
    "3000": "Satzung beschlossen",
    "4000": "in Kraft getreten",
    "4500": "teilweise untergegangen",
    "45000": "teilweise aufgehoben",
    "45001": "teilweise außer Kraft",
    "5000": "untergegangen",
    "50000": "aufgehoben",
    "50001": "außer Kraft",
}
