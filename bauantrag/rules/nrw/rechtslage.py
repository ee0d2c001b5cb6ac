"""The Fassungen of BauO NRW and BauPrüfVO NRW, and the Rechtslage of one case.

§ 90 Abs. 4 BauO NRW (2024): „Die vor dem Inkrafttreten dieses Gesetzes eingeleiteten Verfahren sind nach den zum
Zeitpunkt der Antragstellung geltenden Verfahrensvorschriften fortzuführen und abzuschließen. Abweichend von Satz 1
kann die Bauherrschaft die Anwendung dieses Gesetzes anstelle des zur Zeit der Antragstellung geltenden Rechts
beantragen.“ So the Fassung follows from the date of submission; on request the Fassung in force on the day of the
check. The Fassung from 01.09.2026 is a slot without text (BauO-NRW-2026-notes.md): its cases are checked with the
2024 wording, and every answer under §§ 62 to 72 goes to the clerk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bauantrag.rules.law import LawVersion, Statute, german_date

_D = dt.date

BAUO_NRW = Statute(
    (
        LawVersion(
            "bauo_nrw_vor_2021", "BauO NRW", "BauO NRW in einer vor dem 22.09.2021 geltenden Fassung",
            "BauO NRW 2018 in der vor dem Gesetz vom 30.06.2021 (GV. NRW. S. 822) geltenden Fassung bzw. BauO NRW 2000",
            _D(1900, 1, 1), _D(2021, 9, 21), False, "Wortlaut im Projekt nicht hinterlegt",
        ),
        LawVersion(
            "bauo_nrw_2021", "BauO NRW", "BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung",
            "BauO NRW 2018 i.d.F. des Gesetzes vom 30.06.2021 (GV. NRW. S. 822) und des Art. 3 des Gesetzes vom "
            "14.09.2021 (GV. NRW. S. 1086)",
            _D(2021, 9, 22), _D(2023, 12, 31), True, "konsolidierte Fassung von recht.nrw.de (22.09.2021–31.12.2023)",
        ),
        LawVersion(
            "bauo_nrw_2024", "BauO NRW", "BauO NRW in der ab 01.01.2024 geltenden Fassung",
            "BauO NRW 2018 i.d.F. des Zweiten Gesetzes zur Änderung der Landesbauordnung 2018 vom 31.10.2023 "
            "(GV. NRW. S. 1172)",
            _D(2024, 1, 1), _D(2026, 8, 31), True,
            "konsolidierte Fassung von recht.nrw.de, Stand 14.04.2026 (eine Abschrift)",
        ),
        LawVersion(
            "bauo_nrw_2026", "BauO NRW", "BauO NRW in der ab 01.09.2026 geltenden Fassung",
            "BauO NRW 2018 i.d.F. des Dritten Gesetzes zur Änderung der Landesbauordnung 2018 (Fundstelle nicht "
            "bekannt)",
            _D(2026, 9, 1), None, False,
            "bekannt sind nur § 60 Abs. 1 und § 74 Abs. 1 Satz 1, beide unverändert gegenüber 2024",
        ),
    )
)

BAUPRUEFVO_NRW = Statute(
    (
        LawVersion(
            "baupruefvo_vor_2021", "BauPrüfVO NRW", "BauPrüfVO NRW in einer vor dem 09.07.2021 geltenden Fassung",
            "BauPrüfVO vom 06.12.1995 in der vor der VO vom 02.07.2021 geltenden Fassung",
            _D(1900, 1, 1), _D(2021, 7, 8), False, "Wortlaut im Projekt nicht hinterlegt",
        ),
        LawVersion(
            "baupruefvo_2021", "BauPrüfVO NRW", "BauPrüfVO NRW in der vom 09.07.2021 bis 25.11.2024 geltenden Fassung",
            "BauPrüfVO vom 06.12.1995 i.d.F. der VO vom 02.07.2021 (GV. NRW. S. 845)",
            _D(2021, 7, 9), _D(2024, 11, 25), True, "konsolidierte Fassung von recht.nrw.de (09.07.2021–25.11.2024)",
        ),
        LawVersion(
            "baupruefvo_2024", "BauPrüfVO NRW", "BauPrüfVO NRW in der ab 26.11.2024 geltenden Fassung",
            "BauPrüfVO i.d.F. des Art. 2 der VO vom 12.11.2024 (GV. NRW. S. 859)",
            _D(2024, 11, 26), None, False,
            "die Änderungsverordnung vom 12.11.2024 betrifft nach Titel und Art. 1 die Altersgrenzen sachverständiger "
            "Personen",
        ),
    )
)

PROCEDURE_SECTIONS = "§§ 62 bis 72 BauO NRW"


@dataclass(frozen=True)
class Rechtslage:
    """Which Fassung governs a case, and whose wording the rules apply."""

    submitted_on: dt.date
    newer_law_requested: bool
    bauo: LawVersion
    bauo_applied: LawVersion
    baupruefvo: LawVersion
    baupruefvo_applied: LawVersion

    @property
    def bauo_text_missing(self) -> bool:
        return self.bauo.key != self.bauo_applied.key

    @property
    def baupruefvo_text_missing(self) -> bool:
        return self.baupruefvo.key != self.baupruefvo_applied.key

    def why(self) -> str:
        """Why this Fassung governs, in one sentence."""
        if self.newer_law_requested:
            return (
                f"Die Bauherrschaft hat die Anwendung des geltenden Rechts beantragt (§ 90 Abs. 4 Satz 2 BauO NRW); "
                f"maßgeblich ist die {self.bauo.name}."
            )
        return (
            f"Antragstellung am {german_date(self.submitted_on)}: maßgeblich ist die {self.bauo.name} "
            "(§ 90 Abs. 4 Satz 1 BauO NRW)."
        )

    def missing_text_note(self) -> str:
        """The clerk's note when the governing BauO Fassung has no available wording."""
        if not self.bauo_text_missing:
            return ""
        return (
            f"{self.why()} Ihr Wortlaut liegt nicht vor ({self.bauo.source}); angewandt wurde der Wortlaut der "
            f"{self.bauo_applied.name}. Die Antwort nach {PROCEDURE_SECTIONS} bitte anhand der geltenden Fassung "
            "bestätigen."
        )

    def baupruefvo_note(self) -> str:
        if not self.baupruefvo_text_missing:
            return ""
        return (
            f"Maßgeblich ist die {self.baupruefvo.name}, deren Wortlaut nicht vorliegt ({self.baupruefvo.source}); "
            f"angewandt wurde die {self.baupruefvo_applied.name}. Dass die Vorschriften über die Bauvorlagen "
            "(§§ 1 bis 20) unverändert sind, ist nicht bestätigt."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "submitted_on": self.submitted_on.isoformat(),
            "newer_law_requested": self.newer_law_requested,
            "bauo_nrw": self.bauo.to_dict(),
            "bauo_nrw_applied": self.bauo_applied.to_dict(),
            "baupruefvo_nrw": self.baupruefvo.to_dict(),
            "baupruefvo_nrw_applied": self.baupruefvo_applied.to_dict(),
        }


def rechtslage(submitted_on: dt.date, newer_law_requested: bool = False, today: dt.date | None = None) -> Rechtslage:
    """The Rechtslage of a case submitted on ``submitted_on``; ``today`` is the day of the check."""
    decisive = (today or dt.date.today()) if newer_law_requested else submitted_on
    bauo = BAUO_NRW.in_force_on(decisive)
    pruefvo = BAUPRUEFVO_NRW.in_force_on(decisive)
    return Rechtslage(
        submitted_on, newer_law_requested, bauo, BAUO_NRW.applied(bauo), pruefvo, BAUPRUEFVO_NRW.applied(pruefvo)
    )
