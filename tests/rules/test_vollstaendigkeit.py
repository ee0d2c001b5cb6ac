"""Vollständigkeit der Bauvorlagen nach BauPrüfVO NRW §§ 10, 11, 13 und § 67 BauO NRW."""

from dataclasses import replace

from bauantrag.rules.model import DocumentRef, Finding, Vorhaben
from bauantrag.rules.nrw.baupruefvo.completeness import RULE_PREFIX, check
from tests.rules.rechtslagen import RL, RL_2023

ALLE_BAUVORLAGEN_34 = (
    DocumentRef("1802", "Flurkarte"),
    DocumentRef("1803", "Lageplan"),
    DocumentRef("2001", "Grundrisse"),
    DocumentRef("2002", "Schnitte"),
    DocumentRef("2003", "Ansichten"),
    DocumentRef("1502", "Baubeschreibung"),
    DocumentRef("2201", "BRI nach DIN 277"),
    DocumentRef("0401", "Architektenkammer"),
)
MFH_34 = Vorhaben(
    project_kind="neubau", use="wohngebaeude", planning_area="innenbereich_34", documents=ALLE_BAUVORLAGEN_34
)


def by_slug(findings: tuple[Finding, ...]) -> dict[str, Finding]:
    return {f.rule.removeprefix(RULE_PREFIX): f for f in findings}


def without(v: Vorhaben, code: str) -> Vorhaben:
    return replace(v, documents=tuple(d for d in v.documents if d.type_code != code))


def test_ein_vollstaendiger_antrag_im_innenbereich_erfuellt_alle_bauvorlagen_nach_paragraph_10() -> None:
    findings = by_slug(check(MFH_34, "vereinfachtes_verfahren", 4, RL_2023))
    assert set(findings) == {
        "flurkarte",
        "lageplan",
        "bauzeichnungen",
        "baubeschreibung",
        "kostenermittlung",
        "bauvorlageberechtigung",
    }
    assert all(f.status == "pass" for f in findings.values())


def test_ab_2024_ist_der_brandschutz_vor_der_genehmigung_nachzuweisen_und_fehlt_noch_ohne_verstoss() -> None:
    """§ 68 Abs. 2 Satz 1 BauO NRW (2024): „Vor Erteilung der Baugenehmigung sind bei der Bauaufsichtsbehörde
    Bescheinigungen einer sachverständigen Person nach § 87 Absatz 2, dass das Vorhaben den Anforderungen an den
    Brandschutz entspricht, einzureichen.“ – a Wohngebäude of GK 4 is none of the exceptions of Abs. 4."""
    findings = by_slug(check(MFH_34, "vereinfachtes_verfahren", 4, RL))
    fire = findings["bescheinigung_brandschutz"]
    assert fire.status == "needs_review"
    assert fire.legal_basis == "§ 68 Abs. 2 Satz 1 BauO NRW"
    assert "vor Erteilung der Baugenehmigung einzureichen" in fire.message
    assert fire.law_version == "BauO NRW in der ab 01.01.2024 geltenden Fassung"
    present = replace(MFH_34, documents=(*MFH_34.documents, DocumentRef("2702", "Bescheinigung Brandschutz")))
    assert by_slug(check(present, "vereinfachtes_verfahren", 4, RL))["bescheinigung_brandschutz"].status == "pass"
    assert "bescheinigung_brandschutz" not in by_slug(check(MFH_34, "vereinfachtes_verfahren", 4, RL_2023))


