"""The BauNVO that governs a Bebauungsplan (§§ 25 to 25g BauNVO) and the Vollgeschoss definition at its date.

A plan is governed by the BauNVO in force when its draft was publicly displayed, e.g. § 25e: „Ist der Entwurf eines
Bauleitplans vor dem 23. Juni 2021 nach § 3 Absatz 2 des Baugesetzbuchs … öffentlich ausgelegt worden, ist auf ihn
diese Verordnung in der bis zum 23. Juni 2021 geltenden Fassung anzuwenden.“ (likewise § 25c: 27.01.1990, § 25d:
20.09.2013, § 25f: 01.01.2023, § 25g: 07.07.2023). The plan data name the version (``versionBauNVO``) or at least a
date: the draft was displayed before the plan came into force, so the version in force on that day is the newest
that can govern.

The rules encode the text from 07.07.2023 (law/BauNVO-2023.md). The amendments since 23.06.2021 changed only
§§ 8, 9, 11, 14, 19 and the transitional rules (Art. 3 G v. 04.01.2023: § 14, § 25f; Art. 2 G v. 03.07.2023:
§§ 8, 9, 11, 14, 19, 25g – per buzer.de, one consolidated source), so for the Art der Nutzung of §§ 2 to 7, 12 and
13 the Fassungen from 23.06.2021 read like the encoded text. Older texts are not encoded.

Vollgeschosse (§ 20 Abs. 1 BauNVO) follow the BauO in force at the plan's date (static reference, OVG NRW,
Urt. v. 03.05.2018 – 10 A 2937/15, via REVIEW-2026-12.md Q-Vollgeschoss): BauO NW 1962/1970 until 31.12.1984,
BauO NW 1984/1995 and BauO NRW 2000 from 01.01.1985 to 31.12.2018, BauO NRW 2018 from 01.01.2019.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bauantrag.rules.law import german_date
from bauantrag.rules.planning.plan import Bebauungsplan

_D = dt.date


@dataclass(frozen=True)
class BauNVOVersion:
    key: str
    name: str
    displayed_from: dt.date  # governs plans whose draft was displayed on or after this day
    rule: str  # the transitional provision that draws the line
    art_encoded: bool  # §§ 2 to 7, 12, 13 read like the encoded text


VERSIONS: tuple[BauNVOVersion, ...] = (
    BauNVOVersion("1962", "BauNVO 1962", _D(1962, 8, 1), "§ 25 BauNVO", False),
    BauNVOVersion("1968", "BauNVO 1968", _D(1969, 1, 1), "§ 25 BauNVO", False),
    BauNVOVersion("1977", "BauNVO 1977", _D(1977, 10, 1), "§ 25a BauNVO", False),
    BauNVOVersion("1986", "BauNVO 1977 i.d.F. der dritten Änderungsverordnung", _D(1987, 1, 1), "§ 25b BauNVO",
                  False),
    BauNVOVersion("1990", "BauNVO 1990", _D(1990, 1, 27), "§ 25c BauNVO", False),
    BauNVOVersion("2013", "BauNVO in der ab 20.09.2013 geltenden Fassung", _D(2013, 9, 20), "§ 25d BauNVO", False),
    BauNVOVersion("2017", "BauNVO in der ab 13.05.2017 geltenden Fassung (Bek. vom 21.11.2017)", _D(2017, 5, 13),
                  "Änderungsgesetz vom 04.05.2017 (ohne Überleitungsvorschrift)", False),
    BauNVOVersion("2021", "BauNVO in der ab 23.06.2021 geltenden Fassung", _D(2021, 6, 23), "§ 25e BauNVO", True),
    BauNVOVersion("2023-01", "BauNVO in der ab 01.01.2023 geltenden Fassung", _D(2023, 1, 1), "§ 25f BauNVO", True),
    BauNVOVersion("2023-07", "BauNVO in der ab 07.07.2023 geltenden Fassung", _D(2023, 7, 7), "§ 25g BauNVO", True),
)
ENCODED = VERSIONS[-1]
#: versionBauNVO years of XPlanGML (4.1 codes, 5.x/6.0 dates or texts) → version key
_BY_YEAR = ((1962, "1962"), (1968, "1968"), (1977, "1977"), (1986, "1986"), (1990, "1990"), (2013, "2013"),
            (2017, "2017"), (2021, "2021"), (2023, "2023-07"))


@dataclass(frozen=True)
class Governing:
    """The BauNVO that governs the plan: ``encoded`` True (decidable), False (older text) or None (unclear)."""

    name: str
    encoded: bool | None
    why: str

    def evidence(self) -> dict[str, object]:
        return {"baunvo_governing": self.name, "baunvo_encoded": self.encoded}


def in_force_on(day: dt.date) -> BauNVOVersion:
    return [v for v in VERSIONS if v.displayed_from <= day][-1] if day >= VERSIONS[0].displayed_from else VERSIONS[0]


def _by_year(year: int) -> BauNVOVersion:
    key = [key for start, key in _BY_YEAR if start <= year][-1] if year >= 1962 else "1962"
    return next(v for v in VERSIONS if v.key == key)


def plan_date(plan: Bebauungsplan) -> dt.date | None:
    return plan.in_force_date or plan.ordinance_date


def governing(plan: Bebauungsplan) -> Governing:
    """Which BauNVO governs the plan, from its versionBauNVO, else from its dates."""
    day = plan_date(plan)
    if plan.baunvo_year is not None:
        stated = _by_year(plan.baunvo_year)
        why = f"Der Plan nennt die BauNVO {plan.baunvo_version or plan.baunvo_year}."
        if day is not None and stated.displayed_from > day:
            newest = in_force_on(day)
            return Governing(
                f"{newest.name} oder eine ältere Fassung", False,
                why + f" Der Plan trat aber schon am {german_date(day)} in Kraft, als diese Fassung noch nicht galt; "
                f"maßgeblich ist höchstens die {newest.name} ({newest.rule}). Die Angabe im Plan bitte prüfen.",
            )
        if stated.key == "2017" and day is not None and day >= _D(2021, 6, 23):
            return Governing(
                "BauNVO i.d.F. der Bek. vom 21.11.2017, bei Auslegung des Entwurfs vor dem 23.06.2021 ohne die "
                "Änderungen ab 23.06.2021", None,
                why + f" Der Plan trat am {german_date(day)} in Kraft; ob der Entwurf vor dem 23.06.2021 ausgelegt "
                "wurde (§ 25e BauNVO), geht aus den Plandaten nicht hervor.",
            )
        return Governing(stated.name, stated.art_encoded, why)
    if day is None:
        return Governing(
            "BauNVO in der Fassung bei öffentlicher Auslegung des Entwurfs", None,
            "Der Plan nennt weder die BauNVO-Fassung noch ein Datum des Inkrafttretens.",
        )
    newest = in_force_on(day)
    why = (
        f"Der Plan nennt die BauNVO-Fassung nicht; er trat am {german_date(day)} in Kraft, der Entwurf wurde also "
        f"vorher ausgelegt: maßgeblich ist höchstens die {newest.name} ({newest.rule})"
    )
    if not newest.art_encoded:
        return Governing(f"{newest.name} oder eine ältere Fassung", False, why + ", möglicherweise eine ältere.")
    return Governing(
        f"{newest.name} oder eine ältere Fassung", None,
        why + "; wurde der Entwurf vor dem 23.06.2021 ausgelegt, gilt eine ältere Fassung (§ 25e BauNVO).",
    )


@dataclass(frozen=True)
class VollgeschossRegime:
    key: str  # "1970" | "2000" | "2018" | "unknown" | "other_land"
    basis: str
    definition: str


REGIMES = {
    "1970": VollgeschossRegime(
        "1970", "§ 2 BauO NW 1962/1970",
        "BauO NW 1962/1970 (bis 31.12.1984; lichte Höhe für Aufenthaltsräume über mindestens zwei Drittel der "
        "Grundfläche, Kellergeschosse mit mehr als 1,40 m über Gelände angerechnet – Inhalt nach einer "
        "Sekundärquelle, Wortlaut nicht hinterlegt)",
    ),
    "2000": VollgeschossRegime(
        "2000", "§ 2 Abs. 5 BauO NW 1984/1995 bzw. BauO NRW 2000",
        "BauO NW 1984/1995 und BauO NRW 2000 (01.01.1985 bis 31.12.2018; Deckenoberkante im Mittel mehr als 1,60 m "
        "über Gelände und mindestens 2,30 m Höhe; Staffel- und Dachgeschosse mit eigenen Flächenanteilen – Wortlaut "
        "nicht hinterlegt)",
    ),
    "2018": VollgeschossRegime(
        "2018", "§ 2 Abs. 6 BauO NRW",
        "§ 2 Abs. 6 BauO NRW 2018 (oberirdisches Geschoss mit mindestens 2,30 m lichter Höhe über mehr als drei "
        "Viertel der Grundfläche des darunterliegenden Geschosses; in der Fassung ab 01.01.2024 gleichlautend)",
    ),
}


def vollgeschoss_regime(plan: Bebauungsplan) -> VollgeschossRegime | None:
    """The Vollgeschoss definition of the BauO NRW in force at the plan's date (None: date unknown)."""
    day = plan_date(plan)
    if day is None:
        return None
    if day < _D(1985, 1, 1):
        return REGIMES["1970"]
    if day < _D(2019, 1, 1):
        return REGIMES["2000"]
    return REGIMES["2018"]
