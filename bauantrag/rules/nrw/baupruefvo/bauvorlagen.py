"""The Bauvorlagen of the BauPrüfVO NRW and the XBau document types that stand for them.

Codes from the XBau code list ``urn:xoev-de:xbau:codeliste:vorlagenantragstellung`` version 4.0
(``bauantrag/data/xbau/``). A document of an *accepted* type satisfies the Bauvorlage; a document of only
the *generic* (pauschal, "ganze Hunderter") type may be it and gives ``needs_review``.

| slug                   | Vorschrift                 | accepted XBau codes                        | generic |
| ---------------------- | -------------------------- | ------------------------------------------ | ------- |
| flurkarte              | § 2 BauPrüfVO              | 1802, 1801, 1804 (§ 2 Abs. 2 S. 3)         | 1800    |
| lageplan               | § 3 BauPrüfVO              | 1803, 1804                                 | 1800    |
| berechnung_mass        | § 3 Abs. 2 BauPrüfVO       | 1901                                       | 1900    |
| bauzeichnungen         | § 4 BauPrüfVO              | 2000, or all three of 2001, 2002, 2003     | –       |
| baubeschreibung        | § 5 Abs. 1 BauPrüfVO       | 1500, 1501, 1502                           | –       |
| betriebsbeschreibung   | § 5 Abs. 2, 3 BauPrüfVO    | 1600, 1601, 1602, 1603                     | –       |
| kostenermittlung       | § 6 BauPrüfVO              | 2201, 2601, 2602                           | 2600    |
| brandschutzkonzept     | § 9 BauPrüfVO              | 2705                                       | 2700    |
| barrierefrei_konzept   | § 9a BauPrüfVO             | 2401                                       | 2400    |
| erklaerung_brandschutz | § 13 Abs. 1 S. 3 BauPrüfVO, § 68 Abs. 4 S. 2 BauO NRW (2024) | 2712     | 2700    |
| bescheinigung_brandschutz | § 68 Abs. 2 S. 1 BauO NRW (2024) | 2702                                | 2700    |
| bauvorlageberechtigung | § 67 BauO NRW              | 0400, 0401, 0402, 0403, 0404, 0405         | –       |

(flurkarte = Auszug aus dem Liegenschaftskataster; berechnung_mass = Berechnung des Maßes der baulichen
Nutzung; kostenermittlung = Berechnungen und Angaben zur Kostenermittlung, Brutto-Rauminhalt nach DIN 277.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bauvorlage:
    slug: str
    name: str
    paragraph: str
    accepted: dict[str, str]
    generic: dict[str, str]
    parts: dict[str, str]


def _bv(
    slug: str,
    name: str,
    paragraph: str,
    accepted: dict[str, str],
    generic: dict[str, str] | None = None,
    parts: dict[str, str] | None = None,
) -> Bauvorlage:
    return Bauvorlage(slug, name, paragraph, accepted, generic or {}, parts or {})


_LAGEPLAN_GENERIC = {"1800": "Lageplan und Liegenschaftskarte"}

BAUVORLAGEN: dict[str, Bauvorlage] = {
    bv.slug: bv
    for bv in (
        _bv(
            "flurkarte",
            "Auszug aus dem Liegenschaftskataster (Flurkarte)",
            "§ 2 BauPrüfVO NRW",
            {
                "1802": "Liegenschaftskarte / Flurkarte",
                "1801": "Auszug aus der Basiskarte 1:5000",
                "1804": "Amtlicher Lageplan",
            },
            _LAGEPLAN_GENERIC,
        ),
        _bv(
            "lageplan",
            "Lageplan",
            "§ 3 BauPrüfVO NRW",
            {"1803": "Lageplan", "1804": "Amtlicher Lageplan"},
            _LAGEPLAN_GENERIC,
        ),
        _bv(
            "berechnung_mass",
            "Berechnung des Maßes der baulichen Nutzung",
            "§ 3 Abs. 2 BauPrüfVO NRW",
            {"1901": "Berechnung des Maßes der geplanten baulichen Nutzung [GFZ | GRZ | BMZ ]"},
            {"1900": "Planungsrecht"},
        ),
        _bv(
            "bauzeichnungen",
            "Bauzeichnungen (Grundrisse, Schnitte, Ansichten)",
            "§ 4 BauPrüfVO NRW",
            {"2000": "Bauzeichnungen"},
            parts={"2001": "Grundrisse", "2002": "Schnitte", "2003": "Ansichten"},
        ),
        _bv(
            "baubeschreibung",
            "Baubeschreibung",
            "§ 5 Abs. 1 BauPrüfVO NRW",
            {
                "1500": "Baubeschreibung",
                "1501": "Baubeschreibung formlos",
                "1502": "Baubeschreibung Vordruck",
            },
        ),
        _bv(
            "betriebsbeschreibung",
            "Betriebsbeschreibung",
            "§ 5 Abs. 2 und 3 BauPrüfVO NRW",
            {
                "1600": "Betriebsbeschreibung",
                "1601": "Betriebsbeschreibung für gewerbliche Betriebe",
                "1602": "Betriebsbeschreibung für landwirtschaftliche Betriebe",
                "1603": "Betriebsbeschreibung formlos",
            },
        ),
        _bv(
            "kostenermittlung",
            "Berechnungen und Angaben zur Kostenermittlung (Brutto-Rauminhalt nach DIN 277)",
            "§ 6 BauPrüfVO NRW",
            {
                "2201": "Berechnung des umbauten Raums nach DIN 277",
                "2601": "Berechnung der Rohbaukosten",
                "2602": "Berechnung der Herstellungskosten",
            },
            {"2600": "Baukosten"},
        ),
        _bv(
            "brandschutzkonzept",
            "Brandschutzkonzept",
            "§ 9 BauPrüfVO NRW",
            {"2705": "Brandschutzkonzept"},
            {"2700": "Brandschutz"},
        ),
        _bv(
            "barrierefrei_konzept",
            "Barrierefrei-Konzept",
            "§ 9a BauPrüfVO NRW",
            {"2401": "Konzept zur Barrierefreiheit"},
            {"2400": "Barrierefreiheit"},
        ),
        _bv(
            "erklaerung_brandschutz",
            "Erklärung der Entwurfsverfassenden, dass das Vorhaben den Anforderungen an den Brandschutz "
            "entspricht",
            "§ 13 Abs. 1 Satz 3 BauPrüfVO NRW",
            {"2712": "Erklärung über die Einhaltung der Anforderungen des Brandschutzes"},
            {"2700": "Brandschutz"},
        ),
        _bv(
            "bescheinigung_brandschutz",
            "Bescheinigung einer sachverständigen Person, dass das Vorhaben den Anforderungen an den Brandschutz "
            "entspricht",
            "§ 68 Abs. 2 Satz 1 BauO NRW",
            {"2702": "Bescheinigung des Brandschutznachweises"},
            {"2700": "Brandschutz"},
        ),
        _bv(
            "bauvorlageberechtigung",
            "Nachweis der Bauvorlageberechtigung der Entwurfsverfasserin oder des Entwurfsverfassers",
            "§ 67 BauO NRW",
            {
                "0400": "Nachweis der Bauvorlageberechtigung",
                "0401": "Nachweis der Bauvorlageberechtigung - Architekt",
                "0402": "Nachweis der Bauvorlageberechtigung - Bauingenieur",
                "0403": "Nachweis der Bauvorlageberechtigung - Innenarchitekt",
                "0404": "Nachweis der Bauvorlageberechtigung - Ingenieur",
                "0405": "Nachweis der Bauvorlageberechtigung - Person mit Befähigung zum bautechnischen "
                "Verwaltungsdienst Laufbahngruppe 2",
            },
        ),
    )
}
