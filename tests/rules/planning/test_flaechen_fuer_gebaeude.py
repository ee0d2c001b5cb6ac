"""Areas that are no Baugebiet but carry the Maß der Nutzung (XPlanGML 5.x/6.0: Fläche für Wohngebäude,
Gemeinbedarfsfläche, Fläche mit besonderem Nutzungszweck) are checked like a Baugebiet for GRZ, GFZ and Z."""

from __future__ import annotations

import pytest
from planning_scenes import area, by_rule, plan, project

from bauantrag.rules.planning.engine import run_planning_check


def wohngebaeudeflaeche(**values: object) -> object:
    return area(None, kind="BP_WohngebaeudeFlaeche", **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("floor", "status"), [(320.0, "pass"), (760.0, "fail")])
def test_ein_wohnhaus_auf_einer_flaeche_fuer_wohngebaeude_mit_gfz_0_8_wird_nach_paragraph_20_geprueft(
    floor: float, status: str
) -> None:
    # 840 m² parcel: GFZ 0,8 allows 672 m²
    found = by_rule(run_planning_check(project(floor_area_m2=floor), plan([wohngebaeudeflaeche(grz=0.4, gfz=0.8)])))
    assert found["baunvo.20.gfz"].status == status
    assert found["bplan.lage"].message.endswith(
        "liegen auf der Fläche für Wohngebäude (§ 9 Abs. 2d BauGB), Teilfläche 1 von 1."
    )


def test_die_art_der_nutzung_auf_einer_flaeche_fuer_wohngebaeude_prueft_die_bauaufsicht() -> None:
    art = by_rule(run_planning_check(project(), plan([wohngebaeudeflaeche(grz=0.4)])))["baunvo.art_der_nutzung"]
    assert art.status == "needs_review"
    assert "Fläche für Wohngebäude (§ 9 Abs. 2d BauGB)" in art.message and "Code" not in art.message
