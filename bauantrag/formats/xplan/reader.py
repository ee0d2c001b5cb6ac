"""``read_plan``: an XPlanGML file (4.1, 5.0–5.4, 6.0) → Bebauungsplan in EPSG:25832."""

from __future__ import annotations

from typing import Any

from lxml import etree

from bauantrag.formats.xplan.crs import UnsupportedCrs, epsg_of
from bauantrag.formats.xplan.errors import PlanFormatError
from bauantrag.formats.xplan.features import FeatureReader
from bauantrag.formats.xplan.gml import GeometryReader
from bauantrag.formats.xplan.plan_meta import baunvo_of, date_of, geltungsbereich_of, gemeinde_of
from bauantrag.formats.xplan.safe_xml import MAX_PLAN_BYTES, PlanSource, load_bytes, parse_document
from bauantrag.formats.xplan.versions import Dialect, detect
from bauantrag.rules.planning.plan import Bebauungsplan


def read_plan(source: PlanSource, *, max_bytes: int = MAX_PLAN_BYTES) -> Bebauungsplan:
    """Read a Bebauungsplan from a path or the file's bytes; raises PlanFormatError (German, with line/element)."""
    root = parse_document(load_bytes(source, max_bytes))
    dialect = detect(root)
    plan = _the_plan(root, dialect)
    source_crs = _source_crs(root, plan)
    reader = FeatureReader(dialect, GeometryReader(dialect.gml, source_crs))
    bereiche = list(root.iter(dialect.q("BP_Bereich")))
    name = reader.text(plan, "name")
    if name is None:
        raise reader.error(plan, "Der Plan hat keinen Namen (name).")
    gemeinde, ags = gemeinde_of(reader, plan)
    baunvo, baunvo_year = baunvo_of(reader, plan, bereiche)
    return Bebauungsplan(
        name=name,
        number=reader.text(plan, "nummer"),
        gemeinde=gemeinde,
        ags=ags,
        plan_kind=tuple(e.text.strip() for e in plan.iterfind(dialect.q("planArt")) if e.text and e.text.strip()),
        legal_status=reader.text(plan, "rechtsstand"),
        in_force_date=date_of(reader, plan, "inkrafttretensDatum"),
        drawn_up_date=date_of(reader, plan, "technHerstellDatum"),
        baunvo_version=baunvo,
        xplan_version=dialect.version,
        source_crs=source_crs,
        geltungsbereich=geltungsbereich_of(reader, plan, bereiche),
        areas=tuple(reader.plan_area(e) for e in root.iter(dialect.q("BP_BaugebietsTeilFlaeche"))),
        buildable_areas=tuple(
            reader.buildable_area(e) for e in root.iter(dialect.q("BP_UeberbaubareGrundstuecksFlaeche"))
        ),
        boundary_lines=tuple(
            reader.boundary_line(e, "baugrenze" if etree.QName(e).localname == "BP_BauGrenze" else "baulinie")
            for e in root.iter(dialect.q("BP_BauGrenze"), dialect.q("BP_BauLinie"))
        ),
        ordinance_date=date_of(reader, plan, "rechtsverordnungsDatum"),
        baunvo_year=baunvo_year,
    )


def _the_plan(root: Any, dialect: Dialect) -> Any:
    plans = list(root.iter(dialect.q("BP_Plan")))
    if not plans:
        others = sorted({etree.QName(e).localname for e in root.iter(dialect.q("*")) if "_Plan" in e.tag})
        found = f" (gefunden: {', '.join(others)})" if others else ""
        raise PlanFormatError(
            f"Die Datei enthält keinen Bebauungsplan (BP_Plan){found}.",
            line=root.sourceline,
            element=etree.QName(root).localname,
        )
    if len(plans) > 1:
        raise PlanFormatError(
            f"Die Datei enthält {len(plans)} Bebauungspläne; erwartet wird genau einer.",
            line=plans[1].sourceline,
            element="BP_Plan",
        )
    return plans[0]


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
