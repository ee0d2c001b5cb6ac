"""The fee tariff of the Bauaufsicht as data: AVwGebO NRW, Allgemeiner Gebührentarif, Tarifstelle 3.1.

What the retrieved text fixes (``/work/shared/law`` copy of 2026-12-07, VERBATIM where cited):

* Tarifstelle 3.1.1.2: "Die Rohbausumme ergibt sich für die in Anhang 1 zu Tarifstelle 3.1.1.2 genannten
  Gebäudearten aus der Vervielfachung ihres Brutto-Rauminhaltes mit den Rohbauwerten je Kubikmeter
  Brutto-Rauminhaltes." The Rohbauwerte are published yearly in the Ministerialblatt (valid from 1 January).
* Anhang 1 zu Tarifstelle 3.1.1.2 names the Gebäudearten (``ANHANG_1``). The euro values of the retrieved copy are
  undated and not the current ones, so none is shipped: the Kommune enters the values of the year.

What the retrieved text does NOT contain and therefore is data the Kommune enters (``Rate``): the rates for the
Baugenehmigung and the vereinfachtes Verfahren (Tarifstellen 3.1.4.1 to 3.1.4.5, which of them applies to which
procedure included), the Genehmigungsfreistellung, the general minimum fee and the reductions for refusal and
withdrawal. Nothing here invents a rate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

#: The ordinance as cited in every fee decision (§ 1 Abs. 1 AVwGebO NRW, VERBATIM: "Für die im anliegenden
#: Allgemeinen Gebührentarif (Anlage) genannten Amtshandlungen werden die dort genannten Kosten erhoben.").
ORDINANCE = "AVwGebO NRW vom 8. August 2023 (GV. NRW. S. 489), geändert am 14. Mai 2024 (GV. NRW. S. 262)"
ROHBAUSUMME_TARIFSTELLE = "3.1.1.2"


class Purpose(Enum):
    """What a tariff entry is for. The procedures follow ``cases.models.Procedure`` (same values)."""

    GENEHMIGUNGSFREISTELLUNG = "genehmigungsfreistellung"
    VEREINFACHT = "vereinfachtes_verfahren"
    BAUGENEHMIGUNG = "baugenehmigungsverfahren"
    MINIMUM = "mindestgebuehr"
    REFUSAL = "ablehnung"
    WITHDRAWAL = "ruecknahme"

    @property
    def label(self) -> str:
        return PURPOSE_LABELS[self]

    @property
    def is_procedure(self) -> bool:
        return self in PROCEDURE_PURPOSES


PURPOSE_LABELS = {
    Purpose.GENEHMIGUNGSFREISTELLUNG: "Genehmigungsfreistellung (§ 63 BauO NRW)",
    Purpose.VEREINFACHT: "Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)",
    Purpose.BAUGENEHMIGUNG: "Baugenehmigungsverfahren (§ 65 BauO NRW)",
    Purpose.MINIMUM: "Mindestgebühr",
    Purpose.REFUSAL: "Ablehnung des Bauantrags",
    Purpose.WITHDRAWAL: "Rücknahme des Bauantrags",
}
PROCEDURE_PURPOSES = frozenset({Purpose.GENEHMIGUNGSFREISTELLUNG, Purpose.VEREINFACHT, Purpose.BAUGENEHMIGUNG})


class RateKind(Enum):
    PROMILLE = "promille"  # Tausendstel der Rohbausumme
    FIXED = "fest"  # fester Betrag in Euro
    FRAME = "rahmen"  # Rahmengebühr: von … bis … Euro, die Sachbearbeitung setzt den Betrag fest
    PERCENT_OF_FEE = "prozent"  # Prozent der Gebühr, die für die Entscheidung zu erheben wäre

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    RateKind.PROMILLE: "Tausendstel der Rohbausumme",
    RateKind.FIXED: "Fester Betrag (Euro)",
    RateKind.FRAME: "Rahmengebühr (von–bis, Euro)",
    RateKind.PERCENT_OF_FEE: "Prozent der Gebühr für die Entscheidung",
}

#: Which kinds of entry make sense for which purpose.
ALLOWED_KINDS = {
    Purpose.GENEHMIGUNGSFREISTELLUNG: frozenset({RateKind.PROMILLE, RateKind.FIXED, RateKind.FRAME}),
    Purpose.VEREINFACHT: frozenset({RateKind.PROMILLE, RateKind.FIXED, RateKind.FRAME}),
    Purpose.BAUGENEHMIGUNG: frozenset({RateKind.PROMILLE, RateKind.FIXED, RateKind.FRAME}),
    Purpose.MINIMUM: frozenset({RateKind.FIXED}),
    Purpose.REFUSAL: frozenset({RateKind.PERCENT_OF_FEE}),
    Purpose.WITHDRAWAL: frozenset({RateKind.PERCENT_OF_FEE}),
}


class TariffError(ValueError):
    """An entry of the tariff that cannot be used as it is (the message is German, for the Kommune)."""


@dataclass(frozen=True)
class Dated:
    valid_from: dt.date
    valid_to: dt.date | None  # last day in force; None: until further notice

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Rate(Dated):
    """One entry of the Kommune's tariff table: e.g. Tarifstelle "3.1.4.2", 6 Tausendstel, from 01.01.2026."""

    purpose: Purpose
    tarifstelle: str
    label: str
    kind: RateKind
    value: Decimal
    value_max: Decimal | None = None  # upper end of a Rahmengebühr
    source: str = ""

    def check(self) -> None:
        if self.kind not in ALLOWED_KINDS[self.purpose]:
            raise TariffError(f"„{self.kind.label}“ passt nicht zu „{self.purpose.label}“.")
        if self.value < 0 or (self.value_max is not None and self.value_max < 0):
            raise TariffError("Beträge und Sätze dürfen nicht negativ sein.")
        if self.kind is RateKind.FRAME and (self.value_max is None or self.value_max < self.value):
            raise TariffError("Eine Rahmengebühr braucht einen Höchstbetrag, der nicht unter dem Mindestbetrag liegt.")
        if self.kind is not RateKind.FRAME and self.value_max is not None:
            raise TariffError("Einen Höchstbetrag gibt es nur bei einer Rahmengebühr.")
        if self.kind is RateKind.PERCENT_OF_FEE and self.value > 100:
            raise TariffError("Ein Prozentsatz der Gebühr liegt zwischen 0 und 100.")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise TariffError("„Gültig bis“ liegt vor „Gültig ab“.")


