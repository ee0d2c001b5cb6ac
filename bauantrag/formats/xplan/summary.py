"""A JSON-ready summary of a Bebauungsplan (used by ``bauantrag plan inspect`` and stored in the plan register)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bauantrag.formats.xplan import codes
from bauantrag.formats.xplan.crs import TARGET_CRS
from bauantrag.rules.planning.plan import (
    AREA_KINDS,
    BAUGEBIET,
    CHANGE_KIND_LABELS,
    Bebauungsplan,
    BuildableArea,
    HeightLimit,
    PlanArea,
    PlanLink,
)

_AREA_VALUES = (
    "grz", "grz_min", "grz_max", "gr", "gr_max", "gfz", "gfz_min", "gfz_max", "gf", "gf_max", "bmz",
    "z", "z_min", "z_max", "z_exact",
)  # fmt: skip
_BUILDABLE_VALUES = ("grz", "grz_max", "gr", "gr_max", "gfz", "gfz_max", "gf", "gf_max", "z", "z_min", "z_max",
                     "z_exact")  # fmt: skip


def _round(value: float) -> float:
    return round(value, 2)


def height_summary(limit: HeightLimit) -> dict[str, Any]:
    result = dataclasses.asdict(limit)
    result["zero_values"] = list(limit.zero_values)
    result["reference_point_label"] = codes.label(codes.REFERENCE_POINT, limit.reference_point)
    result["height_reference_label"] = codes.label(codes.HEIGHT_REFERENCE, limit.height_reference)
    return result


def area_summary(area: PlanArea) -> dict[str, Any]:
    point = area.geometry.representative_point()
    result: dict[str, Any] = {
        "id": area.id,
        "name": area.name,
        "kind": area.kind,
        "kind_label": AREA_KINDS.get(area.kind, area.kind),
        "purpose": area.purpose,
        "general_use": area.general_use,
        "general_use_label": codes.label(codes.GENERAL_USE, area.general_use),
        "special_use": area.special_use,
        "special_use_label": codes.label(codes.SPECIAL_USE, area.special_use),
        "special_use_detail": area.special_use_detail,
    }
    result.update({name: getattr(area, name) for name in _AREA_VALUES})
    result.update(
        {
            "zero_values": list(area.zero_values),
            "bauweise": area.bauweise,
            "bauweise_label": codes.label(codes.BAUWEISE, area.bauweise),
            "bebauungsart": area.bebauungsart,
            "bebauungsart_label": codes.label(codes.BEBAUUNGSART, area.bebauungsart),
            "heights": [height_summary(limit) for limit in area.heights],
            "area_m2": _round(area.geometry.area),
            "representative_point": [_round(point.x), _round(point.y)],
        }
    )
    return result


def has_values(buildable: BuildableArea) -> bool:
    """Whether the überbaubare Fläche sets values of its own (beyond its outline)."""
    return (
        any(getattr(buildable, name) is not None for name in _BUILDABLE_VALUES)
        or bool(buildable.heights or buildable.zero_values)
        or buildable.bauweise is not None
        or buildable.bebauungsart is not None
    )


def buildable_summary(plan: Bebauungsplan, buildable: BuildableArea) -> dict[str, Any]:
    inside = max(((buildable.geometry.intersection(a.geometry).area, a.name) for a in plan.areas), default=(0.0, None))
    result: dict[str, Any] = {"id": buildable.id, "name": buildable.name, "in_area": inside[1] if inside[0] else None}
    result.update({name: getattr(buildable, name) for name in _BUILDABLE_VALUES})
    result.update(
        {
            "zero_values": list(buildable.zero_values),
            "bauweise_label": codes.label(codes.BAUWEISE, buildable.bauweise),
            "bebauungsart_label": codes.label(codes.BEBAUUNGSART, buildable.bebauungsart),
            "heights": [height_summary(limit) for limit in buildable.heights],
            "area_m2": _round(buildable.geometry.area),
        }
    )
    return result


def link_summary(link: PlanLink, plans: tuple[Bebauungsplan, ...] = ()) -> dict[str, Any]:
    in_file = any(p.ref == link.target for p in plans) if link.target else False
    return {
        "relation": link.relation,
        "relation_label": "ändert" if link.relation == "aendert" else "geändert durch",
        "kind": link.kind,
        "kind_label": CHANGE_KIND_LABELS[link.kind],
        "name": link.name or next((p.name for p in plans if link.target and p.ref == link.target), None),
        "number": link.number,
        "date": link.date.isoformat() if link.date else None,
        "in_file": in_file,
    }


def plan_summary(plan: Bebauungsplan, others: tuple[Bebauungsplan, ...] = ()) -> dict[str, Any]:
    """The plan's facts, areas and überbaubare Flächen with own values; ``others``: the plans of the same file."""

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
            "baugebiete": sum(1 for area in plan.areas if area.kind == BAUGEBIET),
            "other_areas": sum(1 for area in plan.areas if area.kind != BAUGEBIET),
            "buildable_areas": len(plan.buildable_areas),
            "baugrenzen": sum(1 for line in plan.boundary_lines if line.kind == "baugrenze"),
            "baulinien": sum(1 for line in plan.boundary_lines if line.kind == "baulinie"),
        },
        "areas": [area_summary(area) for area in plan.areas],
        "buildable_areas": [buildable_summary(plan, b) for b in plan.buildable_areas if has_values(b)],
        "links": [link_summary(link, others) for link in plan.links],
        "warnings": list(plan.warnings),
    }


def file_summary(plans: tuple[Bebauungsplan, ...]) -> dict[str, Any]:
    """All plans of one file (``bauantrag plan inspect --format json``)."""
    return {"count": len(plans), "plans": [plan_summary(plan, plans) for plan in plans]}
