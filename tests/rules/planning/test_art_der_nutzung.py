"""Art der baulichen Nutzung (§§ 2 bis 14 BauNVO) — which Vorhaben is admissible in which Baugebiet."""

from dataclasses import replace

import pytest
from planning_scenes import area, plan, project

from bauantrag.rules.model import USES
from bauantrag.rules.nrw.baunvo.art_der_nutzung import RULE_ID, check
from bauantrag.rules.nrw.baunvo.common import PlanContext


def context(code: str, *, baunvo_year: int | None = 2023) -> PlanContext:
    the_area = area(code)
    return PlanContext(plan(areas=[the_area], baunvo_year=baunvo_year), the_area, (), 500.0, 500.0)


def test_ein_wohngebaeude_im_wa_ist_nach_paragraph_4_abs_2_nr_1_baunvo_allgemein_zulaessig() -> None:
    finding = check(project(use="wohngebaeude"), context("1200"))
    assert finding.rule == RULE_ID
    assert finding.status == "pass"
    assert finding.legal_basis == "§ 4 Abs. 2 Nr. 1 BauNVO"
    assert "„Wohngebäude“ ist im WA allgemein zulässig" in finding.message


def test_ein_beherbergungsbetrieb_im_wa_ist_nur_ausnahmsweise_nach_paragraph_4_abs_3_nr_1_zulaessig() -> None:
    finding = check(project(use="beherbergung"), context("1200"))
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 4 Abs. 3 Nr. 1 BauNVO"
    assert "nur ausnahmsweise zulässig" in finding.message
    assert "Betriebe des Beherbergungsgewerbes" in finding.message


def test_eine_gaststaette_im_reinen_wohngebiet_verstoesst_gegen_paragraph_3_baunvo() -> None:
    finding = check(project(use="gaststaette"), context("1100"))
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 3 Abs. 2 und 3 BauNVO"


def test_ein_laden_im_wa_ist_nur_zulaessig_wenn_er_der_versorgung_des_gebiets_dient() -> None:
    finding = check(project(use="verkaufsstaette"), context("1200"))
    assert finding.status == "needs_review"
    assert "die der Versorgung des Gebiets dienenden Läden" in finding.message


def test_ein_wohngebaeude_im_gewerbegebiet_verstoesst_gegen_paragraph_8_baunvo() -> None:
    finding = check(project(use="wohngebaeude"), context("1700"))
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 8 Abs. 2 und 3 BauNVO"
    assert "„Wohngebäude“ ist im GE unzulässig" in finding.message


def test_eine_lagerhalle_im_industriegebiet_ist_nach_paragraph_9_abs_2_nr_1_zulaessig() -> None:
    assert check(project(use="lager"), context("1800")).status == "pass"


def test_ein_buerogebaeude_im_mischgebiet_ist_nach_paragraph_6_abs_2_zulaessig() -> None:
    finding = check(project(use="buero_verwaltung"), context("1500"))
    assert (finding.status, finding.legal_basis) == ("pass", "§ 6 Abs. 2 Nr. 2 BauNVO")


def test_ein_supermarkt_mit_1200_m2_verkaufsflaeche_im_mischgebiet_ist_zu_pruefen() -> None:
    """§ 11 Abs. 3 Satz 3 BauNVO: „Auswirkungen … sind … in der Regel anzunehmen, wenn die Geschossfläche 1 200 m2
    überschreitet.“ (großflächig nach der Rechtsprechung ab 800 m² Verkaufsfläche)"""
    finding = check(project(use="verkaufsstaette", sales_area_m2=1200.0), context("1500"))
    assert finding.status == "needs_review"
    assert "§ 11 Abs. 3 Satz 1 BauNVO" in finding.message and "1.200 m² Geschossfläche" in finding.message
    assert "Wortlaut nicht geprüft" not in finding.message


def test_ein_laden_mit_300_m2_im_mischgebiet_ist_zulaessig() -> None:
    assert check(project(use="verkaufsstaette", sales_area_m2=300.0), context("1500")).status == "pass"


@pytest.mark.parametrize("code", ["2000", "2100"])
def test_im_sondergebiet_legt_der_plan_die_zulaessige_nutzung_fest_und_die_bauaufsicht_prueft(code: str) -> None:
    """§ 11 Abs. 2 BauNVO: „Für sonstige Sondergebiete sind die Zweckbestimmung und die Art der Nutzung darzustellen
    und festzusetzen.“ (§ 10 Abs. 2 for Erholung) – the BauNVO alone cannot decide."""
    finding = check(project(use="wohngebaeude"), context(code))
    assert finding.status == "needs_review"
    assert "legt der Bebauungsplan selbst fest" in finding.message


def test_ohne_art_der_baulichen_nutzung_im_plan_ist_zu_pruefen() -> None:
    the_area = replace(area("1200"), special_use=None)
    ctx = PlanContext(plan(areas=[the_area]), the_area, (), 500.0, 500.0)
    assert check(project(), ctx).status == "needs_review"


def test_eine_kita_im_wr_eines_plans_nach_baunvo_1977_ist_zu_pruefen() -> None:
    current = check(project(use="kita"), context("1100"))
    old = check(project(use="kita"), context("1100", baunvo_year=1977))
    assert current.status == "needs_review"
    assert old.status == "needs_review"
    assert "BauNVO 1977" in old.message


def test_ein_wohngebaeude_im_wa_eines_plans_nach_baunvo_1990_bleibt_zulaessig() -> None:
    finding = check(project(use="wohngebaeude"), context("1200", baunvo_year=1990))
    assert finding.status == "pass"


def test_ein_buerogebaeude_im_mi_eines_plans_nach_baunvo_1968_ist_zu_pruefen() -> None:
    finding = check(project(use="buero_verwaltung"), context("1500", baunvo_year=1968))
    assert finding.status == "needs_review"
    assert finding.evidence["answer_under_current_text"] == "pass"


@pytest.mark.parametrize("code", ["1000", "1100", "1200", "1300", "1400", "1450", "1500", "1550", "1600", "1700",
                                  "1800"])
@pytest.mark.parametrize("use", USES)
def test_jede_nutzung_hat_in_jedem_geprueften_baugebiet_eine_begruendete_antwort(code: str, use: str) -> None:
    finding = check(project(use=use), context(code))
    assert finding.legal_basis.endswith("BauNVO")
    assert finding.message.count("„") >= 1
