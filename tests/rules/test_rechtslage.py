"""Law as dated data: which Fassung of the BauO NRW governs a case (§ 90 Abs. 4 BauO NRW 2024)."""

import datetime as dt
from dataclasses import replace

import pytest

from bauantrag.rules.engine import run_precheck
from bauantrag.rules.law import LawVersion, Statute
from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.rechtslage import BAUO_NRW, rechtslage

EFH = Vorhaben(
    project_kind="neubau", use="wohngebaeude", detached=True, units=1, height_m=3.1, structure_height_m=9.0,
    gross_floor_area_m2=160.0, largest_unit_floor_area_m2=80.0, has_aufenthaltsraum=True, underground=False,
    planning_area="innenbereich_34", access_secured=True,
)


def test_ein_antrag_vom_15_06_2023_wird_nach_der_fassung_von_2021_beurteilt() -> None:
    """§ 90 Abs. 4 Satz 1 BauO NRW: „Die vor dem Inkrafttreten dieses Gesetzes eingeleiteten Verfahren sind nach
    den zum Zeitpunkt der Antragstellung geltenden Verfahrensvorschriften fortzuführen und abzuschließen.“"""
    rl = rechtslage(dt.date(2023, 6, 15), today=dt.date(2026, 12, 7))
    assert rl.bauo.name == "BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung"
    assert rl.bauo_applied == rl.bauo and not rl.bauo_text_missing


def test_auf_antrag_der_bauherrschaft_gilt_das_neue_recht() -> None:
    """§ 90 Abs. 4 Satz 2: „Abweichend von Satz 1 kann die Bauherrschaft die Anwendung dieses Gesetzes anstelle
    des zur Zeit der Antragstellung geltenden Rechts beantragen.“"""
    rl = rechtslage(dt.date(2023, 6, 15), newer_law_requested=True, today=dt.date(2025, 5, 1))
    assert rl.bauo.key == "bauo_nrw_2024"
    assert "§ 90 Abs. 4 Satz 2" in rl.why()


def test_am_31_12_2023_gilt_noch_die_alte_am_01_01_2024_die_neue_fassung() -> None:
    assert rechtslage(dt.date(2023, 12, 31)).bauo.key == "bauo_nrw_2021"
    assert rechtslage(dt.date(2024, 1, 1)).bauo.key == "bauo_nrw_2024"


def test_fuer_antraege_ab_01_09_2026_fehlt_der_wortlaut_und_die_bauaufsicht_bestaetigt_die_verfahrensart() -> None:
    """law/BauO-NRW-2026-notes.md: „The wording of this version was NOT found.“ – the 2024 wording is applied and
    every answer under §§ 62 to 72 goes to the clerk."""
    rl = rechtslage(dt.date(2026, 9, 1))
    assert rl.bauo.name == "BauO NRW in der ab 01.09.2026 geltenden Fassung"
    assert rl.bauo_applied.key == "bauo_nrw_2024" and rl.bauo_text_missing
    result = run_precheck(replace(EFH, submitted_on=dt.date(2026, 10, 1)))
    procedure = next(f for f in result.findings if f.rule == "bauo_nrw.62-65.verfahrensart")
    assert result.procedure == "vereinfachtes_verfahren"
    assert procedure.status == "needs_review"
    assert "die Bauaufsicht bestätigt die Verfahrensart" in procedure.message
    assert "Wortlaut" not in procedure.message  # the doubt is the clerk's, in the review note
    assert "ab 01.09.2026" in procedure.review_note and "§§ 62 bis 72" in procedure.review_note
    assert result.law["bauo_nrw"]["key"] == "bauo_nrw_2026"


def test_ohne_datum_der_antragstellung_gilt_der_tag_der_pruefung() -> None:
    result = run_precheck(EFH, today=dt.date(2025, 5, 1))
    assert result.law["submitted_on"] == "2025-05-01"
    assert result.law["bauo_nrw_applied"]["key"] == "bauo_nrw_2024"


def test_eine_neue_fassung_ist_ein_datensatz_neben_den_alten() -> None:
    """Adding a Fassung is data: a version that follows without a gap; a gap is refused."""
    last = BAUO_NRW.versions[-1]
    closed = replace(last, valid_until=dt.date(2030, 12, 31))
    nxt = LawVersion("bauo_nrw_2031", "BauO NRW", "BauO NRW in der ab 01.01.2031 geltenden Fassung", "-",
                     dt.date(2031, 1, 1), None, True, "-")
    statute = Statute((*BAUO_NRW.versions[:-1], closed, nxt))
    assert statute.in_force_on(dt.date(2031, 6, 1)).key == "bauo_nrw_2031"
    assert statute.applied(closed).key == "bauo_nrw_2024"
    with pytest.raises(ValueError, match="gap"):
        Statute((*BAUO_NRW.versions[:-1], closed, replace(nxt, valid_from=dt.date(2031, 2, 1))))