@dataclass(frozen=True)
class Rohbauwert(Dated):
    """The Rohbauwert (Euro per m³ Brutto-Rauminhalt) of one Gebäudeart of Anhang 1, valid for a period."""

    gebaeudeart: str  # key of ANHANG_1
    eur_per_m3: Decimal
    source: str = ""


@dataclass(frozen=True)
class Gebaeudeart:
    key: str  # "1" … "21", "22a-leicht", "22a-mittel"
    number: str  # as printed, without the dot: "1", "22 a)"
    label: str


#: Anhang 1 zu Tarifstelle 3.1.1.2 AVwGebO NRW, the Gebäudearten as retrieved (VERBATIM, rows 1 to 22 a) "leicht"
#: and "mittel"; the rest of row 22 and any later row were not retrieved). Source: justiz-nrw.wolterskluwer-online.de,
#: "Anhang 1 AVwGebO NRW - zu Tarifstelle 3.1.1.2", retrieved 2026-12-07, copy undated. No euro values: see above.
ANHANG_1_SOURCE = ("Anhang 1 zu Tarifstelle 3.1.1.2 AVwGebO NRW (Gebäudearten wie abgerufen am 07.12.2026 aus "
                   "justiz-nrw.wolterskluwer-online.de; Fassung der Kopie nicht datiert)")
ANHANG_1: tuple[Gebaeudeart, ...] = (
    Gebaeudeart("1", "1", "Wohngebäude"),
    Gebaeudeart("2", "2", "Wochenendhäuser"),
    Gebaeudeart("3", "3", "Büro- und Verwaltungsgebäude"),
    Gebaeudeart("4", "4", "Schulen"),
    Gebaeudeart("5", "5", "Kindergärten"),
    Gebaeudeart("6", "6", "Hotels, Pensionen, Heime bis zu 60 Betten, Gaststätten"),
    Gebaeudeart("7", "7", "Hotels, Heime, Sanatorien mit mehr als 60 Betten"),
    Gebaeudeart("8", "8", "Krankenhäuser"),
    Gebaeudeart("9", "9", "Versammlungsstätten wie Fest-, Mehrzweckhallen, Lichtspieltheater "
                           "(soweit nicht unter Nummern 7 und 12)"),
    Gebaeudeart("10", "10", "Kirchen"),
    Gebaeudeart("11", "11", "Leichenhallen, Friedhofskapellen"),
    Gebaeudeart("12", "12", "Turn- und Sporthallen, einfache Mehrzweckhallen (soweit nicht unter Nummer 9)"),
    Gebaeudeart("13", "13", "Hallenbäder"),
    Gebaeudeart("14", "14", "Sonstige nicht unter Nummern 1 bis 13 aufgeführten eingeschossige Gebäude "
                             "(z. B. Umkleidegebäude von Sporthallen und Schwimmbädern, Vereinsheime)"),
    Gebaeudeart("15", "15", "ein- und mehrgeschossige Läden (Verkaufsstätten) bis 2 000 m² Verkaufsfläche "
                             "(soweit nicht unter Nummer 22)"),
    Gebaeudeart("16", "16", "eingeschossige Verkaufsstätten über 2 000 m² Verkaufsfläche, Einkaufszentren "
                             "(soweit nicht unter Nummer 22)"),
    Gebaeudeart("17", "17", "mehrgeschossige Verkaufsstätten über 2 000 m² Verkaufsfläche"),
    Gebaeudeart("18", "18", "Kleingaragen"),
    Gebaeudeart("19", "19", "eingeschossige Mittel- und Großgaragen"),
    Gebaeudeart("20", "20", "mehrgeschossige Mittel- und Großgaragen"),
    Gebaeudeart("21", "21", "Tiefgaragen"),
    Gebaeudeart("22a-leicht", "22 a)", "Hallenbauten wie Fabrik-, Werkstatt- und Lagerhallen, einfache Sport- und "
                                        "Tennishallen ohne oder mit geringen Einbauten, bis 3 000 m³ umbauter Raum "
                                        "– Bauart leicht"),
    Gebaeudeart("22a-mittel", "22 a)", "Hallenbauten wie Fabrik-, Werkstatt- und Lagerhallen, einfache Sport- und "
                                        "Tennishallen ohne oder mit geringen Einbauten, bis 3 000 m³ umbauter Raum "
                                        "– Bauart mittel"),
)
GEBAEUDEARTEN = {art.key: art for art in ANHANG_1}

#: Uses of the application form (cases.models.Use values) whose Gebäudeart in Anhang 1 is unambiguous. Every
#: other use (garages: Klein- or Mittelgarage; halls: Bauart; mixed buildings) is chosen by the clerk.
GEBAEUDEART_OF_USE = {
    "wohngebaeude": "1",
    "buero_verwaltung": "3",
    "schule": "4",
    "kita": "5",
    "krankenhaus": "8",
}


def gebaeudeart_label(key: str) -> str:
    art = GEBAEUDEARTEN.get(key)
    return f"Nr. {art.number} {art.label}" if art else key
