"""Art der baulichen Nutzung in WS, WB, MD, MDW, MU, MK (M14), §§ 12 and 14, mixed use, and the BauNVO that
governs an older plan (M7) – each test quotes the sentence of the BauNVO (law/BauNVO-2023.md) it implements."""

import datetime as dt
from dataclasses import replace

import pytest
from planning_scenes import area, plan, project

from bauantrag.rules.nrw.baunvo.art_der_nutzung import check
from bauantrag.rules.nrw.baunvo.common import PlanContext


def context(code: str, **plan_kw: object) -> PlanContext:
    the_area = area(code)
    return PlanContext(plan(areas=[the_area], **plan_kw), the_area, (), 500.0, 500.0)  # type: ignore[arg-type]


def test_eine_tankstelle_im_reinen_wohngebiet_verstoesst_gegen_paragraph_3_baunvo() -> None:
    """§ 3 Abs. 2: „Zulässig sind 1. Wohngebäude, 2. Anlagen zur Kinderbetreuung …“; Abs. 3 nennt Läden,
    Handwerksbetriebe, kleine Beherbergungsbetriebe und Anlagen für soziale u. a. Zwecke – keine Tankstellen."""
    finding = check(project(use="tankstelle"), context("1100"))
    assert finding.status == "fail"
    assert "„Tankstelle“ ist im WR unzulässig" in finding.message


def test_eine_tankstelle_im_allgemeinen_wohngebiet_ist_nur_ausnahmsweise_zulaessig() -> None:
    """§ 4 Abs. 3: „Ausnahmsweise können zugelassen werden … 5. Tankstellen.“"""
    finding = check(project(use="tankstelle"), context("1200"))
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 4 Abs. 3 Nr. 5 BauNVO")


def test_laden_im_erdgeschoss_und_wohnungen_darueber_werden_im_wa_je_nutzung_beurteilt() -> None:
    """§ 4 Abs. 2: „1. Wohngebäude, 2. die der Versorgung des Gebiets dienenden Läden …“ – the dwellings are
    admissible, the shop only if it serves the area, so the whole is for the clerk."""
    finding = check(project(use="wohngebaeude", uses=("wohngebaeude", "laden")), context("1200"))
    assert finding.status == "needs_review"
    assert "„Wohngebäude“ ist im WA allgemein zulässig" in finding.message
    assert "„Laden“ ist im WA nur allgemein zulässig als: die der Versorgung des Gebiets dienenden Läden" in (
        finding.message
    )
    assert [a["status"] for a in finding.evidence["answers"]] == ["pass", "needs_review"]


def test_eine_spielhalle_im_erdgeschoss_eines_wohnhauses_im_wa_macht_das_vorhaben_unzulaessig() -> None:
    """§ 4 BauNVO nennt Vergnügungsstätten weder in Abs. 2 noch in Abs. 3."""
    finding = check(project(use="wohngebaeude", uses=("wohngebaeude", "vergnuegungsstaette")), context("1200"))
    assert finding.status == "fail"


