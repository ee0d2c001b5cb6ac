"""Looking plans up: the plans that apply to a geometry (with the plans they name as their changes), and the parsed
plan behind a register entry.

These serve the check engine and the operator; they do not ask who is looking. Pages fetch plans through
``bauantrag.plans.access`` only.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import shapely
from django.db.models import Q
from shapely.geometry.base import BaseGeometry

from bauantrag.accounts.models import Tenant
from bauantrag.files import import_limits
from bauantrag.formats.xplan.isolated import read_plans_isolated
from bauantrag.plans import storage
from bauantrag.plans.geo import LAYER_AREA, from_geojson, layer
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.plan import Bebauungsplan

CACHE_SIZE = 32
_cache: OrderedDict[str, tuple[Bebauungsplan, ...]] = OrderedDict()
_lock = threading.Lock()


def remember(sha256: str, plans: tuple[Bebauungsplan, ...]) -> None:
    """Keep the parsed plans of a file for this process (at most CACHE_SIZE files, least recently used dropped)."""
    with _lock:
        _cache[sha256] = plans
        _cache.move_to_end(sha256)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def parsed_plan(record: PlanRecord) -> Bebauungsplan:
    """The ``Bebauungsplan`` read from the stored original file (the entry's plan in it, read in a limited child
    process); cached per process by the file's SHA-256."""
    with _lock:
        cached = _cache.get(record.sha256)
        if cached is not None:
            _cache.move_to_end(record.sha256)
    if cached is None:
        data = storage.read(record.tenant_id, record.storage_name)
        if hashlib.sha256(data).hexdigest() != record.sha256:
            raise RuntimeError(f"Die gespeicherte Datei des Plans {record.pk} wurde verändert (SHA-256 weicht ab).")
        cached = read_plans_isolated(data, limits=import_limits())
        remember(record.sha256, cached)
    if record.position >= len(cached):
        raise RuntimeError(f"Die gespeicherte Datei des Plans {record.pk} enthält den Plan Nr. {record.position + 1} "
                           "nicht mehr.")  # fmt: skip
    return cached[record.position]


def coverage_of(record: PlanRecord) -> BaseGeometry | None:
    """The stored Geltungsbereich, else the union of the stored Baugebietsteilflächen."""
    if record.geltungsbereich:
        geometry = from_geojson(record.geltungsbereich)
    else:
        areas = [geometry for _feature, geometry in layer(record.features, LAYER_AREA)]
        if not areas:
            return None
        geometry = shapely.union_all(areas)
    return geometry if geometry.is_valid else shapely.make_valid(geometry)


def plan_for_geometry(tenant: Tenant, geometry: BaseGeometry) -> list[tuple[PlanRecord, float]]:
    """The tenant's plans whose Geltungsbereich the geometry reaches into, with the overlap in m², largest first.

    ``geometry`` is in EPSG:25832. A point or line inside a plan gives an overlap of 0.0; touching the boundary
    only does not count.
    """
    if geometry.is_empty:
        return []
    min_x, min_y, max_x, max_y = geometry.bounds
    candidates = PlanRecord.objects.filter(
        tenant=tenant, min_x__lte=max_x, max_x__gte=min_x, min_y__lte=max_y, max_y__gte=min_y
    ).order_by("name", "imported_at")
    found: list[tuple[PlanRecord, float]] = []
    for record in candidates:
        plan_area = coverage_of(record)
        if plan_area is None or not geometry.intersects(plan_area) or geometry.touches(plan_area):
            continue
        found.append((record, round(float(geometry.intersection(plan_area).area), 2)))
    found.sort(key=lambda item: -item[1])
    return found


def plans_for_check(tenant: Tenant, geometry: BaseGeometry) -> list[tuple[PlanRecord, Bebauungsplan]]:
    """The plans that reach the geometry and the plans of the register they name as changing them (by name or
    number), so that the check can tell which plan is in force there (``rules.planning.plan_choice``)."""
    records = [record for record, _overlap in plan_for_geometry(tenant, geometry)]
    names = {link.get("name") for r in records for link in r.summary.get("links", []) if link.get("name")}
    numbers = {link.get("number") for r in records for link in r.summary.get("links", []) if link.get("number")}
    if names or numbers:
        named = PlanRecord.objects.filter(tenant=tenant).filter(Q(name__in=names) | Q(number__in=numbers))
        records += [record for record in named.order_by("name", "imported_at") if record not in records]
    return [(record, parsed_plan(record)) for record in records]
