"""The fee of one case from the Kommune's tariff data, line by line (pure Python, no Django).

Recipe (Tarifstelle 3.1.1.2 AVwGebO NRW as retrieved, the rest is the Kommune's data):

1. Rohbausumme = Brutto-Rauminhalt (m³) × Rohbauwert (Euro/m³) of the Gebäudeart (Anhang 1), valid on the day
   of the fee decision — only where the procedure's rate is a share (Tausendstel) of the Rohbausumme;
2. fee of the procedure = rate × Rohbausumme / 1000, or the fixed amount; a Rahmengebühr is set by the clerk;
3. refusal or withdrawal: the Kommune's percentage of the fee that would have been due (a reduction line);
4. not below the Kommune's minimum fee (a line that raises the amount to it).

Rounding: the retrieved tariff text contains no rounding rule, so every line is rounded to full cents
(half up) and the total is the sum of the lines; ``ROUNDING_NOTE`` says so on every calculation.

Where a figure is missing the result has no total and ``missing`` says exactly which figure to enter — a rate is
never assumed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from bauantrag.rules.fees.tariff import (
    ANHANG_1_SOURCE,
    ORDINANCE,
    ROHBAUSUMME_TARIFSTELLE,
    Purpose,
    Rate,
    RateKind,
    Rohbauwert,
    TariffError,
    gebaeudeart_label,
)
from bauantrag.rules.law import german_date

CENT = Decimal("0.01")
ROUNDING_NOTE = ("Rundung: auf volle Cent (kaufmännisch) je Zeile; der abgerufene Text der Tarifstelle 3.1 "
                 "enthält keine Rundungsregel.")
UNKNOWN_PROCEDURE_TARIFSTELLE = "3.1.4.1–3.1.4.5"


class Outcome(Enum):
    APPROVAL = "genehmigung"
    REFUSAL = "ablehnung"
    WITHDRAWAL = "ruecknahme"


REDUCTION_PURPOSE = {Outcome.REFUSAL: Purpose.REFUSAL, Outcome.WITHDRAWAL: Purpose.WITHDRAWAL}


@dataclass(frozen=True)
class FeeCase:
    """What the calculation needs to know about a case."""

    procedure: Purpose | None  # one of the procedure purposes; None: not determined
    outcome: Outcome
    gross_volume_m3: Decimal | None
    gebaeudeart: str | None  # key of tariff.ANHANG_1
    day: dt.date  # the day whose tariff applies (the fee decision)


@dataclass(frozen=True)
class Line:
    """One position of the fee. The amounts of all lines add up to the total."""

    tarifstelle: str
    label: str
    amount: Decimal
    explanation: str = ""
    source: str = ""


@dataclass(frozen=True)
class Calculation:
    basis: tuple[str, ...]  # how the Rohbausumme came about, in words with figures
    lines: tuple[Line, ...]
    total: Decimal | None  # None: a figure is missing or a Rahmengebühr must be set by the clerk
    missing: tuple[str, ...]  # what the Kommune (or the clerk) must enter, one sentence each
    frame: tuple[Decimal, Decimal] | None  # a Rahmengebühr: the clerk sets the amount within it
    tarifstellen: tuple[str, ...]
    notes: tuple[str, ...] = (ROUNDING_NOTE,)

    @property
    def legal_basis(self) -> str:
        places = ", ".join(sorted(self.tarifstellen, key=tarifstelle_order))
        if not places:
            return f"§ 1 Abs. 1 {ORDINANCE} i. V. m. Tarifstelle 3.1 des Allgemeinen Gebührentarifs"
        word = "Tarifstelle" if len(self.tarifstellen) == 1 else "Tarifstellen"
        return f"§ 1 Abs. 1 {ORDINANCE} i. V. m. {word} {places} des Allgemeinen Gebührentarifs"


def tarifstelle_order(tarifstelle: str) -> tuple[tuple[int, str], ...]:
    """3.1.1.2 before 3.1.4.2 before 3.1.10: numeric parts compare as numbers."""
    return tuple((int(part), "") if part.isdigit() else (10**9, part) for part in tarifstelle.split("."))


def euro(amount: Decimal) -> str:
    """German notation: 146.200,00 €."""
    text = f"{amount.quantize(CENT, ROUND_HALF_UP):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{text} €"


def number(value: Decimal) -> str:
    """A figure as entered, German notation without needless zeros: 6 / 6,5 / 850,25."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    if "." in text:
        whole, fraction = text.split(".")
    else:
        whole, fraction = text, ""
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def _valid(entries: Sequence[Rate], purpose: Purpose, day: dt.date) -> Rate | None:
    found = [rate for rate in entries if rate.purpose is purpose and rate.valid_on(day)]
    if len(found) > 1:
        places = ", ".join(sorted(rate.tarifstelle for rate in found))
        raise TariffError(f"{purpose.label}: am {german_date(day)} gelten mehrere Einträge ({places}); "
                          "bitte die Gültigkeit abgrenzen.")
    return found[0] if found else None


