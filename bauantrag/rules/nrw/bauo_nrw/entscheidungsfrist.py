"""The date by which the Bauaufsicht decides on a complete Bauantrag (§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW).

§ 71 Abs. 2 (2024): „Sobald der Bauantrag und die Bauvorlagen vollständig sind, hat die Bauaufsichtsbehörde
unverzüglich 1. der Bauherrschaft ihren Eingang und den nach Absatz 6 ermittelten Zeitpunkt der Entscheidung, jeweils
mit Datumsangabe, in Textform mitzuteilen sowie 2. die Gemeinde und die berührten Stellen nach Absatz 3 zu hören.“

§ 71 Abs. 6 (2021 and 2024 alike): „Die Bauaufsichtsbehörde hat über den Bauantrag innerhalb von drei Monaten, im
vereinfachten Baugenehmigungsverfahren und in dem Fall des § 77 innerhalb von sechs Wochen zu entscheiden. Die Frist
nach Satz 1 beginnt, sobald die Bauvorlagen vollständig und alle für die Entscheidung notwendigen Stellungnahmen und
Mitwirkungen vorliegen, spätestens jedoch nach Ablauf der Frist nach Absatz 4 und nach § 36 Absatz 2 Satz 2 des
Baugesetzbuches sowie nach § 12 Absatz 2 Satz 2 und 3 des Luftverkehrsgesetzes […]. Die Fristen nach Absatz 4 dürfen
nur ausnahmsweise bis zu einem Monat verlängert werden, im vereinfachten Baugenehmigungsverfahren jedoch nur, wenn das
Einvernehmen der Gemeinde nach § 36 Absatz 1 Satz 1 und 2 des Baugesetzbuches erforderlich ist.“

So the decision period runs from the later of completeness and the last Stellungnahme, but at the latest from the end
of the hearing periods (two months, § 71 Abs. 4 Satz 1 BauO NRW and § 36 Abs. 2 Satz 2 BauGB; one more month for a
Fachstelle only by a recorded exception, Abs. 6 Satz 3). Its end follows § 31 VwVfG NRW (``rules.fristen``).

What the statute leaves open is returned as ``zu_pruefen`` for the clerk, never decided here: a procedure other than
§§ 64, 65; the three months of the Gemeinde's Zustimmung under § 36a Abs. 1 Satz 4 BauGB (Abs. 6 names only § 36
Abs. 2 Satz 2); whether § 31 Abs. 3 VwVfG NRW moves the end of the authority's own period; a Fassung whose wording is
not available (from 01.09.2026). § 12 LuftVG (Luftfahrtbehörde) is not modelled. Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bauantrag.rules.calendar import add_months_deadline
from bauantrag.rules.fristen import fristende
from bauantrag.rules.law import german_date
from bauantrag.rules.nrw.rechtslage import Rechtslage

VEREINFACHT = "vereinfachtes_verfahren"
BAUGENEHMIGUNG = "baugenehmigungsverfahren"
#: § 71 Abs. 4 Satz 1 BauO NRW and § 36 Abs. 2 Satz 2 BauGB: two months; § 36a Abs. 1 Satz 4 BauGB: three.
HEARING_MONTHS = 2
ZUSTIMMUNG_36A_MONTHS = 3
DEFAULT_BASIS = "§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW"


@dataclass(frozen=True)
class Anhoerung:
    """One hearing under § 71 Abs. 2 Nr. 2: the last day of its period and, once answered, the day of the answer."""

    period_end: date
    answered_on: date | None = None
    zustimmung_36a: bool = False


@dataclass(frozen=True)
class Entscheidungsfrist:
    """The computed decision date (None when the statute gives none for the procedure) and why."""

    due: date | None
    procedure: str
    period: str
    runs_from: date | None
    reason: str
    legal_basis: str
    zu_pruefen: tuple[str, ...] = ()
    provisional: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat() if self.due else None,
            "procedure": self.procedure,
            "period": self.period,
            "runs_from": self.runs_from.isoformat() if self.runs_from else None,
            "reason": self.reason,
            "legal_basis": self.legal_basis,
            "zu_pruefen": list(self.zu_pruefen),
            "provisional": self.provisional,
        }


def _period(procedure: str) -> tuple[int, int, str] | None:
    """(months, weeks, label) of § 71 Abs. 6 Satz 1 BauO NRW for the procedure."""
    if procedure == VEREINFACHT:
        return 0, 6, "sechs Wochen (vereinfachtes Baugenehmigungsverfahren)"
    if procedure == BAUGENEHMIGUNG:
        return 3, 0, "drei Monate (Baugenehmigungsverfahren)"
    return None


def _start(
    completed_on: date, hearings: Sequence[Anhoerung], hearings_planned: bool, verfahren_36a: bool
) -> tuple[date, str, bool]:
    """The day whose end sets the decision period running, the reason in words, and whether it is provisional."""
    if hearings:
        latest = max(h.period_end for h in hearings)
        answers = [h.answered_on for h in hearings]
        if all(answers):
            last_answer = max(a for a in answers if a is not None)
            if last_answer < latest:
                return max(completed_on, last_answer), (
                    f"Alle Stellungnahmen liegen seit dem {german_date(last_answer)} vor."), False
        return max(completed_on, latest), (
            f"Spätestens nach Ablauf der Anhörungsfristen am {german_date(latest)} (§ 71 Abs. 4 BauO NRW, "
            "§ 36 Abs. 2 Satz 2 BauGB)."), False
    if hearings_planned:
        months = ZUSTIMMUNG_36A_MONTHS if verfahren_36a else HEARING_MONTHS
        assumed = add_months_deadline(completed_on, months)
        return assumed, (
            f"Gemeinde und Stellen sind noch nicht angehört: angenommen ist der Ablauf der Anhörungsfrist von "
            f"{'drei' if months == 3 else 'zwei'} Monaten ab Vollständigkeit am {german_date(assumed)}; das Datum "
            "wird mit den tatsächlichen Anhörungen neu berechnet."), True
    return completed_on, f"Bauvorlagen vollständig am {german_date(completed_on)}; keine Anhörung vorgesehen.", False


def entscheidungsfrist(
    *,
    completed_on: date,
    procedure: str,
    hearings: Sequence[Anhoerung] = (),
    hearings_planned: bool = True,
    verfahren_36a: bool = False,
    rechtslage: Rechtslage | None = None,
) -> Entscheidungsfrist:
    """The day by which the authority decides (§ 71 Abs. 6 BauO NRW) on a case complete since ``completed_on``."""
    basis = f"{DEFAULT_BASIS} ({rechtslage.bauo_applied.name})" if rechtslage else DEFAULT_BASIS
    doubts: list[str] = []
    if rechtslage is not None and rechtslage.bauo_text_missing:
        doubts.append(
            f"Maßgeblich ist die {rechtslage.bauo.name}; ihr Wortlaut liegt nicht vor. Berechnet nach § 71 Abs. 6 der "
            f"{rechtslage.bauo_applied.name} – bitte anhand der geltenden Fassung prüfen."
        )
    period = _period(procedure)
    if period is None:
        label = f"„{procedure}“" if procedure else "nicht festgestellt"
        doubts.append(
            f"Verfahrensart {label}: § 71 Abs. 6 Satz 1 BauO NRW nennt eine Entscheidungsfrist nur für das "
            "Baugenehmigungsverfahren (drei Monate) und das vereinfachte Verfahren (sechs Wochen) – bitte prüfen."
        )
        return Entscheidungsfrist(None, procedure, "", None, "", basis, tuple(doubts))
    months, weeks, label = period
    runs_from, reason, provisional = _start(completed_on, hearings, hearings_planned, verfahren_36a)
    if verfahren_36a or any(h.zustimmung_36a for h in hearings):
        doubts.append(
            "Vorhaben nach § 36a BauGB: § 71 Abs. 6 Satz 2 BauO NRW nennt als spätesten Beginn den Ablauf der Frist "
            "nach § 36 Abs. 2 Satz 2 BauGB, nicht die Dreimonatsfrist der Zustimmung (§ 36a Abs. 1 Satz 4 BauGB). "
            "Berechnet wurde mit dem Ablauf der Zustimmungsfrist – bitte prüfen."
        )
    end = fristende(runs_from, months=months, weeks=weeks)
    if end.moved:
        doubts.append(
            f"Das rechnerische Fristende {german_date(end.calendar_end)} ist ein Sonnabend, Sonntag oder Feiertag; "
            "es wurde nach § 31 Abs. 3 Satz 1 VwVfG NRW auf den nächsten Werktag gelegt. Ob die Vorschrift auch "
            "die Entscheidungsfrist der Behörde verschiebt, ist nicht bestätigt – bitte prüfen."
        )
    return Entscheidungsfrist(end.end, procedure, label, runs_from, reason, basis, tuple(doubts), provisional)
