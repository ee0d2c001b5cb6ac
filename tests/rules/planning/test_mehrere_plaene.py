"""Several plans at one site: the check uses the plan in force at the footprint, or names the plans for the clerk.

Plans: the fixtures in ``tests/data/xplan_fixtures`` (Langenhorn 51 with two Änderungen, a WFS download of two
plans; they mirror real Hamburg files) and the real Blankenese 29 and Eidelstedt 4 (``tests/data/xplan``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from planning_scenes import by_rule, project
from shapely.geometry import box

from bauantrag.formats.xplan import read_plan, read_plans
from bauantrag.rules.model import Finding
from bauantrag.rules.planning.engine import run_planning_check
from bauantrag.rules.planning.plan import Bebauungsplan, PlanArea, PlanLink
from bauantrag.rules.planning.project import Building, SitePlan

DATA = Path(__file__).resolve().parents[2] / "data"
LANGENHORN = read_plans(DATA / "xplan_fixtures" / "langenhorn51_aenderungen_xplan52.gml")
AEND1, AEND2, BASE = LANGENHORN
LX, LY = 566800.0, 5945000.0
WFS = read_plans(DATA / "xplan_fixtures" / "wfs_zwei_plaene_xplan53.gml")
WX, WY = 567500.0, 5929300.0


def house_at(x: float, y: float, plans: object, w: float = 10.0) -> dict[str, Finding]:
    parcel = box(x - 10, y - 10, x + w + 10, y + 18)
    house = Building("Wohnhaus", box(x, y, x + w, y + 8), wall_height_mean_m=6.0)
    scene = SitePlan(parcel=parcel, buildings=(house,), accessories=())
    return by_rule(run_planning_check(project(scene, storeys_full=1, floor_area_m2=80.0), plans))  # type: ignore[arg-type]


def test_die_datei_mit_zwei_aenderungen_haelt_alle_drei_plaene_und_ihre_beziehungen() -> None:
    names = ["Langenhorn 51 (1. Änderung)", "Langenhorn 51 (2. Änderung)", "Langenhorn 51"]
    assert [p.name for p in LANGENHORN] == names
    assert [(link.relation, link.kind, link.target) for link in AEND2.links] == [
        ("aendert", "aenderung", BASE.ref), ("aendert", "aenderung", AEND1.ref)
    ]
    assert [(link.relation, link.target) for link in BASE.links] == [("geaendert_durch", AEND1.ref)]
    assert [len(p.areas) for p in LANGENHORN] == [1, 1, 1]  # each feature went to the plan of its Bereich


def test_ein_haus_ausserhalb_der_aenderungen_wird_nach_dem_urplan_geprueft() -> None:
    found = house_at(LX + 55, LY + 20, LANGENHORN)
    lage = found["bplan.lage"]
    assert lage.status == "pass", lage.message
    assert lage.message.startswith("Bebauungsplan „Langenhorn 51“: Die Hauptgebäude liegen im Baugebiet WA")
    assert found["baunvo.19.grz"].evidence["grz_limit"] == 0.4
    assert {p["plan"] for p in lage.evidence["plans"]} == {"Bebauungsplan „Langenhorn 51“"}


def test_ein_haus_im_bereich_der_1_aenderung_ist_zu_pruefen_und_nennt_beide_plaene() -> None:
    found = house_at(LX + 15, LY + 20, LANGENHORN)
    lage = found["bplan.lage"]
    assert set(found) == {"bplan.lage", "bauo_nrw.6.abstandsflaechen"}  # no BauNVO rule on an unclear plan
    assert lage.status == "needs_review"
    assert (
        "Bebauungsplan „Langenhorn 51 (1. Änderung)“ (in Kraft seit 29.06.1983) ändert Bebauungsplan „Langenhorn 51“ "
        "(in Kraft seit 25.06.1976) (Änderung einzelner Festsetzungen)" in lage.message
    )
    assert "nicht eindeutig bestimmen" in lage.message
    assert "GML_" not in lage.message + str(lage.evidence)


def test_eine_ueberplanung_ersetzt_den_alten_plan_und_geprueft_wird_nach_dem_neuen() -> None:
    link = PlanLink("aendert", "ueberplanung", target=BASE.ref)
    replacing = replace(AEND1, links=(link,))
    found = house_at(LX + 15, LY + 20, (replacing, BASE))
    lage = found["bplan.lage"]
    assert lage.status == "pass", lage.message
    assert lage.message.startswith("Bebauungsplan „Langenhorn 51 (1. Änderung)“: Die Hauptgebäude liegen")
    assert "Bebauungsplan „Langenhorn 51“ gilt hier nicht mehr" in lage.message and "(Überplanung)" in lage.message
    assert found["baunvo.19.grz"].evidence["grz_limit"] == 0.3


def test_ein_aufgehobener_plan_bleibt_ausser_betracht() -> None:
    repealed = replace(AEND1, legal_status="50000", links=())
    lage = house_at(LX + 15, LY + 20, (repealed, replace(BASE, links=())))["bplan.lage"]
    assert lage.status == "pass" and lage.message.startswith("Bebauungsplan „Langenhorn 51“:")
    assert "„Langenhorn 51 (1. Änderung)“ bleibt außer Betracht (aufgehoben)" in lage.message


def test_der_plan_allein_nennt_seine_aenderung_die_nicht_vorliegt() -> None:
    found = house_at(LX + 55, LY + 20, (BASE,))  # the file names its Änderung only by reference, not by name
    lage = found["bplan.lage"]
    assert lage.status == "needs_review"
    assert "wurde laut Plandaten durch einen Plan ohne Namensangabe geändert (Änderung); diese Änderung liegt " \
           "nicht vor" in lage.message  # fmt: skip
    assert found["baunvo.19.grz"].status == "pass"  # the findings rest on the plan without the change


def test_eidelstedt_4_nennt_seine_textliche_aenderung_die_der_datei_fehlt() -> None:
    eidelstedt = read_plan(DATA / "xplan" / "hamburg_eidelstedt4_xplan41" / "xplan.gml")
    gi = next(a for a in eidelstedt.areas if a.special_use == "1800")
    spot = gi.geometry.representative_point()
    lage = house_at(spot.x, spot.y, eidelstedt)["bplan.lage"]
    assert "„Eidelstedt 4 (textliche Änderung)“ geändert (Änderung); diese Änderung liegt nicht vor" in lage.message


def test_blankenese_29_ersetzt_den_baustufenplan_der_ebenfalls_im_register_liegt() -> None:
    # the real file: aendertPlan „BSBlankenese“ with aenderungsArt 2000 (Aufhebung)
    blankenese = read_plan(DATA / "xplan" / "hamburg_blankenese29_xplan60" / "xplan.gml")
    area = max((a for a in blankenese.areas if a.special_use == "1200"), key=lambda a: a.geometry.area)
    old = Bebauungsplan(
        name="BSBlankenese", number=None, gemeinde="Hamburg", ags="02000000", plan_kind=("1000",), legal_status="4000",
        in_force_date=dt.date(1955, 1, 1), drawn_up_date=None, baunvo_version=None, xplan_version="6.0",
        source_crs="EPSG:25832", geltungsbereich=blankenese.geltungsbereich,
        areas=(PlanArea("alt", blankenese.geltungsbereich, special_use="1100", grz=0.1),),
    )  # fmt: skip
    spot = area.geometry.buffer(-6).representative_point()
    lage = house_at(spot.x - 5, spot.y - 4, (old, blankenese))["bplan.lage"]
    assert "Bebauungsplan „BSBlankenese“ gilt hier nicht mehr" in lage.message and "(Aufhebung)" in lage.message
    assert lage.message.startswith("Bebauungsplan „Blankenese29_Testplan_60“ Nr. 29:")


def test_im_wfs_download_gilt_am_standort_der_plan_dessen_geltungsbereich_ihn_hat() -> None:
    assert [p.name for p in WFS] == ["BPlan003_5-3", "BPlan001_5-3"]
    lage = house_at(WX + 80, WY + 20, WFS)["bplan.lage"]
    assert lage.status == "pass" and lage.message.startswith("Bebauungsplan „BPlan001_5-3“:")


def test_ein_haus_auf_der_grenze_zweier_plaene_ist_zu_pruefen_und_nennt_beide_mit_flaechen() -> None:
    lage = house_at(WX + 55, WY + 20, WFS)["bplan.lage"]  # 5 m in BPlan003, 5 m in BPlan001
    assert lage.status == "needs_review"
    assert "mehrere Pläne ohne angegebene Änderungsbeziehung: Bebauungsplan „BPlan003_5-3“ (40 m²); " \
           "Bebauungsplan „BPlan001_5-3“ (40 m²)" in lage.message  # fmt: skip


def test_eine_aenderung_die_erst_kuenftig_in_kraft_tritt_bleibt_ausser_betracht() -> None:
    future = replace(AEND1, in_force_date=dt.date.today() + dt.timedelta(days=30))
    lage = house_at(LX + 15, LY + 20, (future, BASE))["bplan.lage"]
    assert lage.message.startswith("Bebauungsplan „Langenhorn 51“:") and "tritt erst am" in lage.message
