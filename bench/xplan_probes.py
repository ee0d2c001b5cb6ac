"""Probe buildings on real plans: small Vorhaben placed where a plan allows them, checked by the real engine.

A *compliant probe* is a 6 × 6 m Wohnhaus (or Gewerbe-/Bürobau where the Baugebiet asks for it) set well inside
one Baugebiet and inside an überbaubare Fläche, on a parcel of up to 40 × 40 m cut to the Baugebiet, with the
fewest Vollgeschosse the plan allows. It keeps every limit a plan can set for §§ 16–23 BauNVO, so any ``fail`` of a
planning rule on it is a false finding (heights are not stated, so height rules answer ``needs_review``).

A *Baulinie probe* stands with one wall on a Baulinie (coordinates rounded to the centimetre, as a Lageplan gives
them) inside the überbaubare Fläche: the Baulinie and Baugrenze rules must not flag it. A *crossing probe* is the
same house pushed 1 m over the Baulinie: the finding must name the Baulinie (§ 23 Abs. 2 BauNVO).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import shapely
from shapely.affinity import translate
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from bauantrag.rules.engine import run_precheck
from bauantrag.rules.model import Finding, Vorhaben
from bauantrag.rules.planning.plan import Bebauungsplan, HeightLimit
from bauantrag.rules.planning.project import HEIGHT_REFERENCE_CODES, Building, BuildingHeight, SitePlan

HOUSE_M = 6.0
PARCEL_HALF_M = 20.0
CLEARANCE_M = 7.0  # from the Baugebiet's edge: half the house plus Abstandsfläche plus a metre
MAX_PROBES_PER_PLAN = 40
PLANNING_RULES = ("baunvo.", "bauo_nrw.2.6.vollgeschosse", "bplan.hoehe")
_USE_BY_AREA = {"1600": "buero_verwaltung", "1700": "gewerbe", "1800": "gewerbe"}


@dataclass
class ProbeTally:
    compliant: int = 0
    compliant_with_fail: int = 0
    fails_by_rule: dict[str, int] = field(default_factory=dict)
    on_baulinie: int = 0
    on_baulinie_flagged: int = 0
    crossing: int = 0
    crossing_named_baulinie: int = 0
    messages: list[str] = field(default_factory=list)

    def add(self, other: ProbeTally) -> None:
        for name in ("compliant", "compliant_with_fail", "on_baulinie", "on_baulinie_flagged", "crossing",
                     "crossing_named_baulinie"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for rule, count in other.fails_by_rule.items():
            self.fails_by_rule[rule] = self.fails_by_rule.get(rule, 0) + count
        self.messages += other.messages


def _vorhaben(use: str, storeys: int, area_m2: float) -> Vorhaben:
    return Vorhaben(
        project_kind="neubau", use=use, detached=True, units=1, dwellings=1, storeys_full=storeys,  # type: ignore[arg-type]
        storeys_above_ground=storeys, height_m=3.0 * storeys - 2.8, structure_height_m=3.0 * storeys + 1.0,
        wall_height_mean_m=3.0 * storeys, gross_floor_area_m2=area_m2 * storeys,
        largest_unit_floor_area_m2=area_m2 * storeys, largest_storey_area_m2=area_m2,
        floor_area_m2=area_m2 * storeys, has_aufenthaltsraum=True, underground=False,
        planning_area="bebauungsplan_qualifiziert", access_secured=True,
    )  # fmt: skip


def _storeys(values: list[int | None]) -> int:
    exact = [v for v in values[:1] if v]
    if exact:
        return exact[0]
    return max([1, *[v for v in values[1:] if v]])


def _rounded(polygon: Polygon) -> Polygon:
    return Polygon([(round(x, 2), round(y, 2)) for x, y in polygon.exterior.coords])


def _planning_fails(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.status == "fail" and f.rule.startswith(PLANNING_RULES)]


def _heights(limits: list[HeightLimit], storeys: int) -> tuple[BuildingHeight, ...]:
    """One height per Bezugspunkt the plan limits, within all its limits (a natural 3 m per storey + 1 m where the
    limits leave room or make no sense, e.g. a maximum of 0 m)."""
    natural = 3.0 * storeys + 1.0
    out = []
    for reference, code in HEIGHT_REFERENCE_CODES.items():
        own = [limit for limit in limits if limit.reference_point == code]
        if not own:
            continue
        exact = [limit.h_exact for limit in own if limit.h_exact is not None]
        low = max([0.0, *[limit.h_min for limit in own if limit.h_min is not None]])
        highs = [h for limit in own for h in (limit.h_max if limit.h_max is not None else limit.h,) if h is not None]
        high = min(highs) if highs else None
        if exact:
            value = exact[0]
        elif high is not None and high > low:
            value = min(natural, high) if natural > low else (low + high) / 2
        else:
            value = max(natural, low)
        out.append(BuildingHeight(reference, round(value, 2)))  # type: ignore[arg-type]
    return tuple(out)


def _site(parcel: BaseGeometry, house: Polygon, heights: tuple[BuildingHeight, ...] = ()) -> SitePlan | None:
    if not isinstance(parcel, Polygon) or parcel.is_empty or not parcel.contains(house):
        return None
    building = Building("Probehaus", house, wall_height_mean_m=3.0, heights=heights)
    return SitePlan(parcel=parcel, buildings=(building,), accessories=(), terrain_height_nhn=0.0)


def _compliant_spots(plan: Bebauungsplan) -> Iterator[tuple[Point, object]]:
    """A spot in every Baugebiet, and one in every überbaubare Fläche within it (they may set values of their own)."""
    inset = HOUSE_M / 2 + 0.5
    for area in plan.areas:
        room = area.geometry.buffer(-CLEARANCE_M)
        if room.is_empty:
            continue
        parts = [b.geometry.buffer(-inset) for b in plan.buildable_areas if b.geometry.intersects(room)]
        if not plan.buildable_areas:
            parts = [room]
        for part in parts:
            spot = room.intersection(part)
            if not spot.is_empty and spot.area > 0.01:
                yield spot.representative_point(), area


def _limits_of(plan: Bebauungsplan, area: object, house: Polygon) -> tuple[list[int | None], list[HeightLimit], dict]:
    """Z values, height limits and area limits (GR, GF, GFZmin) of the area and the überbaubare Flächen at the house."""
    z = [getattr(area, "z_exact", None), getattr(area, "z_min", None)]
    limits = list(getattr(area, "heights", ()))
    sizes = {"gr": getattr(area, "gr_max", None) or getattr(area, "gr", None),
             "gf": getattr(area, "gf_max", None) or getattr(area, "gf", None),
             "gfz_min": getattr(area, "gfz_min", None)}  # fmt: skip
    for b in plan.buildable_areas:
        if b.geometry.intersects(house):
            z += [b.z_exact, b.z_min]
            limits += [h for h in b.heights if h.reference_point is not None]
            sizes["gr"] = b.gr_max or b.gr or sizes["gr"]
            sizes["gf"] = b.gf_max or b.gf or sizes["gf"]
    return z, limits, sizes


def _no_einzelhaus(plan: Bebauungsplan, area: object, house: Polygon) -> bool:
    arts = [b.bebauungsart for b in plan.buildable_areas if b.bebauungsart and b.geometry.intersects(house)]
    art = arts[0] if arts else getattr(area, "bebauungsart", None)
    return art is not None and art not in ("1000", "4000", "5000")


def compliant_probes(plan: Bebauungsplan) -> ProbeTally:
    tally = ProbeTally()
    for count, (point, area) in enumerate(_compliant_spots(plan)):
        if count >= MAX_PROBES_PER_PLAN:
            break
        house = _rounded(
            box(point.x - HOUSE_M / 2, point.y - HOUSE_M / 2, point.x + HOUSE_M / 2, point.y + HOUSE_M / 2)
        )
        parcel = box(point.x - PARCEL_HALF_M, point.y - PARCEL_HALF_M, point.x + PARCEL_HALF_M, point.y + PARCEL_HALF_M)
        z, limits, sizes = _limits_of(plan, area, house)
        storeys = _storeys(z)
        caps = [v for v in (sizes["gr"], sizes["gf"] / storeys if sizes["gf"] else None) if v is not None]
        side = min([HOUSE_M, *[(0.9 * cap) ** 0.5 for cap in caps]])
        if side < 3.0:
            continue  # a GR or GF too small for any house (a data error, e.g. a GFZ written as GF): no probe
        house = _rounded(box(point.x - side / 2, point.y - side / 2, point.x + side / 2, point.y + side / 2))
        site = _site(parcel.intersection(area.geometry), house, _heights(limits, storeys))  # type: ignore[attr-defined]
        if site is None:
            continue
        use = _USE_BY_AREA.get(getattr(area, "special_use", None) or "", "wohngebaeude")
        vorhaben = _vorhaben(use, storeys, side * side)
        if _no_einzelhaus(plan, area, house):  # a Doppelhaus-only area: the probe is a Doppelhaus with 2 dwellings
            vorhaben = replace(vorhaben, dwellings=2, units=2)
        if sizes["gfz_min"]:
            floor = 1.1 * sizes["gfz_min"] * float(site.parcel.area)
            vorhaben = replace(vorhaben, floor_area_m2=floor, gross_floor_area_m2=floor)
        findings = run_precheck(vorhaben, plan=plan, site=site).findings
        tally.compliant += 1
        fails = _planning_fails(findings)
        if fails:
            tally.compliant_with_fail += 1
            for f in fails:
                tally.fails_by_rule[f.rule] = tally.fails_by_rule.get(f.rule, 0) + 1
                tally.messages.append(f"{f.rule}: {f.message}")
    return tally


def _segments(line: BaseGeometry) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    for part in getattr(line, "geoms", [line]):
        coords = list(part.coords)
        yield from itertools.pairwise(coords)


def _house_on(segment: tuple[tuple[float, float], tuple[float, float]], region: BaseGeometry) -> Polygon | None:
    (ax, ay), (bx, by) = segment
    length = Point(ax, ay).distance(Point(bx, by))
    if length < HOUSE_M + 2:
        return None
    ux, uy = (bx - ax) / length, (by - ay) / length
    mx, my = (ax + bx) / 2, (ay + by) / 2
    for nx, ny in ((-uy, ux), (uy, -ux)):
        corners = [
            (mx - ux * HOUSE_M / 2, my - uy * HOUSE_M / 2),
            (mx + ux * HOUSE_M / 2, my + uy * HOUSE_M / 2),
            (mx + ux * HOUSE_M / 2 + nx * HOUSE_M, my + uy * HOUSE_M / 2 + ny * HOUSE_M),
            (mx - ux * HOUSE_M / 2 + nx * HOUSE_M, my - uy * HOUSE_M / 2 + ny * HOUSE_M),
        ]
        house = _rounded(Polygon(corners))
        if region.buffer(0.5).contains(house):  # line and polygon edge may lie apart (BP2070: 18 cm)
            return house
    return None


def baulinie_probes(plan: Bebauungsplan) -> ProbeTally:
    tally = ProbeTally()
    if not plan.buildable_areas:
        return tally
    region = shapely.union_all([b.geometry for b in plan.buildable_areas])
    bauland = shapely.union_all([a.geometry for a in plan.areas]) if plan.areas else None
    done = 0
    for line in plan.boundary_lines:
        if line.kind != "baulinie" or done >= MAX_PROBES_PER_PLAN or bauland is None:
            continue
        for segment in _segments(line.geometry):
            house = _house_on(segment, region)
            if house is None or not bauland.buffer(0.05).contains(house):
                continue
            (ax, ay), (bx, by) = segment
            centre = house.centroid
            hits = plan.areas_at(house)
            if not hits:
                continue
            parcel = house.buffer(8.0, join_style="mitre").intersection(hits[0][0].geometry.buffer(0.05))
            site = _site(parcel, house)
            if site is None:
                continue
            done += 1
            vorhaben = _vorhaben("wohngebaeude", 1, HOUSE_M * HOUSE_M)
            findings = {f.rule: f for f in run_precheck(vorhaben, plan=plan, site=site).findings}
            tally.on_baulinie += 1
            flagged = [findings[r] for r in ("baunvo.23.baugrenze", "baunvo.23.baulinie") if r in findings
                       and findings[r].status != "pass"]  # fmt: skip
            if flagged:
                tally.on_baulinie_flagged += 1
                tally.messages += [f"auf Baulinie: {f.rule} {f.status}: {f.message}" for f in flagged]
            # push the house 1 m across the line, away from its own centre
            side = (centre.x - ax) * (by - ay) - (centre.y - ay) * (bx - ax)
            length = LineString(segment).length
            nx, ny = (by - ay) / length, -(bx - ax) / length
            if side > 0:
                nx, ny = -nx, -ny
            moved = _rounded(translate(house, nx * 1.0, ny * 1.0))
            site = _site(moved.buffer(8.0, join_style="mitre"), moved)
            if site is None:
                continue
            findings = {f.rule: f for f in run_precheck(vorhaben, plan=plan, site=site).findings}
            tally.crossing += 1
            # named as a Baulinie: the Baulinie rule objects, and the Baugrenze rule does not claim a Baugrenze crossing
            baulinie, baugrenze = findings.get("baunvo.23.baulinie"), findings.get("baunvo.23.baugrenze")
            named = baulinie is not None and baulinie.status != "pass" and (
                baugrenze is None or baugrenze.status == "pass" or "Baugrenze" not in baugrenze.message.split(".")[0]
            )
            if named:
                tally.crossing_named_baulinie += 1
            else:
                tally.messages += [f"über Baulinie: {f.rule} {f.status}: {f.message}" for f in findings.values()
                                   if f.rule.startswith("baunvo.23")]  # fmt: skip
            break
    return tally