def _rohbauwert(values: Sequence[Rohbauwert], key: str, day: dt.date) -> Rohbauwert | None:
    found = [value for value in values if value.gebaeudeart == key and value.valid_on(day)]
    if len(found) > 1:
        raise TariffError(f"Rohbauwert {gebaeudeart_label(key)}: am {german_date(day)} gelten mehrere Werte; "
                          "bitte die Gültigkeit abgrenzen.")
    return found[0] if found else None


def _source(entry: Rate | Rohbauwert) -> str:
    until = f" bis {german_date(entry.valid_to)}" if entry.valid_to else ""
    text = f"gültig ab {german_date(entry.valid_from)}{until}"
    return f"{entry.source}, {text}" if entry.source else text


@dataclass
class _Work:
    basis: list[str]
    lines: list[Line]
    missing: list[str]
    tarifstellen: list[str]
    notes: list[str] = field(default_factory=lambda: [ROUNDING_NOTE])

    def place(self, tarifstelle: str) -> None:
        if tarifstelle not in self.tarifstellen:
            self.tarifstellen.append(tarifstelle)


def _rohbausumme(case: FeeCase, values: Sequence[Rohbauwert], work: _Work) -> Decimal | None:
    if case.gross_volume_m3 is None or case.gross_volume_m3 <= 0:
        work.missing.append("Brutto-Rauminhalt (m³) nach DIN 277:2021-08 fehlt in den Angaben zum Vorhaben "
                            "(Tarifstelle 3.1.1.2).")
    if not case.gebaeudeart:
        work.missing.append("Gebäudeart nach Anhang 1 zu Tarifstelle 3.1.1.2 ist nicht gewählt.")
        return None
    value = _rohbauwert(values, case.gebaeudeart, case.day)
    if value is None:
        work.missing.append(f"Rohbauwert für {gebaeudeart_label(case.gebaeudeart)}, gültig am "
                            f"{german_date(case.day)}: Wert fehlt (Anhang 1 zu Tarifstelle 3.1.1.2; die Kommune "
                            "trägt den im Ministerialblatt NRW bekanntgegebenen Wert ein).")
        return None
    if case.gross_volume_m3 is None or case.gross_volume_m3 <= 0:
        return None
    total = cents(case.gross_volume_m3 * value.eur_per_m3)
    work.place(ROHBAUSUMME_TARIFSTELLE)
    work.notes.append(f"Gebäudearten: {ANHANG_1_SOURCE}.")
    work.basis.append(
        f"Rohbausumme (Tarifstelle 3.1.1.2): Brutto-Rauminhalt {number(case.gross_volume_m3)} m³ × Rohbauwert "
        f"{euro(value.eur_per_m3)}/m³ ({gebaeudeart_label(case.gebaeudeart)}; {_source(value)}) = {euro(total)}"
    )
    return total


