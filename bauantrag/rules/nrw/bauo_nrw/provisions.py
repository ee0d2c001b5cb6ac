"""What differs between the Fassungen of the BauO NRW, as data: one ``BauOProvisions`` per Fassung with a text.

The rules read their thresholds and citations from here, so a new Fassung (e.g. the one from 01.09.2026 once its
text is available) is one more entry – plus a rule module only where a Fassung brings a new kind of rule. Each
value names the sentence it comes from (2021: LAW.md Teil A; 2024: law/BauO-NRW-2024.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from bauantrag.rules.law import LawVersion

#: Said where a 2024 value rests on one consolidated copy only (REVIEW-2026-12.md, section 4).
SINGLE_SOURCE = (
    "Der Wortlaut der ab 01.01.2024 geltenden Fassung liegt nur in einer konsolidierten Abschrift von recht.nrw.de "
    "vor (Stand 14.04.2026); eine zweite Quelle für diese Stelle wurde nicht gefunden."
)


@dataclass(frozen=True)
class BauOProvisions:
    #: § 63 Abs. 1 Satz 1 Nr. 1: Genehmigungsfreistellung for Wohngebäude up to this Gebäudeklasse
    freistellung_wohngebaeude_bis_gk: int
    #: the clerk's doubt about that limit ("" when confirmed)
    freistellung_note: str
    #: § 63: the sentence that keeps §§ 67, 68 (Bauvorlageberechtigung) for the Freistellung
    freistellung_bauvorlagen: str
    #: § 6 Abs. 1: the sentence on walls at the boundary (Grenzbebauung)
    grenzbebauung: str
    #: § 6 Abs. 8 Satz 1 and the total length of privileged buildings at the boundaries (last sentence)
    abs8_items: str
    abs8_total_length_m: float
    #: § 68 Abs. 2 Satz 1, Abs. 4: proof of fire safety before the Baugenehmigung
    brandschutz_vor_genehmigung: bool
    #: § 67 Abs. 4a: Meisterinnen und Meister bauvorlageberechtigt for Gebäudeklassen 1 and 2
    meister_bauvorlageberechtigt: bool
    #: § 64 Abs. 2: Sonderbauten under Directive (EU) 2018/2001 in the vereinfachte Verfahren
    erneuerbare_sonderbauten_vereinfacht: bool
    #: § 2 Abs. 3 Satz 1 Nr. 1 Buchst. b: land- oder forstwirtschaftlich genutzte Gebäude need to be freistehend
    #: (True), need not (False), or the wording is in doubt (None)
    landwirtschaft_gk1_freistehend: bool | None


PROVISIONS: dict[str, BauOProvisions] = {
    "bauo_nrw_2021": BauOProvisions(
        freistellung_wohngebaeude_bis_gk=3,
        freistellung_note="",
        freistellung_bauvorlagen="§ 63 Abs. 8 Satz 1",
        grenzbebauung="§ 6 Abs. 1 Satz 3",
        abs8_items="Garagen und Gebäude bis 30 m³ ohne Aufenthaltsräume mit einer mittleren Wandhöhe bis 3 m, "
        "Gesamtlänge je Nachbargrenze 9 m, insgesamt 15 m",
        abs8_total_length_m=15.0,
        brandschutz_vor_genehmigung=False,
        meister_bauvorlageberechtigt=False,
        erneuerbare_sonderbauten_vereinfacht=False,
        landwirtschaft_gk1_freistehend=True,
    ),
    "bauo_nrw_2024": BauOProvisions(
        freistellung_wohngebaeude_bis_gk=4,
        freistellung_note=(
            "§ 63 Abs. 1 Satz 1 Nr. 1 in der ab 01.01.2024 geltenden Fassung: „Wohngebäuden der Gebäudeklassen 1 bis "
            "4“ (bis 31.12.2023: 1 bis 3). " + SINGLE_SOURCE + " Bitte die Freistellung von Wohngebäuden der "
            "Gebäudeklasse 4 am amtlichen Text bestätigen."
        ),
        freistellung_bauvorlagen="§ 63 Abs. 7 Satz 1",
        grenzbebauung="§ 6 Abs. 1 Satz 4",
        abs8_items="Garagen und Gebäude bis 30 m³ ohne Aufenthaltsräume mit einer mittleren Wandhöhe bis 3 m, "
        "Wärmepumpen mit Einhausungen (Nr. 6), Gesamtlänge je Nachbargrenze 9 m, insgesamt 18 m",
        abs8_total_length_m=18.0,
        brandschutz_vor_genehmigung=True,
        meister_bauvorlageberechtigt=True,
        erneuerbare_sonderbauten_vereinfacht=True,
        landwirtschaft_gk1_freistehend=None,
    ),
}


def provisions_for(version: LawVersion) -> BauOProvisions:
    """The provisions of the Fassung whose wording the rules apply."""
    return PROVISIONS[version.key]
