"""§ 72 BauO NRW periods on worked examples, each computed by hand from the statute and § 31 VwVfG NRW with
§§ 187, 188 BGB (NRW holidays: Neujahr, Karfreitag, Ostermontag, …)."""

from __future__ import annotations

import datetime as dt

import pytest

from bauantrag.rules.nrw.bauo_nrw import nachbarbeteiligung as law

D = dt.date


@pytest.mark.parametrize(("zugang", "end", "calendar_end"), [
    # Zugang Dienstag 05.01.2027: Fristbeginn 06.01., Ende mit dem Tag gleicher Zahl: Freitag 05.02.2027
    (D(2027, 1, 5), D(2027, 2, 5), D(2027, 2, 5)),
    # Zugang 24.12.2026: rechnerisch Sonntag 24.01.2027 → Montag 25.01.2027 (§ 31 Abs. 3 Satz 1 VwVfG NRW)
    (D(2026, 12, 24), D(2027, 1, 25), D(2027, 1, 24)),
    # Zugang 31.01.2027: der Februar hat keinen 31. → Sonntag 28.02.2027 (§ 188 Abs. 3 BGB) → Montag 01.03.2027
    (D(2027, 1, 31), D(2027, 3, 1), D(2027, 2, 28)),
    # Zugang 01.12.2026: Freitag 01.01.2027 ist Neujahr → Montag 04.01.2027
    (D(2026, 12, 1), D(2027, 1, 4), D(2027, 1, 1)),
])
def test_einwendungen_binnen_einem_monat_nach_zugang_fassung_2024(zugang: D, end: D, calendar_end: D) -> None:
    frist = law.einwendungsfrist(zugang, "bauo_nrw_2024")
    assert frist.end == end and frist.ende.calendar_end == calendar_end
    assert frist.laenge == "einem Monat" and frist.ausschluss
    assert frist.legal_basis == "§ 72 Abs. 1 Satz 3 BauO NRW" and frist.zu_pruefen == ""
    assert ("§ 31 Abs. 3 Satz 1 VwVfG NRW" in frist.ende.legal_basis) == (end != calendar_end)


def test_fassung_2021_zwei_wochen_ohne_ausschluss_und_mit_hinweis() -> None:
    # Zugang Donnerstag 01.06.2023 + zwei Wochen → Donnerstag 15.06.2023
    frist = law.einwendungsfrist(D(2023, 6, 1), "bauo_nrw_2021")
    assert frist.end == D(2023, 6, 15) and frist.laenge == "zwei Wochen" and not frist.ausschluss
    assert "zu prüfen" in frist.zu_pruefen


def test_fassung_ab_september_2026_ohne_wortlaut_wird_zu_pruefen() -> None:
    frist = law.einwendungsfrist(D(2027, 1, 5), "bauo_nrw_2026")
    assert frist.end == D(2027, 2, 5)  # the 2024 period, applied and flagged
    assert "zu prüfen" in frist.zu_pruefen and "01.09.2026" in frist.zu_pruefen


def test_einwendung_am_letzten_tag_ist_rechtzeitig_am_tag_danach_verspaetet() -> None:
    frist = law.einwendungsfrist(D(2026, 12, 24), "bauo_nrw_2024")
    assert not law.is_late(D(2027, 1, 25), frist)
    assert law.is_late(D(2027, 1, 26), frist)


def test_bekanntmachung_des_vorhabens_auslegung_ein_monat_einwendungen_zwei_wochen_danach() -> None:
    # Auslegung ab Dienstag 02.03.2027 (der erste Tag zählt mit, § 187 Abs. 2 BGB): ein Monat endet mit dem Tag vor
    # dem Tag gleicher Zahl, Donnerstag 01.04.2027 (§ 188 Abs. 2 BGB); Einwendungen bis Donnerstag 15.04.2027
    periods = law.auslegung_vorhaben(D(2027, 2, 20), D(2027, 3, 2))
    assert periods.auslegung_bis.end == D(2027, 4, 1)
    assert periods.einwendungen_bis is not None and periods.einwendungen_bis.end == D(2027, 4, 15)
    assert periods.zu_pruefen == "" and periods.legal_basis == "§ 72 Abs. 5 Satz 1 und 3 BauO NRW"


def test_auslegung_ab_monatsanfang_endet_am_monatsletzten() -> None:
    # Auslegung ab Montag 01.02.2027 → Sonntag 28.02.2027 → Montag 01.03.2027; Einwendungen bis Montag 15.03.2027
    periods = law.auslegung_vorhaben(D(2027, 1, 20), D(2027, 2, 1))
    assert periods.auslegung_bis.calendar_end == D(2027, 2, 28) and periods.auslegung_bis.end == D(2027, 3, 1)
    assert periods.einwendungen_bis is not None and periods.einwendungen_bis.end == D(2027, 3, 15)
    assert "28.02.2027" in periods.zu_pruefen and "zu prüfen" in periods.zu_pruefen


def test_bekanntmachung_mit_fristende_am_feiertag_sagt_zu_pruefen() -> None:
    # Auslegung ab Freitag 02.04.2027 → rechnerisch Sonnabend 01.05.2027 (Tag der Arbeit) → Montag 03.05.2027
    periods = law.auslegung_vorhaben(D(2027, 3, 20), D(2027, 4, 2))
    assert periods.auslegung_bis.calendar_end == D(2027, 5, 1)
    assert periods.auslegung_bis.end == D(2027, 5, 3)
    assert "zu prüfen" in periods.zu_pruefen and "01.05.2027" in periods.zu_pruefen


def test_auslegung_beginnt_nach_der_bekanntmachung() -> None:
    with pytest.raises(ValueError, match="nach der Bekanntmachung"):
        law.auslegung_vorhaben(D(2027, 2, 1), D(2027, 2, 1))


def test_bekanntmachung_des_bescheids_zwei_wochen_ab_dem_folgetag() -> None:
    # Bekanntmachung Mittwoch 03.02.2027 → Auslegung 04.02. bis Mittwoch 17.02.2027 (§ 72 Abs. 6 Satz 4, 8)
    periods = law.auslegung_bescheid(D(2027, 2, 3))
    assert periods.auslegung_von == D(2027, 2, 4) and periods.auslegung_bis.end == D(2027, 2, 17)
    assert periods.einwendungen_bis is None


def test_zustellung_ersetzbar_erst_bei_mehr_als_zwanzig_nachbarn() -> None:
    assert not law.zustellung_ersetzbar(20)
    assert law.zustellung_ersetzbar(21)