def _procedure_fee(case: FeeCase, rates: Sequence[Rate], values: Sequence[Rohbauwert], work: _Work) -> (
        Decimal | tuple[Decimal, Decimal] | None):
    if case.procedure is None or not case.procedure.is_procedure:
        work.missing.append("Verfahrensart des Vorhabens ist nicht bestimmt; ohne sie ist die Tarifstelle offen.")
        return None
    rate = _valid(rates, case.procedure, case.day)
    if rate is None:
        where = ("eine der Tarifstellen " + UNKNOWN_PROCEDURE_TARIFSTELLE + ", "
                 if case.procedure is not Purpose.GENEHMIGUNGSFREISTELLUNG else "")
        work.missing.append(f"Tarifstelle für {case.procedure.label} ({where}im abgerufenen Text nicht enthalten): "
                            f"Satz fehlt, gültig am {german_date(case.day)}.")
        if case.procedure is not Purpose.GENEHMIGUNGSFREISTELLUNG:
            _rohbausumme(case, values, work)  # say at once whether the Rohbausumme's figures are there
        return None
    work.place(rate.tarifstelle)
    label = f"Gebühr: {rate.label}" if rate.label else f"Gebühr: {case.procedure.label}"
    if rate.kind is RateKind.FIXED:
        work.lines.append(Line(rate.tarifstelle, label, cents(rate.value), "fester Betrag", _source(rate)))
        return cents(rate.value)
    if rate.kind is RateKind.FRAME:
        assert rate.value_max is not None
        return (cents(rate.value), cents(rate.value_max))
    summe = _rohbausumme(case, values, work)
    if summe is None:
        return None
    fee = cents(summe * rate.value / 1000)
    work.lines.append(Line(rate.tarifstelle, label, fee,
                           f"{number(rate.value)} Tausendstel der Rohbausumme von {euro(summe)}", _source(rate)))
    return fee


def _entry(purpose: Purpose, rates: Sequence[Rate], day: dt.date, work: _Work) -> Rate | None:
    rate = _valid(rates, purpose, day)
    if rate is None and purpose is Purpose.MINIMUM:
        work.missing.append(f"Mindestgebühr: Betrag fehlt (im abgerufenen Text der Tarifstelle 3.1 nicht allgemein "
                            f"geregelt), gültig am {german_date(day)}; gibt es keine, 0 eintragen.")
    elif rate is None:
        work.missing.append(f"{purpose.label}: Prozentsatz der Gebühr fehlt (Tarifstelle im abgerufenen Text nicht "
                            f"enthalten), gültig am {german_date(day)}.")
    return rate


def _reduction(fee: Decimal, rate: Rate, work: _Work) -> Decimal:
    work.place(rate.tarifstelle)
    due = cents(fee * rate.value / 100)
    work.lines.append(Line(rate.tarifstelle, f"Ermäßigung: {rate.label or rate.purpose.label}", due - fee,
                           f"zu erheben sind {number(rate.value)} % der Gebühr von {euro(fee)}", _source(rate)))
    return due


def _minimum(fee: Decimal, rate: Rate, work: _Work) -> Decimal:
    minimum = cents(rate.value)
    if fee >= minimum:
        return fee
    work.place(rate.tarifstelle)
    work.lines.append(Line(rate.tarifstelle, f"Anhebung auf die {rate.label or 'Mindestgebühr'}", minimum - fee,
                           f"Mindestgebühr {euro(minimum)}", _source(rate)))
    return minimum


def calculate(case: FeeCase, rates: Sequence[Rate], rohbauwerte: Sequence[Rohbauwert]) -> Calculation:
    """The fee of the case from the given tariff entries (those of the case's Kommune)."""
    work = _Work([], [], [], [])
    frame: tuple[Decimal, Decimal] | None = None
    total: Decimal | None = None
    try:
        fee = _procedure_fee(case, rates, rohbauwerte, work)
        reduction_purpose = REDUCTION_PURPOSE.get(case.outcome)
        reduction = _entry(reduction_purpose, rates, case.day, work) if reduction_purpose else None
        minimum = _entry(Purpose.MINIMUM, rates, case.day, work)
        if isinstance(fee, tuple):
            frame = fee
            work.missing.append(f"Rahmengebühr von {euro(fee[0])} bis {euro(fee[1])}: die Sachbearbeitung setzt "
                                "den Betrag im Rahmen fest.")
        elif fee is not None and not work.missing:
            assert minimum is not None and (reduction is not None or reduction_purpose is None)
            due = _reduction(fee, reduction, work) if reduction is not None else fee
            total = _minimum(due, minimum, work)
    except TariffError as conflict:
        work.missing.append(str(conflict))
    if work.missing:
        total = None
    return Calculation(tuple(work.basis), tuple(work.lines), total, tuple(work.missing), frame,
                       tuple(work.tarifstellen), tuple(work.notes))
