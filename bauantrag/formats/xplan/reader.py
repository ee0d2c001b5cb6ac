"""``read_plans``: an XPlanGML file (4.1, 5.0–5.4, 6.0) → its Bebauungspläne in EPSG:25832; ``read_plan`` for files
that hold exactly one.

A file may hold several plans: a plan with its Änderungen, or a WFS download (``wfs:FeatureCollection`` of
``wfs:member``) of many plans. Each feature belongs to the plan of its Bereich (``gehoertZuBereich`` →
``gehoertZuPlan``, or the reverse references ``planinhalt`` / ``bereich``); a feature without such references goes
to the one plan whose Geltungsbereich holds it, else it is left out with a warning. The links between the plans
(``aendert`` / ``wurdeGeaendertVon``) are kept on each plan (``Bebauungsplan.links``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from lxml import etree

from bauantrag.formats.xplan.crs import UnsupportedCrs, epsg_of
from bauantrag.formats.xplan.errors import PlanFormatError
from bauantrag.formats.xplan.features import FeatureReader
from bauantrag.formats.xplan.gml import GeometryReader
from bauantrag.formats.xplan.plan_meta import baunvo_of, date_of, geltungsbereich_of, gemeinde_of, links_of
from bauantrag.formats.xplan.safe_xml import MAX_PLAN_BYTES, PlanSource, load_bytes, parse_document
from bauantrag.formats.xplan.versions import Dialect, detect
from bauantrag.rules.planning.plan import AREA_KINDS, Bebauungsplan, PlanArea

_XLINK = "{http://www.w3.org/1999/xlink}href"
_BUILDABLE = "BP_UeberbaubareGrundstuecksFlaeche"
_LINES = {"BP_BauGrenze": "baugrenze", "BP_BauLinie": "baulinie"}
_FEATURES = (*AREA_KINDS, _BUILDABLE, *_LINES)


def read_plans(source: PlanSource, *, max_bytes: int = MAX_PLAN_BYTES) -> tuple[Bebauungsplan, ...]:
    """Every Bebauungsplan of the file, in file order; raises PlanFormatError (German, with line/element)."""
    root = parse_document(load_bytes(source, max_bytes))
    dialect = detect(root)
    plans = _plan_elements(root, dialect)
    reader = FeatureReader(dialect, GeometryReader(dialect.gml, _source_crs(root, plans[0])))
    bereiche = _bereiche_by_plan(root, dialect, plans)
    features = _features_by_plan(root, dialect, plans, bereiche)
    results = [_plan(reader, plan, bereiche[_id(reader, plan)], features[_id(reader, plan)]) for plan in plans]
    return _place_unassigned(reader, results, features[""])


def read_plan(source: PlanSource, *, max_bytes: int = MAX_PLAN_BYTES) -> Bebauungsplan:
    """The one Bebauungsplan of the file; a file with several plans raises PlanFormatError naming them."""
    plans = read_plans(source, max_bytes=max_bytes)
    if len(plans) > 1:
        names = ", ".join(f"„{plan.name}“" for plan in plans[:5]) + (" …" if len(plans) > 5 else "")
        raise PlanFormatError(
            f"Die Datei enthält {len(plans)} Bebauungspläne ({names}); erwartet wird hier genau einer.",
            element="BP_Plan",
        )
    return plans[0]


def _id(reader: FeatureReader, element: Any) -> str:
    return str(element.get(reader.d.g("id")) or f"#line{element.sourceline}")


def _href(element: Any) -> str | None:
    href = element.get(_XLINK) if element is not None else None
    return str(href).split("#")[-1] if href else None


def _plan_elements(root: Any, dialect: Dialect) -> list[Any]:
    plans = list(root.iter(dialect.q("BP_Plan")))
    if not plans:
        others = sorted({etree.QName(e).localname for e in root.iter(dialect.q("*")) if "_Plan" in e.tag})
        found = f" (gefunden: {', '.join(others)})" if others else ""
        raise PlanFormatError(
            f"Die Datei enthält keinen Bebauungsplan (BP_Plan){found}.",
            line=root.sourceline,
            element=etree.QName(root).localname,
        )
    return plans


def _bereiche_by_plan(root: Any, dialect: Dialect, plans: list[Any]) -> dict[str, list[Any]]:
    """plan gml:id → its BP_Bereich elements (by ``gehoertZuPlan`` or the plan's ``bereich`` references)."""
    g = dialect.g("id")
    plan_ids = [str(p.get(g) or f"#line{p.sourceline}") for p in plans]
    by_plan: dict[str, list[Any]] = {plan_id: [] for plan_id in plan_ids}
    listed = {_href(ref): pid for p, pid in zip(plans, plan_ids, strict=True) for ref in p.iter(dialect.q("bereich"))}
    for bereich in root.iter(dialect.q("BP_Bereich")):
        owner = _href(bereich.find(dialect.q("gehoertZuPlan"))) or listed.get(bereich.get(g))
        if owner not in by_plan:
            owner = plan_ids[0] if len(plans) == 1 else None
        if owner is not None:
            by_plan[owner].append(bereich)
    return by_plan


def _features_by_plan(
    root: Any, dialect: Dialect, plans: list[Any], bereiche: dict[str, list[Any]]
) -> dict[str, list[Any]]:
    """plan gml:id → its features (areas, überbaubare Flächen, lines); "" → features no reference places."""
    g = dialect.g("id")
    bereich_plan = {b.get(g): plan_id for plan_id, items in bereiche.items() for b in items}
    content_plan = {
        _href(ref): plan_id
        for plan_id, items in bereiche.items()
        for b in items
        for ref in b.iter(dialect.q("planinhalt"))
    }
    single = next(iter(bereiche)) if len(plans) == 1 else None
    by_plan: dict[str, list[Any]] = defaultdict(list)
    for feature in root.iter(*(dialect.q(name) for name in _FEATURES)):
        owner = single or bereich_plan.get(_href(feature.find(dialect.q("gehoertZuBereich"))))
        owner = owner or content_plan.get(feature.get(g)) or ""
        by_plan[owner].append(feature)
    return by_plan


def _plan(reader: FeatureReader, plan: Any, bereiche: list[Any], features: list[Any]) -> Bebauungsplan:
    warnings: list[str] = []
    name = reader.text(plan, "name")
    number = reader.text(plan, "nummer")
    if name is None:
        name = f"Nr. {number}" if number else "ohne Namen"
        warnings.append(f"Der Plan hat keinen Namen (name); angezeigt wird „{name}“.")
    gemeinde, ags = gemeinde_of(reader, plan, warnings)
    baunvo, baunvo_year = baunvo_of(reader, plan, bereiche)
    kinds = [etree.QName(f).localname for f in features]
    areas = [reader.plan_area(f) for f, kind in zip(features, kinds, strict=True) if kind in AREA_KINDS]
    return Bebauungsplan(
        name=name,
        number=number,
        gemeinde=gemeinde,
        ags=ags,
        plan_kind=tuple(e.text.strip() for e in plan.iterfind(reader.d.q("planArt")) if e.text and e.text.strip()),
        legal_status=reader.text(plan, "rechtsstand"),
        in_force_date=date_of(reader, plan, "inkrafttretensDatum", warnings),
        drawn_up_date=date_of(reader, plan, "technHerstellDatum", warnings),
        baunvo_version=baunvo,
        xplan_version=reader.d.version,
        source_crs=reader.geometry.default_srs or "",
        geltungsbereich=geltungsbereich_of(reader, plan, bereiche),
        areas=_named_areas(reader, areas, [f for f, kind in zip(features, kinds, strict=True) if kind in AREA_KINDS]),
        buildable_areas=tuple(
            reader.buildable_area(f) for f, kind in zip(features, kinds, strict=True) if kind == _BUILDABLE
        ),
        boundary_lines=tuple(
            reader.boundary_line(f, _LINES[kind]) for f, kind in zip(features, kinds, strict=True) if kind in _LINES
        ),
        ordinance_date=date_of(reader, plan, "rechtsverordnungsDatum", warnings),
        baunvo_year=baunvo_year,
        ref=_id(reader, plan),
        links=links_of(reader, [plan, *bereiche], warnings),
        warnings=tuple(warnings),
    )


def _named_areas(reader: FeatureReader, areas: list[PlanArea], elements: list[Any]) -> tuple[PlanArea, ...]:
    """Names like "Teilfläche 3 von 42", followed by what the drawing prints on it (gliederung1/2), e.g. „WA 2“."""
    named = []
    for index, (area, element) in enumerate(zip(areas, elements, strict=True), start=1):
        shown = reader.designation(element)
        name = f"Teilfläche {index} von {len(areas)}" + (f" „{shown}“" if shown else "")
        named.append(replace(area, name=name))
    return tuple(named)


def _place_unassigned(
    reader: FeatureReader, plans: list[Bebauungsplan], features: list[Any]
) -> tuple[Bebauungsplan, ...]:
    """Features without references go to the one plan whose Geltungsbereich holds them; else they are left out."""
    if not features:
        return tuple(plans)
    left_out = 0
    extra: dict[int, list[Any]] = defaultdict(list)
    for feature in features:
        point = reader.position(feature, "line" if etree.QName(feature).localname in _LINES else "area")
        point = point.representative_point()
        holders = [i for i, plan in enumerate(plans) if plan.geltungsbereich is not None and
                   plan.geltungsbereich.contains(point)]  # fmt: skip
        if len(holders) == 1:
            extra[holders[0]].append(feature)
        else:
            left_out += 1
    result = []
    for index, plan in enumerate(plans):
        warnings = list(plan.warnings)
        if left_out:
            warnings.append(
                f"{left_out} Planinhalte der Datei sind keinem Plan zugeordnet (gehoertZuBereich fehlt) und liegen "
                "nicht in genau einem Geltungsbereich; sie wurden nicht übernommen."
            )
        if extra[index]:
            warnings.append(
                f"{len(extra[index])} Planinhalte ohne Zuordnung (gehoertZuBereich) wurden diesem Plan nach ihrer "
                "Lage im Geltungsbereich zugeordnet."
            )
            plan = _with_features(reader, plan, extra[index])
        result.append(replace(plan, warnings=tuple(warnings)))
    return tuple(result)


def _with_features(reader: FeatureReader, plan: Bebauungsplan, features: list[Any]) -> Bebauungsplan:
    kinds = [etree.QName(f).localname for f in features]
    areas = [*plan.areas, *(reader.plan_area(f) for f, k in zip(features, kinds, strict=True) if k in AREA_KINDS)]
    return replace(
        plan,
        areas=tuple(replace(area, name="") for area in areas),
        buildable_areas=(
            *plan.buildable_areas,
            *(reader.buildable_area(f) for f, k in zip(features, kinds, strict=True) if k == _BUILDABLE),
        ),
        boundary_lines=(
            *plan.boundary_lines,
            *(reader.boundary_line(f, _LINES[k]) for f, k in zip(features, kinds, strict=True) if k in _LINES),
        ),
    )


def _source_crs(root: Any, plan: Any) -> str:
    """The srsName the file declares first (document envelope, else the plan's, else any geometry's)."""
    for scope in (root, plan):
        envelope = scope.find("{*}boundedBy/{*}Envelope")
        if envelope is not None and envelope.get("srsName"):
            element, srs_name = envelope, str(envelope.get("srsName"))
            break
    else:
        element = next((e for e in root.iter() if isinstance(e.tag, str) and e.get("srsName")), None)
        if element is None:
            raise PlanFormatError("Koordinatenreferenzsystem fehlt (kein srsName in der Datei).", line=1)
        srs_name = str(element.get("srsName"))
    try:
        epsg_of(srs_name)
    except UnsupportedCrs as exc:
        raise PlanFormatError(str(exc), line=element.sourceline, element=etree.QName(element).localname) from None
    return srs_name
