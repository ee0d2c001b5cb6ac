"""A JSON-ready summary of a Bebauungsplan (used by ``bauantrag plan inspect``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bauantrag.formats.xplan import codes
from bauantrag.formats.xplan.crs import TARGET_CRS
from bauantrag.rules.planning.plan import Bebauungsplan, HeightLimit, PlanArea

_AREA_VALUES = (
    "grz", "grz_min", "grz_max", "gr", "gr_max", "gfz", "gfz_min", "gfz_max", "gf", "gf_max", "bmz",
    "z", "z_min", "z_max", "z_exact",
)  # fmt: skip


def _round(value: float) -> float:
    return round(value, 2)


def height_summary(limit: HeightLimit) -> dict[str, Any]:
    result = dataclasses.asdict(limit)
    result["reference_point_label"] = codes.label(codes.REFERENCE_POINT, limit.reference_point)
    result["height_reference_label"] = codes.label(codes.HEIGHT_REFERENCE, limit.height_reference)
    return result


def area_summary(area: PlanArea) -> dict[str, Any]:
    point = area.geometry.representative_point()
    result: dict[str, Any] = {
        "id": area.id,
        "general_use": area.general_use,
        "general_use_label": codes.label(codes.GENERAL_USE, area.general_use),
        "special_use": area.special_use,
        "special_use_label": codes.label(codes.SPECIAL_USE, area.special_use),
        "special_use_detail": area.special_use_detail,
    }
    result.update({name: getattr(area, name) for name in _AREA_VALUES})
    result.update(
        {
            "bauweise": area.bauweise,
            "bauweise_label": codes.label(codes.BAUWEISE, area.bauweise),
            "heights": [height_summary(limit) for limit in area.heights],
            "area_m2": _round(area.geometry.area),
            "representative_point": [_round(point.x), _round(point.y)],
        }
    )
    return result


def plan_summary(plan: Bebauungsplan) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return value.isoformat() if value else None

    return {
        "version": plan.xplan_version,
        "crs": {"source": plan.source_crs, "target": TARGET_CRS},
        "name": plan.name,
        "number": plan.number,
        "gemeinde": plan.gemeinde,
        "ags": plan.ags,
        "plan_kind": list(plan.plan_kind),
        "plan_kind_labels": [codes.label(codes.PLAN_KIND, kind) for kind in plan.plan_kind],
        "legal_status": plan.legal_status,
        "legal_status_label": codes.label(codes.LEGAL_STATUS, plan.legal_status),
        "in_force_date": iso(plan.in_force_date),
        "ordinance_date": iso(plan.ordinance_date),
        "drawn_up_date": iso(plan.drawn_up_date),
        "baunvo_version": plan.baunvo_version,
        "baunvo_year": plan.baunvo_year,
        "geltungsbereich_m2": _round(plan.geltungsbereich.area) if plan.geltungsbereich is not None else None,
        "counts": {
            "areas": len(plan.areas),
            "buildable_areas": len(plan.buildable_areas),
            "baugrenzen": sum(1 for line in plan.boundary_lines if line.kind == "baugrenze"),
            "baulinien": sum(1 for line in plan.boundary_lines if line.kind == "baulinie"),
        },
        "areas": [area_summary(area) for area in plan.areas],
    }
