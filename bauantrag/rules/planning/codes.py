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
