"""Finding the plan that applies to a geometry, and the parsed plan behind a register entry."""

from __future__ import annotations

from typing import Any

import pytest
from shapely.geometry import Point, box

from bauantrag.plans import register, storage
from bauantrag.plans.actions import import_plan
from tests.plans.conftest import BLANKENESE, BPLAN004, EIDELSTEDT

pytestmark = pytest.mark.django_db

# Inside the first BaugebietsTeilFlaeche of Blankenese 29 (GML_4b97d1c5-…: WR, GRZ 0.4, 187 m²), EPSG:25832
IN_BLANKENESE_WR = Point(553183.47, 5934873.62)
FAR_AWAY = Point(390_000, 5_710_000)  # Dortmund, nowhere near Hamburg


@pytest.fixture
def plans(tenant: Any) -> dict[str, Any]:
    return {
        name: import_plan(None, tenant, path.name, path.read_bytes())
        for name, path in (("blankenese", BLANKENESE), ("bplan004", BPLAN004), ("eidelstedt", EIDELSTEDT))
    }


def test_a_point_in_an_area_of_blankenese_29_finds_that_plan(tenant: Any, plans: dict[str, Any]) -> None:
    found = register.plan_for_geometry(tenant, IN_BLANKENESE_WR)
    assert found == [(plans["blankenese"], 0.0)]
    parsed = register.parsed_plan(found[0][0])
    [(area, overlap)] = parsed.areas_at(IN_BLANKENESE_WR.buffer(1))
    assert (area.id, area.special_use, area.grz) == ("GML_4b97d1c5-89ef-4fe9-a1f8-94a5b06f3144", "1100", 0.4)
    assert overlap == pytest.approx(3.14, abs=0.05)


def test_a_far_away_point_finds_no_plan(tenant: Any, plans: dict[str, Any]) -> None:
    assert register.plan_for_geometry(tenant, FAR_AWAY) == []
    assert register.plan_for_geometry(tenant, FAR_AWAY.buffer(500)) == []


def test_a_footprint_gets_its_overlap_in_square_metres(tenant: Any, plans: dict[str, Any]) -> None:
    footprint = box(553180, 5934870, 553190, 5934880)  # 10 m × 10 m, well inside the Geltungsbereich
    [(plan, overlap)] = register.plan_for_geometry(tenant, footprint)
    assert plan == plans["blankenese"] and overlap == pytest.approx(100.0)


def test_a_geometry_across_two_plans_lists_the_larger_overlap_first(tenant: Any, plans: dict[str, Any]) -> None:
    # a strip over all of Blankenese 29 (x 552 874–553 341, y 5 934 780–5 935 086) reaching east into BPlan004
    # (x 567 386–567 475); Eidelstedt 4 lies further north (y ≥ 5 938 465) and is not reached
    strip = box(552_800, 5_934_700, 567_450, 5_937_650)
    found = register.plan_for_geometry(tenant, strip)
    assert [plan for plan, _overlap in found] == [plans["blankenese"], plans["bplan004"]]
    assert found[0][1] == pytest.approx(62_389.11, abs=1)  # all of Blankenese 29's Geltungsbereich
    assert 0 < found[1][1] < 5_735.3  # a part of BPlan004's


def test_plans_of_another_kommune_are_not_found(other_tenant: Any, plans: dict[str, Any]) -> None:
    assert register.plan_for_geometry(other_tenant, IN_BLANKENESE_WR) == []


def test_the_parsed_plan_is_read_from_the_stored_file_and_cached(tenant: Any, plans: dict[str, Any]) -> None:
    record = plans["eidelstedt"]
    register._cache.clear()
    first = register.parsed_plan(record)
    assert (first.name, first.xplan_version, len(first.areas)) == ("Eidelstedt 4", "4.1", 5)
    assert register.parsed_plan(record) is first  # the same object: not read twice


def test_a_changed_stored_file_is_noticed(tenant: Any, plans: dict[str, Any]) -> None:
    record = plans["bplan004"]
    register._cache.clear()
    path = storage.path(tenant.pk, record.storage_name)
    path.write_bytes(path.read_bytes().replace(b"0.9", b"0.1", 1))
    with pytest.raises(RuntimeError, match="SHA-256 weicht ab"):
        register.parsed_plan(record)
