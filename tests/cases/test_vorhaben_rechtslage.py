"""The application form carries what the pre-check needs for §§ 62 and 90 BauO NRW: the garages already on the
parcel and the request for the newer law; both reach the check through the stored Vorhaben."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.cases.models import Case
from bauantrag.rules.nrw.bauo_nrw.procedure import RULE_ID
from tests.factories import submitted_case

pytestmark = pytest.mark.django_db

GARAGE: dict[str, Any] = {
    "description": "Neubau einer Garage", "use": "garage", "procedure_requested": "", "units": 1, "dwellings": None,
    "storeys_full": 1, "storeys_above_ground": 1, "has_aufenthaltsraum": False, "height_m": "0.00",
    "structure_height_m": "2.90", "wall_height_mean_m": "2.60", "gross_floor_area_m2": "24.00",
    "largest_unit_floor_area_m2": "24.00", "largest_storey_area_m2": "24.00", "floor_area_m2": "24.00",
    "gross_volume_m3": "70.00", "garage_usable_area_m2": "21.50",
}


def procedure_finding(case: Case) -> Any:
    return case.check_runs.get().findings.get(rule=RULE_ID)


def test_garages_already_on_the_parcel_count_towards_the_30_m2_of_section_62() -> None:
    """§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b BauO NRW: „… Brutto-Grundfläche bis zu insgesamt 30 m²“."""
    alone = procedure_finding(submitted_case(**GARAGE))
    beside = procedure_finding(submitted_case(**GARAGE, existing_garages_area_m2="10.00"))
    assert "insgesamt 34 m² (mehr als 30 m²)" not in str(alone.evidence)
    assert "insgesamt 34 m² (mehr als 30 m²)" in str(beside.evidence)


def test_the_request_for_the_newer_law_is_kept_with_the_application_and_given_to_the_check() -> None:
    """§ 90 Abs. 4 Satz 2: the Bauherrschaft may ask for the newer law; the check records which law it applied."""
    asked = submitted_case(newer_law_requested=True)
    assert asked.vorhaben.newer_law_requested is True
    law = asked.check_runs.get().law
    assert law and "newer_law_requested" in str(law) and "'newer_law_requested': True" in str(law)
