"""§ 72 BauO NRW: the periods of the Beteiligung der Nachbarinnen und Nachbarn und der Öffentlichkeit.

Wording of the Fassung ab 01.01.2024 (consolidated copy of recht.nrw.de, Stand 14.04.2026; ../shared/law):

* Abs. 1 Satz 1: „Die Bauaufsichtsbehörde soll die Eigentümer angrenzender Grundstücke (Nachbarinnen und Nachbarn)
  vor Erteilung von Abweichungen und Befreiungen durch Zustellung benachrichtigen, wenn zu erwarten ist, dass
  öffentlich-rechtlich geschützte nachbarliche Belange berührt werden.“
* Abs. 1 Satz 3: „Einwendungen sind innerhalb von einem Monat nach Zugang der Benachrichtigung bei der
  Bauaufsichtsbehörde in Textform oder zur Niederschrift vorzubringen.“
* Abs. 1 Satz 4: „Die nach Satz 1 durch Zustellung benachrichtigten beteiligten Nachbarinnen und Nachbarn sind mit
  allen öffentlich-rechtlichen Einwendungen ausgeschlossen, die nicht innerhalb der Frist nach Satz 2 geltend gemacht
  worden sind, auf diese Rechtsfolge ist in der Benachrichtigung hinzuweisen.“
* Abs. 2: „Die Benachrichtigung entfällt, wenn die zu benachrichtigenden Nachbarinnen und Nachbarn die Lagepläne und
  Bauzeichnungen unterschrieben oder dem Bauvorhaben auf andere Weise zugestimmt haben. Haben die Nachbarinnen und
  Nachbarn dem Bauvorhaben nicht zugestimmt, ist ihnen die Baugenehmigung zuzustellen.“
* Abs. 5 Satz 1, 3: after the Bekanntmachung the application is laid out „einen Monat zur Einsicht“; „Bis zwei Wochen
  nach Ablauf der Auslegungsfrist kann die Öffentlichkeit … schriftlich Einwendungen erheben, mit Ablauf dieser Frist
  sind alle öffentlich-rechtlichen Einwendungen ausgeschlossen.“
* Abs. 6 Satz 1: „Bei mehr als 20 Nachbarinnen und Nachbarn, denen die Baugenehmigung nach Absatz 2 Satz 2
  zuzustellen ist, kann die Zustellung durch öffentliche Bekanntmachung ersetzt werden.“ Satz 4: „Eine Ausfertigung
  des gesamten Genehmigungsbescheids ist vom Tage nach der Bekanntmachung an zwei Wochen zur Einsicht auszulegen.“
  Satz 8: „Mit dem Ende der Auslegungsfrist gilt der Bescheid auch Dritten gegenüber, die keine Einwendungen erhoben
  haben, als zugestellt“.

The Fassung vom 22.09.2021 bis 31.12.2023 gave „zwei Wochen“ and no Präklusion (REVIEW-2026-12 § 3.8; LAW.md:
„Einwendungen sind innerhalb von zwei Wochen nach Zugang der Benachrichtigung … vorzubringen. Die Vorschriften des
Verwaltungsverfahrensgesetzes … sind insoweit nicht anzuwenden.“). The wording of
the Fassung ab 01.09.2026 is not available: the 2024 period is applied and the answer says „zu prüfen“. Which Fassung
governs a case is the Rechtslage of its submission (§ 90 Abs. 4 BauO NRW, ``nrw.rechtslage``).

Periods are counted by § 31 VwVfG NRW (``rules.fristen``). Whether § 31 Abs. 3 (end moved off a Saturday, Sunday or
holiday) also moves the end of a Auslegung is not decided anywhere we have read: the later end is used (the
cautious reading: nobody loses a day) and the result says „zu prüfen“ when it moved. Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bauantrag.rules.fristen import Fristende, fristende
from bauantrag.rules.law import german_date

#: § 72 Abs. 6 Satz 1: more than this many neighbours to be served → the Zustellung may be replaced by a notice.
ZUSTELLUNG_ERSETZBAR_UEBER = 20

_BASIS_2024 = "§ 72 Abs. 1 Satz 3 BauO NRW"
_UNKNOWN_FASSUNG = (
    "Für Anträge ab dem 01.09.2026 gilt eine Fassung der BauO NRW, deren Wortlaut nicht vorliegt; berechnet ist die "
    "Frist nach § 72 Abs. 1 Satz 3 in der ab 01.01.2024 geltenden Fassung (ein Monat). Frist und Ausschlusswirkung "
    "sind zu prüfen."
)
_OLD_FASSUNG = (
    "Für diesen Antrag gilt die BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung (§ 90 Abs. 4 "
    "BauO NRW): Einwendungen binnen zwei Wochen, ohne Ausschluss verspäteter Einwendungen. Nach § 72 Abs. 1 Satz 3 "
    "dieser Fassung sind die Vorschriften des VwVfG NRW „insoweit nicht anzuwenden“: ob § 31 VwVfG NRW die Frist "
    "zählt, ist zu prüfen."
)
_BEFORE_2021 = (
    "Für diesen Antrag gilt eine Fassung der BauO NRW vor dem 22.09.2021, deren Wortlaut nicht vorliegt; die Frist "
    "für Einwendungen ist zu prüfen."
)
_MOVED = (
    "Das rechnerische Ende ({calendar}) fällt auf einen Sonnabend, Sonntag oder Feiertag; angegeben ist der nächste "
    "Werktag (§ 31 Abs. 3 Satz 1 VwVfG NRW). Ob das für diese Frist gilt, ist zu prüfen."
)


@dataclass(frozen=True)
class Einwendungsfrist:
    """The period of § 72 Abs. 1 Satz 3 for one neighbour, from the day the notification reached them."""

    zugang: dt.date
    ende: Fristende
    laenge: str  # "einem Monat" / "zwei Wochen", as the letter says it
    legal_basis: str
    ausschluss: bool  # Satz 4: late public-law objections are excluded (2024 wording)
    zu_pruefen: str  # the clerk's note when the wording or the computation is unsure; "" when it is not

    @property
    def end(self) -> dt.date:
        return self.ende.end


def einwendungsfrist(zugang: dt.date, bauo_key: str) -> Einwendungsfrist:
    """The last day for a neighbour's Einwendungen, for a case governed by the BauO NRW Fassung ``bauo_key`` (the
    keys of ``nrw.rechtslage.BAUO_NRW``).

    Worked example (Fassung 2024): Zugang Dienstag 05.01.2027 → Fristbeginn 06.01.2027, Ende Freitag 05.02.2027.
    Zugang 24.12.2026 → rechnerisch Sonntag 24.01.2027 → Montag 25.01.2027 (§ 31 Abs. 3 VwVfG NRW)."""
    if bauo_key == "bauo_nrw_2021":
        ende = fristende(zugang, weeks=2)
        return Einwendungsfrist(zugang, ende, "zwei Wochen", "§ 72 Abs. 1 Satz 2 BauO NRW (Fassung 2021)", False,
                                _OLD_FASSUNG)
    ende = fristende(zugang, months=1)
    note = {"bauo_nrw_2026": _UNKNOWN_FASSUNG, "bauo_nrw_vor_2021": _BEFORE_2021}.get(bauo_key, "")
    return Einwendungsfrist(zugang, ende, "einem Monat", _BASIS_2024, True, note)


def is_late(eingang: dt.date, frist: Einwendungsfrist) -> bool:
    """An Einwendung that came in after the last day of the period."""
    return eingang > frist.end


@dataclass(frozen=True)
class Auslegung:
    """A Bekanntmachung's periods: the Auslegung and (Abs. 5) the Einwendungen of the public after it."""

    bekanntmachung: dt.date
    auslegung_von: dt.date
    auslegung_bis: Fristende
    einwendungen_bis: Fristende | None
    legal_basis: str

    @property
    def zu_pruefen(self) -> str:
        notes = [_MOVED.format(calendar=german_date(f.calendar_end))
                 for f in (self.auslegung_bis, self.einwendungen_bis) if f is not None and f.moved]
        return " ".join(dict.fromkeys(notes))