@pytest.mark.parametrize(
    ("code", "use", "status", "basis"),
    [
        # § 2 Abs. 2 Nr. 1 (WS): „Kleinsiedlungen einschließlich Wohngebäude mit entsprechenden Nutzgärten,
        # landwirtschaftliche Nebenerwerbsstellen und Gartenbaubetriebe“
        ("1000", "gartenbau", "pass", "§ 2 Abs. 2 Nr. 1 BauNVO"),
        ("1000", "wohngebaeude", "needs_review", "§ 2 Abs. 2 Nr. 1 BauNVO"),
        # § 2 Abs. 3 Nr. 3 (WS): „Tankstellen“ ausnahmsweise
        ("1000", "tankstelle", "needs_review", "§ 2 Abs. 3 Nr. 3 BauNVO"),
        # § 4a Abs. 2 Nr. 4 (WB): „Geschäfts- und Bürogebäude“
        ("1300", "buero_verwaltung", "pass", "§ 4a Abs. 2 Nr. 4 BauNVO"),
        # § 4a Abs. 3 Nr. 2 (WB): „Vergnügungsstätten, soweit sie nicht … nur in Kerngebieten allgemein zulässig sind“
        ("1300", "vergnuegungsstaette", "needs_review", "§ 4a Abs. 3 Nr. 2 BauNVO"),
        # § 5 Abs. 2 Nr. 9 (MD): „Tankstellen“
        ("1400", "tankstelle", "pass", "§ 5 Abs. 2 Nr. 9 BauNVO"),
        # § 5 Abs. 2 Nr. 1 (MD): „Wirtschaftsstellen land- und forstwirtschaftlicher Betriebe …“
        ("1400", "land_forstwirtschaft", "pass", "§ 5 Abs. 2 Nr. 1 BauNVO"),
        # § 5a Abs. 2 Nr. 1 (MDW): „Wohngebäude“
        ("1450", "wohngebaeude", "pass", "§ 5a Abs. 2 Nr. 1 BauNVO"),
        # § 5a: Vergnügungsstätten nennt die Vorschrift nicht
        ("1450", "vergnuegungsstaette", "fail", "§ 5a Abs. 2 und 3 BauNVO"),
        # § 6a Abs. 2 Nr. 3 (MU): „Einzelhandelsbetriebe, Schank- und Speisewirtschaften sowie Betriebe des
        # Beherbergungsgewerbes“
        ("1550", "gaststaette", "pass", "§ 6a Abs. 2 Nr. 3 BauNVO"),
        # § 6a Abs. 3 Nr. 2 (MU): „Tankstellen“ ausnahmsweise
        ("1550", "tankstelle", "needs_review", "§ 6a Abs. 3 Nr. 2 BauNVO"),
        # § 7 Abs. 2 Nr. 2 (MK): „Einzelhandelsbetriebe, Schank- und Speisewirtschaften, Betriebe des
        # Beherbergungsgewerbes und Vergnügungsstätten“
        ("1600", "vergnuegungsstaette", "pass", "§ 7 Abs. 2 Nr. 2 BauNVO"),
        # § 7 Abs. 2 Nr. 7 (MK): „sonstige Wohnungen nach Maßgabe von Festsetzungen des Bebauungsplans“
        ("1600", "wohngebaeude", "needs_review", "§ 7 Abs. 2 Nr. 7 BauNVO"),
        # § 7 Abs. 2 Nr. 6 (MK): „Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber …“
        ("1600", "betriebswohnung", "pass", "§ 7 Abs. 2 Nr. 6 BauNVO"),
        # § 7: Gartenbaubetriebe nennt die Vorschrift nicht
        ("1600", "gartenbau", "fail", "§ 7 Abs. 2 und 3 BauNVO"),
    ],
)
def test_die_neu_entscheidbaren_baugebiete_folgen_dem_wortlaut(code: str, use: str, status: str, basis: str) -> None:
    finding = check(project(use=use), context(code))
    assert (finding.status, finding.legal_basis) == (status, basis)
    assert "Wortlaut" not in finding.message and "verifiziert" not in finding.message


@pytest.mark.parametrize(("code", "status"), [("1100", "needs_review"), ("1200", "needs_review"),
                                              ("1700", "pass"), ("1550", "pass")])
def test_garagen_sind_nach_paragraph_12_in_allen_baugebieten_zulaessig_in_w_gebieten_nur_fuer_den_bedarf(
    code: str, status: str
) -> None:
    """§ 12 Abs. 1: „Stellplätze und Garagen sind in allen Baugebieten zulässig, soweit sich aus den Absätzen 2 bis
    6 nichts anderes ergibt.“ Abs. 2: in WS, WR, WA „nur für den durch die zugelassene Nutzung verursachten
    Bedarf“."""
    finding = check(project(use="garage"), context(code))
    assert finding.status == status
    assert finding.legal_basis.startswith("§ 12 Abs.")


