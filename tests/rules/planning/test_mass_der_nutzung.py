"""Maß der baulichen Nutzung: GRZ (§ 19 BauNVO), GFZ (§ 20 BauNVO) — each test is a sentence about one house."""

from planning_scenes import area, house, plan, project, rect, site

from bauantrag.rules.nrw.baunvo import mass
from bauantrag.rules.nrw.baunvo.common import PlanContext
from bauantrag.rules.planning.engine import run_planning_check
from bauantrag.rules.planning.plan import BuildableArea
from bauantrag.rules.planning.project import AccessoryArea


def context(site_area: float = 500.0, **limits: float) -> PlanContext:
    the_area = area("1200", **limits)
    return PlanContext(plan(areas=[the_area]), the_area, (), site_area, site_area)


def efh(ground: float, *, accessories: tuple[AccessoryArea, ...] | None = (), floor: float | None = None):  # type: ignore[no-untyped-def]
    building = house(0, 0, 10, ground / 10, floor_area_m2=floor)
    return project(site(rect(-20, -20, 50, 50), [building], accessories=accessories))


def test_ein_einfamilienhaus_mit_grz_0_42_im_wa_mit_grz_0_4_verstoesst_gegen_paragraph_19_baunvo() -> None:
    finding = mass.check_grz(efh(210.0), context(grz=0.4))
    assert finding.rule == "baunvo.19.grz"
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 19 Abs. 1 und 2 BauNVO"
    assert "GRZ 0,42" in finding.message
    assert "festgesetzt ist GRZ 0,4, zulässig sind 200 m² – überschritten um 10 m²" in finding.message
    assert finding.evidence["grz"] == 0.42


def test_ein_einfamilienhaus_mit_grz_0_3_und_garage_haelt_grz_0_4_ein() -> None:
    garage = (AccessoryArea("garagen_stellplaetze", area_m2=40.0),)
    finding = mass.check_grz(efh(150.0, accessories=garage), context(grz=0.4))
    assert finding.status == "pass"
    assert finding.legal_basis == "§ 19 Abs. 1, 2 und 4 BauNVO"
    assert finding.evidence["total_area_m2"] == 190.0
    assert finding.evidence["cap_area_m2"] == 300.0


def test_garagen_und_stellplaetze_duerfen_die_zulaessige_grundflaeche_um_hoechstens_50_prozent_ueberschreiten() -> None:
    lots = (AccessoryArea("garagen_stellplaetze", area_m2=60.0), AccessoryArea("nebenanlage", area_m2=50.0))
    finding = mass.check_grz(efh(195.0, accessories=lots), context(grz=0.4))
    assert finding.status == "fail"
    assert finding.legal_basis == "§ 19 Abs. 4 Satz 2 BauNVO"
    assert "überschritten um 5 m²" in finding.message
    assert "Satz 4" in finding.message


def test_die_ueberschreitung_nach_abs_4_endet_bei_grz_0_8() -> None:
    lots = (AccessoryArea("unterirdisch", area_m2=120.0),)
    finding = mass.check_grz(efh(290.0, accessories=lots), context(grz=0.6))
    assert finding.evidence["cap_area_m2"] == 400.0  # 0,8 × 500 m², not 1,5 × 300 m²
    assert finding.status == "fail"


def test_ein_als_polygon_gezeichneter_stellplatz_zaehlt_mit_seiner_flaeche() -> None:
    lots = (AccessoryArea("garagen_stellplaetze", polygon=rect(12, 0, 5, 20)),)
    finding = mass.check_grz(efh(150.0, accessories=lots), context(grz=0.4))
    assert finding.evidence["accessory_area_m2"] == 100.0


def test_ohne_angaben_zu_garagen_und_nebenanlagen_ist_abs_4_zu_pruefen() -> None:
    finding = mass.check_grz(efh(150.0, accessories=None), context(grz=0.4))
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 19 Abs. 4 BauNVO"


def test_eine_festgesetzte_grundflaeche_von_120_m2_begrenzt_ein_haus_mit_130_m2() -> None:
    finding = mass.check_grz(efh(130.0), context(gr=120.0))
    assert finding.status == "fail"
    assert "GR 120 m²" in finding.message


def test_ohne_grz_und_gr_im_plan_ist_das_mass_zu_pruefen() -> None:
    finding = mass.check_grz(efh(130.0), context())
    assert (finding.status, finding.legal_basis) == ("needs_review", "§ 16 Abs. 3 Nr. 1 BauNVO")


def test_die_grz_einer_ueberbaubaren_flaeche_geht_der_des_baugebiets_vor() -> None:
    the_area = area("1200", grz=0.4)
    ctx = PlanContext(
        plan(areas=[the_area]), the_area, (BuildableArea("UB", rect(0, 0, 30, 30), grz=0.2),), 500.0, 500.0
    )
    assert mass.check_grz(efh(150.0), ctx).status == "fail"


def test_nur_der_im_bauland_liegende_teil_des_grundstuecks_zaehlt() -> None:
    the_area = area("1200", geometry=rect(-20, -20, 50, 25), grz=0.4)  # the northern half is a Grünfläche
    scene = site(rect(-20, -20, 50, 50), [house(0, -15, 10, 15)], accessories=())
    findings = {f.rule: f for f in run_planning_check(project(scene), plan(areas=[the_area], buildable=[]))}
    assert findings["baunvo.19.grz"].evidence["site_area_m2"] == 1250.0
    assert findings["baunvo.19.grz"].evidence["parcel_area_m2"] == 2500.0


def test_eine_gfz_von_1_3_verstoesst_gegen_die_festgesetzte_gfz_1_2() -> None:
    finding = mass.check_gfz(efh(150.0, floor=650.0), context(grz=0.4, gfz=1.2))
    assert finding.rule == "baunvo.20.gfz"
    assert (finding.status, finding.legal_basis) == ("fail", "§ 20 Abs. 2 BauNVO")
    assert "GFZ 1,3" in finding.message


def test_eine_gfz_von_0_6_haelt_die_festgesetzte_gfz_1_2_ein() -> None:
    assert mass.check_gfz(efh(150.0, floor=300.0), context(gfz=1.2)).status == "pass"


def test_ohne_festgesetzte_gfz_gibt_es_nichts_zu_pruefen() -> None:
    finding = mass.check_gfz(efh(150.0, floor=300.0), context(grz=0.4))
    assert finding.status == "pass"
    assert "nichts zu prüfen" in finding.message


def test_ohne_geschossflaeche_ist_die_gfz_nicht_pruefbar() -> None:
    assert mass.check_gfz(efh(150.0), context(gfz=1.2)).status == "needs_review"


def test_eine_mindest_gfz_von_0_8_wird_mit_0_6_unterschritten() -> None:
    finding = mass.check_gfz(efh(150.0, floor=300.0), context(gfz_min=0.8))
    assert (finding.status, finding.legal_basis) == ("fail", "§ 16 Abs. 4 Satz 1 BauNVO")
