"""Hausformen (§ 22 Abs. 2 BauNVO) where the plan sets a bebauungsArt (XPlanGML BP_BebauungsArt)."""

from __future__ import annotations

from pathlib import Path

from planning_scenes import area, by_rule, house, plan, project, rect, site
from shapely.geometry import box

from bauantrag.formats.xplan import read_plan
from bauantrag.rules.planning.engine import run_planning_check
from bauantrag.rules.planning.plan import BuildableArea
from bauantrag.rules.planning.project import Building, SitePlan

DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"


def hausform(art: str | None, the_site: object = None, dwellings: int | None = 1, **kw: object) -> object:
    the_plan = plan([area(grz=0.4, bebauungsart=art)], **kw)  # type: ignore[arg-type]
    found = by_rule(run_planning_check(project(the_site, dwellings=dwellings), the_plan))  # type: ignore[arg-type]
    return found.get("baunvo.22.hausform")


def test_ein_freistehendes_einfamilienhaus_wo_nur_einzelhaeuser_zulaessig_sind_haelt_paragraph_22_ein() -> None:
    finding = hausform("1000")
    assert (finding.status, finding.legal_basis) == ("pass", "§ 22 Abs. 2 Satz 3 BauNVO")  # type: ignore[attr-defined]


def test_ein_freistehendes_einfamilienhaus_wo_nur_doppelhaeuser_zulaessig_sind_verstoesst_gegen_paragraph_22() -> None:
    finding = hausform("2000")
    assert finding.status == "fail"  # type: ignore[attr-defined]
    assert "ist damit ein Einzelhaus; zulässig sind hier nur Doppelhäuser" in finding.message  # type: ignore[attr-defined]


def test_ein_freistehendes_haus_mit_zwei_wohnungen_wo_nur_doppelhaeuser_zulaessig_sind_ist_zu_pruefen() -> None:
    assert hausform("2000", dwellings=2).status == "needs_review"  # type: ignore[attr-defined]


def test_eine_doppelhaushaelfte_an_der_grundstuecksgrenze_ist_zu_pruefen_sie_haengt_vom_nachbarn_ab() -> None:
    half = site(buildings=[house(0, 10, 8, 10)])  # west wall on the parcel boundary x = 0
    finding = hausform("2000", half)
    assert finding.status == "needs_review"  # type: ignore[attr-defined]
    assert "mit 1 Außenwand/-wänden auf der Grundstücksgrenze" in finding.message  # type: ignore[attr-defined]
    assert finding.evidence["buildings"][0]["walls_on_boundary"] == 1  # type: ignore[attr-defined]


def test_ein_haus_von_55_m_laenge_ist_keine_hausform_der_offenen_bauweise() -> None:
    long_site = site(rect(0, 0, 70, 30), [house(5, 10, 55, 10)])
    finding = hausform("4000", long_site)
    assert (finding.status, finding.legal_basis) == ("fail", "§ 22 Abs. 2 Satz 2 BauNVO")  # type: ignore[attr-defined]
    assert "ist 55 m lang" in finding.message  # type: ignore[attr-defined]


def test_ohne_bebauungsart_im_plan_gibt_es_keinen_befund_zur_hausform() -> None:
    assert hausform(None) is None


def test_die_bebauungsart_der_ueberbaubaren_flaeche_geht_der_des_baugebiets_vor() -> None:
    buildable = (BuildableArea("UB1", rect(5, 5, 20, 18), bebauungsart="3000"),)
    finding = hausform("1000", buildable=buildable)
    assert finding.status == "fail" and "nur Hausgruppen" in finding.message  # type: ignore[attr-defined]


def test_in_blankenese_29_ist_ein_freistehendes_haus_wo_nur_doppelhaeuser_zulaessig_sind_ein_verstoss() -> None:
    blankenese = read_plan(DATA / "hamburg_blankenese29_xplan60" / "xplan.gml")  # 24 × bebauungsArt 1000, 4 × 2000
    results = {}
    for art in ("1000", "2000"):
        target = max((a for a in blankenese.areas if a.bebauungsart == art), key=lambda a: a.geometry.area)
        spot = next(
            point
            for b in blankenese.buildable_areas
            if not (room := b.geometry.buffer(-5).intersection(target.geometry.buffer(-10))).is_empty
            for point in (room.representative_point(),)
        )
        parcel = target.geometry.intersection(box(spot.x - 15, spot.y - 15, spot.x + 15, spot.y + 15))
        haus = Building("Haus", box(spot.x - 4, spot.y - 4, spot.x + 4, spot.y + 4))
        scene = SitePlan(parcel=parcel, buildings=(haus,))
        results[art] = by_rule(run_planning_check(project(scene, dwellings=1), blankenese))["baunvo.22.hausform"]
    assert results["1000"].status == "pass" and "nur Einzelhäuser" in results["1000"].message
    assert results["2000"].status == "fail" and "nur Doppelhäuser" in results["2000"].message
