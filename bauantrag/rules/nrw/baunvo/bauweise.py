"""Hausformen (§ 22 Abs. 2 BauNVO) where the plan sets a ``bebauungsArt``: only Einzelhäuser, only Doppelhäuser,
only Hausgruppen, or two of them (XPlanGML BP_BebauungsArt; an überbaubare Fläche's value before the area's).

The Hausform is read from the Lageplan: a main building with no outer wall on the parcel boundary stands free —
an Einzelhaus; one with a wall on the boundary is built against a neighbour (Doppelhaushälfte, part of a
Hausgruppe, or a Grenzbau), which the Lageplan of one parcel cannot tell apart. So:

- free-standing where Einzelhäuser are allowed → ``pass``;
- free-standing with one dwelling where Einzelhäuser are not allowed → ``fail`` (a Doppelhaus is two buildings joined
  at a common boundary, BVerwG, Urt. v. 24.02.2000 – 4 C 12.98; a house standing free is none);
  with several dwellings (perhaps a Doppelhaus before the parcel is divided) → ``needs_review``;
- built against the boundary → ``needs_review`` with the walls on the boundary;
- § 22 Abs. 2 Satz 2: a building longer than 50 m is no Hausform of the offene Bauweise → ``fail``.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import Polygon

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo.common import PlanContext, finding
from bauantrag.rules.nrw.common import num
from bauantrag.rules.planning.codes import BEBAUUNGSARTEN
from bauantrag.rules.planning.geometry import on_boundary, walls_of
from bauantrag.rules.planning.project import Building, PlanningProject

RULE_ID = "baunvo.22.hausform"
MAX_LENGTH_M = 50.0
EINZELHAUS_ALLOWED = frozenset({"1000", "4000", "5000"})


def bebauungsart(ctx: PlanContext) -> str | None:
    """The plan's BP_BebauungsArt at the footprint: an overlapped überbaubare Fläche's, else the area's."""
    for area in ctx.buildable:
        if area.bebauungsart:
            return area.bebauungsart
    return ctx.area.bebauungsart


def _length(footprint: Polygon) -> float:
    rectangle = footprint.minimum_rotated_rectangle
    coords = list(rectangle.exterior.coords) if isinstance(rectangle, Polygon) else []
    sides = [((coords[i + 1][0] - coords[i][0]) ** 2 + (coords[i + 1][1] - coords[i][1]) ** 2) ** 0.5
             for i in range(min(2, len(coords) - 1))]  # fmt: skip
    return max(sides, default=0.0)


def _walls_on_boundary(building: Building, parcel: Polygon) -> int:
    return sum(1 for wall in walls_of(building.id, building.footprint) if on_boundary(wall, parcel))


def check(project: PlanningProject, ctx: PlanContext) -> Finding | None:
    """A finding where the plan sets a bebauungsArt, else ``None``."""
    code = bebauungsart(ctx)
    if code is None:
        return None
    allowed = BEBAUUNGSARTEN.get(code, f"Bebauungsart {code}")
    parcel = project.site.parcel
    rows: list[dict[str, Any]] = []
    results: list[tuple[Status, str]] = []
    for building in project.main_buildings():
        on_line = _walls_on_boundary(building, parcel)
        length = _length(building.footprint)
        rows.append({"building": building.id, "walls_on_boundary": on_line, "length_m": round(length, 2)})
        results.append(_judge(building.id, on_line, length, code, allowed, project.dwellings))
    evidence: dict[str, Any] = {**ctx.evidence(), "bebauungsart": code, "buildings": rows}
    if not results:
        return None
    status: Status = next((s for s in ("fail", "needs_review") if any(r[0] == s for r in results)), "pass")
    basis = "§ 22 Abs. 2 Satz 2 BauNVO" if any("50 m" in text for _s, text in results) else "§ 22 Abs. 2 Satz 3 BauNVO"
    message = f"{ctx.plan_label()} lässt auf {ctx.area.name} {allowed} zu. " + " ".join(text for _s, text in results)
    return finding(RULE_ID, status, basis, message, evidence)


def _judge(name: str, on_line: int, length: float, code: str, allowed: str, dwellings: int | None) -> tuple[
    Status, str
]:
    if length > MAX_LENGTH_M + 0.01:
        return "fail", (
            f"„{name}“ ist {num(length, 'm')} lang; Einzelhäuser, Doppelhäuser und Hausgruppen der offenen Bauweise "
            f"dürfen höchstens {num(MAX_LENGTH_M, 'm')} lang sein (§ 22 Abs. 2 Satz 2 BauNVO)."
        )
    if on_line:
        return "needs_review", (
            f"„{name}“ steht mit {on_line} Außenwand/-wänden auf der Grundstücksgrenze: ob es Hälfte eines "
            "Doppelhauses, Teil einer Hausgruppe oder ein Grenzbau ist, hängt vom Nachbargebäude ab – bitte prüfen."
        )
    if code in EINZELHAUS_ALLOWED:
        return "pass", f"„{name}“ steht frei (keine Außenwand auf der Grundstücksgrenze): ein Einzelhaus, zulässig."
    if dwellings is not None and dwellings >= 2:
        return "needs_review", (
            f"„{name}“ steht frei (keine Außenwand auf der Grundstücksgrenze) und hat {dwellings} Wohnungen: ein "
            "Doppelhaus entsteht erst, wenn zwei Gebäude an einer gemeinsamen Grundstücksgrenze aneinandergebaut "
            "werden – ob das vorgesehen ist (etwa nach Teilung des Grundstücks), bitte prüfen."
        )
    return "fail", (
        f"„{name}“ steht frei (keine Außenwand auf der Grundstücksgrenze) und ist damit ein Einzelhaus; zulässig "
        f"sind hier {allowed}."
    )