def test_fuer_ein_einfamilienhaus_genuegt_ab_2024_die_erklaerung_der_entwurfsverfassenden() -> None:
    """§ 68 Abs. 4 BauO NRW (2024): „Absatz 2 Satz 1 gilt nicht für 1. Gebäude der Gebäudeklassen 1 und 2 … Für
    Vorhaben nach Satz 1 Nummer 1 bis 3 ist eine Erklärung der Entwurfsverfassenden, dass das Vorhaben den
    Anforderungen an den Brandschutz entspricht, ausreichend.“"""
    findings = by_slug(check(MFH_34, "vereinfachtes_verfahren", 1, RL))
    assert "bescheinigung_brandschutz" not in findings
    assert findings["erklaerung_brandschutz"].legal_basis == "§ 68 Abs. 4 Satz 1 Nr. 1, Satz 2 BauO NRW"
    assert findings["erklaerung_brandschutz"].status == "needs_review"
    wohn_gk3 = by_slug(check(MFH_34, "vereinfachtes_verfahren", 3, RL))
    assert wohn_gk3["erklaerung_brandschutz"].legal_basis == "§ 68 Abs. 4 Satz 1 Nr. 2, Satz 2 BauO NRW"
    buero_gk3 = by_slug(check(replace(MFH_34, use="buero_verwaltung"), "vereinfachtes_verfahren", 3, RL))
    assert buero_gk3["bescheinigung_brandschutz"].legal_basis == "§ 68 Abs. 2 Satz 1 BauO NRW"


def test_einem_grossen_sonderbau_wird_keine_bescheinigung_abverlangt_denn_die_bauaufsicht_prueft_selbst() -> None:
    """§ 68 Abs. 4 Satz 1 Nr. 4 (2024): Abs. 2 Satz 1 gilt nicht für „Sonderbauten mit Ausnahme von Garagen mit
    einer Nutzfläche über 100 m² bis 1 000 m²“."""
    findings = by_slug(check(MFH_34, "baugenehmigungsverfahren", 5, RL, large_sonderbau=True))
    assert "bescheinigung_brandschutz" not in findings and "erklaerung_brandschutz" not in findings


def test_fehlt_der_lageplan_nennt_der_befund_die_bauvorlage_und_den_paragraphen() -> None:
    finding = by_slug(check(without(MFH_34, "1803"), "vereinfachtes_verfahren", 4, RL))["lageplan"]
    assert finding.status == "fail"
    assert "Es fehlt: Lageplan" in finding.message
    assert "§ 3 BauPrüfVO NRW" in finding.message
    assert finding.legal_basis == "§ 10 Abs. 1 Satz 1 Nr. 2 i.V.m. § 3 BauPrüfVO NRW"


def test_im_bebauungsplan_ist_keine_flurkarte_aber_die_berechnung_des_masses_noetig() -> None:
    v = replace(without(MFH_34, "1802"), planning_area="bebauungsplan_qualifiziert")
    findings = by_slug(check(v, "vereinfachtes_verfahren", 4, RL))
    assert "flurkarte" not in findings
    assert findings["berechnung_mass"].status == "fail"
    assert findings["berechnung_mass"].legal_basis == "§ 3 Abs. 2 BauPrüfVO NRW"


def test_ist_die_planungsrechtliche_lage_unbekannt_ist_die_fehlende_flurkarte_zu_pruefen() -> None:
    v = replace(without(MFH_34, "1802"), planning_area=None)
    assert by_slug(check(v, "vereinfachtes_verfahren", 4, RL))["flurkarte"].status == "needs_review"


def test_ein_amtlicher_lageplan_ersetzt_den_auszug_aus_der_flurkarte() -> None:
    v = replace(
        without(without(MFH_34, "1802"), "1803"), documents=(*MFH_34.documents[2:], DocumentRef("1804", "x"))
    )
    findings = by_slug(check(v, "vereinfachtes_verfahren", 4, RL))
    assert findings["flurkarte"].status == "pass"
    assert findings["lageplan"].status == "pass"


def test_eine_gewerbehalle_braucht_eine_betriebsbeschreibung() -> None:
    v = replace(MFH_34, use="gewerbe")
    finding = by_slug(check(v, "vereinfachtes_verfahren", 3, RL))["betriebsbeschreibung"]
    assert finding.status == "fail"
    assert "§ 5 Abs. 2 und 3" in finding.legal_basis


