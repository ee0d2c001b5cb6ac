"""The rule catalogue ("Regelkatalog"): every rule the engine can emit, with worked examples run through the engine.

``build_catalogue()`` returns plain data (JSON-able): per rule the prose of ``catalogue_entries`` and, per
example, the inputs (described from the example data itself) and the engine's actual finding for that rule.
Nothing shown as a result is written by hand: if an example no longer gives the status it claims, building
the catalogue fails (``CatalogueError``) – and so do the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from shapely.geometry.base import BaseGeometry

from bauantrag.rules.catalogue_examples import LAWS, X0, Y0, Entry, Example
from bauantrag.rules.catalogue_law import doubts_of, versions_of
from bauantrag.rules.engine import RULESET_VERSION, run_precheck
from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.baunvo.common import area_label
from bauantrag.rules.nrw.common import FIELD_LABELS, PLANNING_AREA_LABELS, PROCEDURE_LABELS, USE_LABELS, num
from bauantrag.rules.planning.codes import LEGAL_STATUS
from bauantrag.rules.planning.plan import Bebauungsplan, HeightLimit
from bauantrag.rules.planning.project import HEIGHT_REFERENCE_CODES, HEIGHT_REFERENCE_LABELS, SitePlan

STATUS_LABELS = {"pass": "erfüllt", "fail": "nicht erfüllt", "needs_review": "zu prüfen"}
KIND_LABELS = {"neubau": "Neubau", "aenderung": "Änderung", "nutzungsaenderung": "Nutzungsänderung"}
_EXTRA_LABELS = {"procedure_requested": "beantragte Verfahrensart", "submitted_on": "Tag der Antragstellung"}
_POINT_LABELS = {code: HEIGHT_REFERENCE_LABELS[ref] for ref, code in HEIGHT_REFERENCE_CODES.items()}


class CatalogueError(RuntimeError):
    """An example no longer gives the status the catalogue claims for it."""


def anchor(rule: str) -> str:
    return "regel-" + re.sub(r"[^a-z0-9]+", "-", rule.lower()).strip("-")


@lru_cache(maxsize=1)
def build_catalogue() -> dict[str, Any]:
    """The whole catalogue as data: ruleset version, laws (table of contents) and one entry per rule."""
    from bauantrag.rules.catalogue_entries import ENTRIES

    rules = [_entry(entry) for entry in ENTRIES]
    laws = [{"law": law, "rules": [r["rule"] for r in rules if r["law"] == law]} for law in LAWS]
    return {"ruleset_version": RULESET_VERSION, "laws": laws, "rules": rules}


def _entry(entry: Entry) -> dict[str, Any]:
    examples = [_run(entry.rule, example) for example in entry.examples]
    return {
        "rule": entry.rule,
        "anchor": anchor(entry.rule),
        "law": entry.law,
        "title": entry.title,
        "legal_basis": entry.basis,
        "law_versions": sorted({ex["result"]["law_version"] for ex in examples}),
        "versions": versions_of(entry.rule),
        "doubts": doubts_of(entry.rule),
        "applies_to": entry.applies_to,
        "requires": entry.requires,
        "statuses": [{"status": s, "label": STATUS_LABELS[s], "when": when} for s, when in entry.statuses],
        "note": entry.note,
        "examples": examples,
    }


def _run(rule: str, example: Example) -> dict[str, Any]:
    result = run_precheck(example.vorhaben, plan=example.plan, site=example.site)
    found = [f for f in result.findings if f.rule == rule]
    if not found:
        raise CatalogueError(f"{rule}: example {example.title!r} gives no finding for this rule")
    finding = found[0]
    if finding.status != example.expect:
        raise CatalogueError(
            f"{rule}: example {example.title!r} gives {finding.status!r}, the catalogue claims {example.expect!r}"
        )
    return {
        "title": example.title,
        "expect": example.expect,
        "inputs": describe(example),
        "result": {
            "status": finding.status,
            "status_label": STATUS_LABELS[finding.status],
            "legal_basis": finding.legal_basis,
            "message": finding.message,
            "law_version": finding.law_version,
            "review_note": finding.review_note,
        },
    }


# --- the inputs, described from the example data --------------------------------------------------------------


def describe(example: Example) -> list[list[str]]:
    """German (label, value) rows for the inputs of an example that matter for its rule."""
    rows = [[FIELD_LABELS.get(name, _EXTRA_LABELS.get(name, name)), _value(example.vorhaben, name)]
            for name in example.fields]
    if example.show_documents:
        docs = "; ".join(f"{d.type_code} {d.name}" for d in example.vorhaben.documents)
        rows.append(["Beigefügte Bauvorlagen (XBau-Code)", docs or "keine"])
    if example.site is not None:
        rows.extend(_site(example.site))
    if example.plan is not None:
        rows.extend(_plan(example.plan))
    elif example.site is not None:
        rows.append(["Bebauungsplan", "keiner übergeben"])
    return rows


def _value(v: Vorhaben, name: str) -> str:
    value = getattr(v, name)
    if value is None:
        return "nicht angegeben"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, int | float):
        unit = {"_m2": "m²", "_m3": "m³", "_m": "m"}.get(name[name.rfind("_"):], "")
        return num(value, unit)
    labels = {**KIND_LABELS, **USE_LABELS, **PLANNING_AREA_LABELS, **PROCEDURE_LABELS}
    return labels.get(str(value), str(value))


def _size(geometry: BaseGeometry) -> str:
    """Size and position in local metres (origin: the south-west corner of the example parcel)."""
    minx, miny, maxx, maxy = geometry.bounds
    where = f"x {num(minx - X0)}–{num(maxx - X0)} m, y {num(miny - Y0)}–{num(maxy - Y0)} m"
    return f"{num(maxx - minx, 'm')} × {num(maxy - miny, 'm')} ({num(geometry.area, 'm²')}; {where})"


def _site(site: SitePlan) -> list[list[str]]:
    rows = [["Grundstück", _size(site.parcel)]]
    for b in site.buildings:
        parts = [_size(b.footprint), f"Abstand zur Grundstücksgrenze mindestens {num(_gap(site, b.footprint), 'm')}"]
        if b.wall_height_mean_m is not None:
            parts.append(f"mittlere Wandhöhe {num(b.wall_height_mean_m, 'm')}")
        parts.extend(f"{HEIGHT_REFERENCE_LABELS[h.reference]} {num(h.value_m, 'm')}" for h in b.heights)
        rows.append([f"Gebäude „{b.id}“", ", ".join(parts)])
    if site.accessories is not None:
        stated = sum(a.size_m2() for a in site.accessories)
        rows.append(["Garagen, Stellplätze, Nebenanlagen (§ 19 Abs. 4 BauNVO)", num(stated, "m²")])
    return rows


def _gap(site: SitePlan, footprint: BaseGeometry) -> float:
    return float(site.parcel.exterior.distance(footprint))


def _plan(plan: Bebauungsplan) -> list[list[str]]:
    status = LEGAL_STATUS.get(plan.legal_status or "", "nicht angegeben")
    since = f", in Kraft seit {plan.in_force_date:%d.%m.%Y}" if plan.in_force_date else ""
    rows = [["Bebauungsplan", f"„{plan.name}“ Nr. {plan.number} ({plan.gemeinde}), Rechtsstand: {status}{since}"]]
    for a in plan.areas:
        values = [f"{name} {num(value)}" for name, value in (("GRZ", a.grz), ("GFZ", a.gfz), ("Z höchstens", a.z_max))
                  if value is not None]
        values.extend(_height(h) for h in a.heights)
        rows.append([f"Baugebiet {a.id}", "; ".join([area_label(a), *values])])
    for ub in plan.buildable_areas:
        rows.append([f"überbaubare Fläche {ub.id} (Baugrenzen)", _size(ub.geometry)])
    for line in plan.boundary_lines:
        kind = "Baulinie" if line.kind == "baulinie" else "Baugrenze"
        (ax, ay), (bx, by) = line.geometry.coords[0], line.geometry.coords[-1]
        where = f"von ({num(ax - X0)} | {num(ay - Y0)}) bis ({num(bx - X0)} | {num(by - Y0)})"
        rows.append([f"{kind} {line.id}", f"{num(line.geometry.length, 'm')} lang, {where}"])
    return rows


def _height(limit: HeightLimit) -> str:
    what = _POINT_LABELS.get(limit.reference_point or "", "Höhe")
    bound = limit.h_max if limit.h_max is not None else limit.h
    return f"{what} höchstens {num(bound, 'm')}" if bound is not None else f"{what} (siehe Plan)"