def auslegung_vorhaben(bekanntmachung: dt.date, auslegung_von: dt.date) -> Auslegung:
    """§ 72 Abs. 3 Satz 1, Abs. 5: the Vorhaben is laid out for one month from ``auslegung_von`` (a day after the
    Bekanntmachung, named in it, Abs. 4 Nr. 2); the public may object until two weeks after the Auslegung ended.

    The first day of the Auslegung counts (§ 187 Abs. 2 BGB), so the month ends with the day before the day of the
    same number (§ 188 Abs. 2 BGB): computed as a period set off by an event on the day before.
    Example: Auslegung from Dienstag 02.03.2027 → ends Donnerstag 01.04.2027; Einwendungen until 15.04.2027."""
    if auslegung_von <= bekanntmachung:
        raise ValueError("Die Auslegung beginnt nach der Bekanntmachung (§ 72 Abs. 5 Satz 1 BauO NRW).")
    bis = fristende(auslegung_von - dt.timedelta(days=1), months=1)
    einwendungen = fristende(bis.end, weeks=2)
    return Auslegung(bekanntmachung, auslegung_von, bis, einwendungen, "§ 72 Abs. 5 Satz 1 und 3 BauO NRW")


def auslegung_bescheid(bekanntmachung: dt.date) -> Auslegung:
    """§ 72 Abs. 6 Satz 4, 8: the Bescheid is laid out for two weeks from the day after the Bekanntmachung; with the
    end of that period it counts as served. Example: Bekanntmachung Mittwoch 03.02.2027 → Ende Mittwoch 17.02.2027."""
    bis = fristende(bekanntmachung, weeks=2)
    return Auslegung(bekanntmachung, bekanntmachung + dt.timedelta(days=1), bis, None,
                     "§ 72 Abs. 6 Satz 4 und 8 BauO NRW")


def zustellung_ersetzbar(anzahl: int) -> bool:
    """§ 72 Abs. 6 Satz 1: more than 20 neighbours to be served → a public notice may replace the Zustellung."""
    return anzahl > ZUSTELLUNG_ERSETZBAR_UEBER