def test_nur_grundrisse_ohne_schnitte_und_ansichten_sind_zu_pruefen_und_nicht_bestanden() -> None:
    v = without(without(MFH_34, "2002"), "2003")
    finding = by_slug(check(v, "vereinfachtes_verfahren", 4, RL))["bauzeichnungen"]
    assert finding.status == "needs_review"
    assert "Schnitte, Ansichten" in finding.message


def test_ein_dokument_der_oberkategorie_1800_macht_den_lageplan_nur_zu_einem_pruefpunkt() -> None:
    v = replace(
        without(MFH_34, "1803"), documents=(*without(MFH_34, "1803").documents, DocumentRef("1800", "Plan"))
    )
    assert by_slug(check(v, "vereinfachtes_verfahren", 4, RL))["lageplan"].status == "needs_review"


def test_im_baugenehmigungsverfahren_ist_das_brandschutzkonzept_nicht_verzichtbar() -> None:
    findings = by_slug(check(MFH_34, "baugenehmigungsverfahren", 5, RL))
    assert findings["brandschutzkonzept"].status == "fail"
    assert "nicht verzichtbar" in str(findings["brandschutzkonzept"].evidence["condition"])
    assert findings["barrierefrei_konzept"].status == "needs_review"


def test_in_der_freistellung_braucht_ein_haus_der_gebaeudeklasse_1_die_erklaerung_zum_brandschutz() -> None:
    v = Vorhaben(
        project_kind="neubau",
        use="wohngebaeude",
        planning_area="bebauungsplan_qualifiziert",
        documents=(
            DocumentRef("1803", "Lageplan"),
            DocumentRef("1901", "GRZ"),
            DocumentRef("2000", "Pläne"),
            DocumentRef("0401", "AKNW"),
        ),
    )
    findings = by_slug(check(v, "genehmigungsfreistellung", 1, RL))
    assert set(findings) == {
        "lageplan",
        "berechnung_mass",
        "bauzeichnungen",
        "erklaerung_brandschutz",
        "bauvorlageberechtigung",
    }
    assert findings["erklaerung_brandschutz"].status == "fail"
    assert findings["erklaerung_brandschutz"].legal_basis == "§ 13 Abs. 1 Satz 3 BauPrüfVO NRW"
    assert "erklaerung_brandschutz" not in by_slug(check(v, "genehmigungsfreistellung", 3, RL))


def test_fuer_eine_garage_bis_100_m2_ist_kein_nachweis_der_bauvorlageberechtigung_noetig() -> None:
    v = replace(without(MFH_34, "0401"), use="garage", gross_floor_area_m2=40.0)
    assert "bauvorlageberechtigung" not in by_slug(check(v, "vereinfachtes_verfahren", 1, RL))


def test_bei_einer_aenderung_ist_ein_fehlender_lageplan_nur_zu_pruefen() -> None:
    v = replace(without(MFH_34, "1803"), project_kind="aenderung")
    finding = by_slug(check(v, "vereinfachtes_verfahren", 4, RL))["lageplan"]
    assert finding.status == "needs_review"
    assert "§ 10 Abs. 2" in finding.legal_basis


def test_ein_verfahrensfreies_vorhaben_braucht_keine_bauvorlagen() -> None:
    findings = check(replace(MFH_34, documents=()), "verfahrensfrei", 1, RL)
    assert [(f.rule, f.status) for f in findings] == [(RULE_PREFIX + "verfahrensfrei", "pass")]


def test_ist_die_verfahrensart_offen_kann_die_vollstaendigkeit_nicht_geprueft_werden() -> None:
    findings = check(MFH_34, None, None, RL)
    assert [(f.rule, f.status) for f in findings] == [(RULE_PREFIX + "verfahrensart_offen", "needs_review")]