def test_ein_nebengebaeude_ist_nach_paragraph_14_zulaessig_wenn_es_untergeordnet_ist_und_dient() -> None:
    """§ 14 Abs. 1 Satz 1: „… untergeordnete Nebenanlagen und Einrichtungen zulässig, die dem Nutzungszweck der in
    dem Baugebiet gelegenen Grundstücke oder des Baugebiets selbst dienen und die seiner Eigenart nicht
    widersprechen.“ – not visible in the application, so for the clerk."""
    finding = check(project(use="nebengebaeude"), context("1200"))
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 14 Abs. 1 Satz 1 BauNVO")


def test_ohne_versionbaunvo_gilt_fuer_einen_plan_von_1971_eine_aeltere_baunvo_und_die_kita_wird_geprueft() -> None:
    """§ 25c BauNVO: „Ist der Entwurf eines Bauleitplans vor dem 27. Januar 1990 … öffentlich ausgelegt worden, ist
    auf ihn diese Verordnung in der bis zum 26. Januar 1990 geltenden Fassung anzuwenden.“ A plan in force since
    1971 was displayed before – the current § 3 Abs. 2 Nr. 2 (Kinderbetreuung) cannot decide (M7)."""
    finding = check(project(use="kita"), context("1100", baunvo_year=None, in_force=dt.date(1971, 4, 1)))
    assert finding.status == "needs_review"
    assert "BauNVO 1968 oder eine ältere Fassung" in finding.message
    assert "21.12.1971" not in finding.message
    assert "01.04.1971" in finding.review_note and "§ 25 BauNVO" in finding.review_note


def test_ein_plan_von_2022_ohne_angabe_der_fassung_kann_noch_unter_die_alte_baunvo_fallen() -> None:
    """§ 25e: display before 23.06.2021 → the version until then; the plan's data do not tell the display date."""
    finding = check(project(use="tankstelle"), context("1200", baunvo_year=None, in_force=dt.date(2022, 5, 1)))
    assert finding.status == "needs_review"
    assert "vor dem 23.06.2021 ausgelegt" in finding.review_note


def test_ein_wohngebaeude_im_wr_ist_in_jeder_fassung_zulaessig_auch_im_plan_von_1971() -> None:
    finding = check(project(use="wohngebaeude"), context("1100", baunvo_year=None, in_force=dt.date(1971, 4, 1)))
    assert finding.status == "pass"
    assert "in allen Fassungen der BauNVO seit 1962 gleich" in finding.message


def test_die_meldung_nennt_keine_gml_kennung_der_teilflaeche() -> None:
    ctx = context("1200")
    gml = replace(ctx.area, id="GML_8ebb5c68-1f0e-4d5a-9c57-0e0a2d3bd0b1")
    finding = check(project(use="wohngebaeude"), replace(ctx, area=gml))
    assert "GML_" not in finding.message
    assert finding.evidence["area"] == gml.name  # the evidence names the area as the plan does, not by GML id
    assert "GML_" not in str(finding.evidence)


def test_nennt_der_plan_eine_baunvo_die_es_bei_seinem_inkrafttreten_noch_nicht_gab_gilt_sie_nicht() -> None:
    """The real plan Eidelstedt 4 (in force 16.10.1973) states versionBauNVO 4000 (1990): a plan can only be
    governed by a version in force before it was adopted (§§ 25 ff. BauNVO), so the clerk is told."""
    finding = check(project(use="kita"), context("1100", baunvo_year=1990, in_force=dt.date(1973, 10, 16)))
    assert finding.status == "needs_review"
    assert "BauNVO 1968 oder eine ältere Fassung" in finding.message
    assert "als diese Fassung noch nicht galt" in finding.review_note
