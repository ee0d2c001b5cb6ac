"""The planning-law engine: where the Vorhaben lies in the plan, and its integration into ``run_precheck``."""

from dataclasses import replace

from planning_scenes import area, by_rule, house, plan, project, rect, site

from bauantrag.rules.engine import run_precheck
from bauantrag.rules.model import Vorhaben
from bauantrag.rules.planning.engine import run_planning_check

EFH = Vorhaben(
    project_kind="neubau",
    use="wohngebaeude",
    detached=True,
    units=1,
    height_m=3.1,
    gross_floor_area_m2=160.0,
    underground=False,
    storeys_full=2,
    storeys_above_ground=2,
)
RULES = [
    "bplan.lage",
    "baunvo.art_der_nutzung",
    "baunvo.19.grz",
    "baunvo.20.gfz",
    "bauo_nrw.2.6.vollgeschosse",
    "bplan.hoehe",
    "baunvo.23.baugrenze",
    "bauo_nrw.6.abstandsflaechen",
]


def test_ein_einfamilienhaus_im_wa_durchlaeuft_alle_planungsrechtlichen_regeln_in_fester_reihenfolge() -> None:
    findings = run_planning_check(project(), plan())
    assert [f.rule for f in findings] == RULES
    assert {f.status for f in findings} == {"pass"}
    assert "Baugebiet WA (allgemeines Wohngebiet, § 4 BauNVO), Teilfläche 1 von 1." in findings[0].message


def test_ohne_bebauungsplan_werden_nur_die_abstandsflaechen_geprueft() -> None:
    findings = by_rule(run_planning_check(project(), None))
    assert set(findings) == {"bplan.lage", "bauo_nrw.6.abstandsflaechen"}
    assert findings["bplan.lage"].status == "needs_review"
    assert findings["bauo_nrw.6.abstandsflaechen"].status == "pass"


def test_ein_haus_in_zwei_baugebieten_ist_zu_pruefen_und_nennt_beide() -> None:
    wa, mi = area("1200", rect(-100, -100, 115, 300), "WA1", grz=0.4), area("1500", rect(15, -100, 200, 300), "MI1")
    findings = run_planning_check(project(), plan(areas=[wa, mi]))
    assert [f.rule for f in findings] == ["bplan.lage", "bauo_nrw.6.abstandsflaechen"]
    assert findings[0].status == "needs_review"
    assert "in mehreren Baugebieten" in findings[0].message
    assert [a["area"] for a in findings[0].evidence["areas"]] == ["Teilfläche 1 von 2", "Teilfläche 2 von 2"]


def test_ein_haus_ausserhalb_aller_baugebiete_ist_zu_pruefen() -> None:
    findings = run_planning_check(project(), plan(areas=[area("1200", rect(500, 500, 50, 50))]))
    assert findings[0].status == "needs_review"
    assert "in keinem Baugebiet" in findings[0].message


def test_ein_haus_teilweise_ausserhalb_des_geltungsbereichs_ist_zu_pruefen() -> None:
    findings = run_planning_check(project(), plan(geltungsbereich=rect(-100, -100, 115, 300)))
    assert findings[0].status == "needs_review"
    assert "außerhalb des Geltungsbereichs" in findings[0].message
    assert findings[0].evidence["outside_geltungsbereich_m2"] == 40.0


def test_ein_nicht_in_kraft_getretener_plan_ist_zu_pruefen_die_regeln_laufen_trotzdem() -> None:
    findings = run_planning_check(project(), plan(legal_status="3000"))
    assert findings[0].status == "needs_review"
    assert "Rechtsstand: Satzung beschlossen" in findings[0].message
    assert [f.rule for f in findings] == RULES


def test_im_gewerbegebiet_des_plans_gilt_fuer_die_abstandsflaechen_0_2_h() -> None:
    hall = house(5, 5, 30, 20, h=20.0, name="Halle")
    ge = area("1700", grz=0.8)
    scene = site(rect(0, 0, 40, 30), [hall])
    findings = by_rule(
        run_planning_check(project(scene, use="gewerbe", building_class=3), plan(areas=[ge], buildable=[]))
    )
    assert findings["bauo_nrw.6.abstandsflaechen"].status == "pass"
    assert findings["bauo_nrw.6.abstandsflaechen"].evidence["baugebiet"] == "GE"


def test_run_precheck_ohne_lageplan_und_plan_bleibt_wie_bisher() -> None:
    assert not {f.rule for f in run_precheck(EFH).findings} & set(RULES)


def test_run_precheck_mit_lageplan_prueft_die_abstandsflaechen_auch_ohne_plan() -> None:
    result = run_precheck(EFH, site=site())
    rules = by_rule(result.findings)
    assert rules["bauo_nrw.6.abstandsflaechen"].status == "pass"
    assert rules["bauo_nrw.6.abstandsflaechen"].evidence["building_class"] == 1


def test_run_precheck_mit_plan_aber_ohne_lageplan_meldet_pruefbedarf() -> None:
    rules = by_rule(run_precheck(EFH, plan=plan()).findings)
    assert rules["bplan.lage"].status == "needs_review"
    assert "keine Lageplan-Geometrie" in rules["bplan.lage"].message


def test_run_precheck_mit_plan_und_lageplan_liefert_alle_befunde_mit_fassung_und_rechtsgrundlage() -> None:
    result = run_precheck(replace(EFH, floor_area_m2=160.0), plan=plan(), site=site())
    planning = [f for f in result.findings if f.rule in RULES]
    assert [f.rule for f in planning] == RULES
    for finding in planning:
        assert finding.law_version and finding.legal_basis and finding.message
