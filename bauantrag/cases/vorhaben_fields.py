"""Which Vorhaben fields the applicant edits, and which a submission needs."""

from __future__ import annotations

from typing import Any

from bauantrag.cases.models import Vorhaben

#: The postal addresses of Bauherrschaft and Entwurfsverfasser/in: for the letters, not for the pre-check.
CONTACT_FIELDS: tuple[str, ...] = (
    "bauherr_anrede", "bauherr_street", "bauherr_postal_code", "bauherr_city",
    "designer_name", "designer_street", "designer_postal_code", "designer_city",
)
EDITABLE_FIELDS: tuple[str, ...] = (
    "bauherr_name", *CONTACT_FIELDS,
    "street", "house_number", "postal_code", "city", "gemarkung", "flur", "flurstueck", "parcel_area_m2",
    "description", "project_kind", "use", "procedure_requested", "planning_area", "plan_conforming",
    "access_secured", "detached", "underground", "has_aufenthaltsraum",
    "units", "dwellings", "storeys_full", "storeys_above_ground", "height_m", "structure_height_m",
    "wall_height_mean_m", "gross_floor_area_m2", "largest_unit_floor_area_m2", "largest_storey_area_m2",
    "floor_area_m2", "gross_volume_m3",
    "sales_area_m2", "visitors", "guest_places_inside", "beds", "persons_cared", "garage_usable_area_m2",
    "existing_garages_area_m2", "newer_law_requested",
    "site",
)
#: Edited on their own page ("Lage und Gebäudegrundriss"), not in the form of the project data.
SEPARATE_FIELDS: tuple[str, ...] = ("site",)
FORM_FIELDS: tuple[str, ...] = tuple(name for name in EDITABLE_FIELDS if name not in SEPARATE_FIELDS)

REQUIRED_FOR_SUBMISSION: tuple[str, ...] = (
    "bauherr_name", "street", "postal_code", "city", "gemarkung", "flur", "flurstueck",
    "description", "project_kind", "use",
)


def snapshot(vorhaben: Vorhaben) -> dict[str, Any]:
    return {name: getattr(vorhaben, name) for name in EDITABLE_FIELDS}
