"""End to end: the example applications placed into the real Bebauungsplan Blankenese 29 (XPlanGML 6.0), read
with ``read_plan`` and checked through ``run_precheck``; and every real test plan survives the rules."""

from pathlib import Path

import pytest
from planning_scenes import by_rule
from shapely.geometry import box

from bauantrag.formats.application_json import read_application_json, site_from_dict, vorhaben_from_dict
from bauantrag.formats.xplan import read_plan
from bauantrag.rules.engine import run_precheck
from bauantrag.rules.planning.engine import run_planning_check
from bauantrag.rules.planning.project import Building, PlanningProject, SitePlan

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples"
PLANS = sorted((REPO / "tests" / "data" / "xplan").glob("**/*.gml"))


def check_example(name: str):  # type: ignore[no-untyped-def]
    path = EXAMPLES / name
    data = read_application_json(path)
    site = site_from_dict(data)
    assert site is not None and site.plan_ref is not None
    plan = read_plan(path.parent / site.plan_ref)
    return by_rule(run_precheck(vorhaben_from_dict(data), plan=plan, site=site).findings)


def test_das_einfamilienhaus_im_wa_von_blankenese_29_haelt_art_grz_baugrenze_und_abstandsflaechen_ein() -> None:
    rules = check_example("bplan_wa_einfamilienhaus.json")
    for rule in (
        "baunvo.art_der_nutzung",
        "baunvo.19.grz",
        "baunvo.20.gfz",
        "bplan.hoehe",
        "baunvo.23.baugrenze",
        "bauo_nrw.6.abstandsflaechen",
    ):
        assert rules[rule].status == "pass", rules[rule].message
    assert not [f for f in rules.values() if f.status == "fail"]
    assert rules["bplan.lage"].evidence["area"] == "Teilfläche 42 von 43"  # the area with gml:id GML_8ebb5c68-…
    assert "GML_" not in str([f.message for f in rules.values()]) + str([f.evidence for f in rules.values()])
    assert rules["baunvo.19.grz"].evidence["grz_limit"] == 0.3
    # honest limits of a Hamburg test plan: Rechtsstand "Satzung", Hamburg's Vollgeschossbegriff
    assert "Satzung beschlossen" in rules["bplan.lage"].message
    assert "AGS 02000000" in rules["bauo_nrw.2.6.vollgeschosse"].message


def test_das_zu_grosse_haus_in_blankenese_29_verstoesst_gegen_grz_und_baugrenze() -> None:
    rules = check_example("bplan_wa_verstoss_grz_baugrenze.json")
    assert rules["baunvo.19.grz"].status == "fail"
    assert "GRZ 0,312" in rules["baunvo.19.grz"].message
    assert rules["baunvo.23.baugrenze"].status == "fail"
    crossing = rules["baunvo.23.baugrenze"].evidence["crossings"]
    assert sum(c["area_m2"] for c in crossing) > 30 and not all(c["gebaeudeteil"] for c in crossing)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.parent.name if p.name == "xplan.gml" else p.name)
def test_ein_kleines_haus_in_jeder_teilflaeche_jedes_echten_plans_ergibt_gueltige_befunde(path: Path) -> None:
    plan = read_plan(path)
    assert plan.areas
    for area in plan.areas:
        point = area.geometry.representative_point()
        footprint = box(point.x - 2, point.y - 2, point.x + 2, point.y + 2)
        parcel = area.geometry if area.geometry.geom_type == "Polygon" else footprint.buffer(10)
        site = SitePlan(
            parcel=parcel,
            buildings=(Building("Haus", footprint, wall_height_mean_m=6.0, storeys_full=2),),
            accessories=(),
        )
        findings = run_planning_check(PlanningProject(site=site, use="wohngebaeude", building_class=1), plan)
        assert findings[0].rule == "bplan.lage"
        assert findings[-1].rule == "bauo_nrw.6.abstandsflaechen"
        for finding in findings:
            assert finding.status in {"pass", "fail", "needs_review"}
