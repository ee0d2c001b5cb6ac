"""Review item M3, computed by hand: the date of the decision under § 71 Abs. 6 BauO NRW.

§ 71 Abs. 6 Satz 1: „innerhalb von drei Monaten, im vereinfachten Baugenehmigungsverfahren … innerhalb von sechs
Wochen“; Satz 2: „Die Frist nach Satz 1 beginnt, sobald die Bauvorlagen vollständig und alle für die Entscheidung
notwendigen Stellungnahmen und Mitwirkungen vorliegen, spätestens jedoch nach Ablauf der Frist nach Absatz 4 und nach
§ 36 Absatz 2 Satz 2 des Baugesetzbuches …“.
"""

from __future__ import annotations

import datetime as dt

from bauantrag.rules.nrw.bauo_nrw.entscheidungsfrist import Anhoerung, entscheidungsfrist
from bauantrag.rules.nrw.rechtslage import rechtslage

D = dt.date
MONDAY = D(2026, 12, 7)


# ------------------------------------------------------------------------------------------ pure, by hand


def test_vereinfachtes_verfahren_ohne_anhoerung_sechs_wochen_ab_vollstaendigkeit() -> None:
    # Monday 07.12.2026 + 6 Wochen → Monday 18.01.2027.
    result = entscheidungsfrist(completed_on=MONDAY, procedure="vereinfachtes_verfahren", hearings_planned=False)
    assert result.due == D(2027, 1, 18) and result.runs_from == MONDAY
    assert result.zu_pruefen == () and not result.provisional


def test_vor_der_anhoerung_spaetestens_zwei_monate_plus_drei_monate() -> None:
    # 07.12.2026 + 2 Monate → Sunday 07.02.2027 → Monday 08.02.2027 (§ 71 Abs. 4, § 36 Abs. 2 Satz 2 BauGB);
    # + 3 Monate → Saturday 08.05.2027 → Monday 10.05.2027.
    result = entscheidungsfrist(completed_on=MONDAY, procedure="baugenehmigungsverfahren")
    assert result.runs_from == D(2027, 2, 8)
    assert result.due == D(2027, 5, 10)
    assert result.provisional
    assert any("§ 31 Abs. 3 Satz 1 VwVfG NRW" in note and "08.05.2027" in note for note in result.zu_pruefen)


def test_alle_stellungnahmen_frueh_da_die_frist_beginnt_mit_der_letzten() -> None:
    # last Stellungnahme Tuesday 05.01.2027 + 6 Wochen → Tuesday 16.02.2027.
    hearings = [Anhoerung(D(2027, 2, 8), D(2026, 12, 20)), Anhoerung(D(2027, 2, 8), D(2027, 1, 5))]
    result = entscheidungsfrist(completed_on=MONDAY, procedure="vereinfachtes_verfahren", hearings=hearings)
    assert (result.runs_from, result.due) == (D(2027, 1, 5), D(2027, 2, 16))
    assert "05.01.2027" in result.reason


def test_eine_offene_anhoerung_die_frist_beginnt_spaetestens_mit_ihrem_ablauf() -> None:
    # Monday 08.02.2027 + 6 Wochen → Monday 22.03.2027.
    hearings = [Anhoerung(D(2027, 2, 8), D(2026, 12, 20)), Anhoerung(D(2027, 2, 8))]
    result = entscheidungsfrist(completed_on=MONDAY, procedure="vereinfachtes_verfahren", hearings=hearings)
    assert (result.runs_from, result.due) == (D(2027, 2, 8), D(2027, 3, 22))


def test_ohne_frist_im_gesetz_kein_datum_sondern_zu_pruefen() -> None:
    result = entscheidungsfrist(completed_on=MONDAY, procedure="genehmigungsfreistellung")
    assert result.due is None
    assert any("§ 71 Abs. 6 Satz 1 BauO NRW" in note for note in result.zu_pruefen)
    assert entscheidungsfrist(completed_on=MONDAY, procedure="").zu_pruefen[0].startswith(
        "Verfahrensart nicht festgestellt")


def test_fassung_ohne_wortlaut_und_36a_bleiben_zu_pruefen() -> None:
    result = entscheidungsfrist(
        completed_on=MONDAY, procedure="baugenehmigungsverfahren", verfahren_36a=True,
        rechtslage=rechtslage(D(2026, 10, 1)),
    )
    assert "BauO NRW in der ab 01.01.2024 geltenden Fassung" in result.legal_basis
    notes = " ".join(result.zu_pruefen)
    assert "ab 01.09.2026" in notes and "§ 36a Abs. 1 Satz 4 BauGB" in notes
    # three months for the Zustimmung: 07.12.2026 + 3 Monate → Sunday 07.03.2027 → Monday 08.03.2027
    assert result.runs_from == D(2027, 3, 8)


def test_fassung_2024_ohne_zweifel() -> None:
    result = entscheidungsfrist(completed_on=D(2025, 3, 3), procedure="vereinfachtes_verfahren",
                                hearings_planned=False, rechtslage=rechtslage(D(2025, 2, 10)))
    assert result.zu_pruefen == ()
    assert result.due == D(2025, 4, 14)  # Monday 03.03.2025 + 6 Wochen


def test_der_hinweis_zur_geltungsdauer_folgt_dem_wortlaut_von_paragraph_75() -> None:
    # § 75 Abs. 1: „… oder die Bauausführung länger als ein Jahr unterbrochen worden ist.“ (review M13)
    from bauantrag.rules.nrw.bauo_nrw.geltungsdauer import HINWEIS

    assert "die Bauausführung länger als ein Jahr unterbrochen worden ist" in HINWEIS
    assert "auf in Textform gestellten Antrag jeweils bis zu einem Jahr verlängert" in HINWEIS
