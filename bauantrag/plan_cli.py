"""``bauantrag plan inspect FILE`` (read an XPlanGML plan, no Django) and ``bauantrag plan import FILE --tenant``
(hands over to the Django management command ``import_plan`` of the plan register)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from bauantrag.cli_output import write_utf8
from bauantrag.formats.xplan import PlanFormatError, read_plan
from bauantrag.formats.xplan.summary import plan_summary

EXIT_OK, EXIT_BROKEN_INPUT = 0, 2
_BLANK = "–"


def add_plan_command(subparsers: Any) -> None:
    parser = subparsers.add_parser("plan", help="Bebauungspläne (XPlanGML) lesen und importieren")
    commands = parser.add_subparsers(dest="plan_command", metavar="AKTION", required=True)
    inspect = commands.add_parser(
        "inspect", help="XPlanGML-Plan lesen und zusammenfassen (4.1, 5.0–5.4, 6.0)", description=__doc__
    )
    inspect.add_argument("file", metavar="PLAN.gml", help="XPlanGML-Datei")
    inspect.add_argument("--format", choices=("text", "json"), default="text", help="Ausgabeformat (Standard: text)")
    inspect.set_defaults(handler=run_inspect)
    importer = commands.add_parser("import", help="Plan in das Planregister einer Behörde (Mandant) übernehmen")
    importer.add_argument("file", metavar="PLAN.gml", help="XPlanGML-Datei")
    importer.add_argument("--tenant", required=True, metavar="KÜRZEL", help="Kürzel (slug) des Mandanten")
    importer.set_defaults(handler=run_import)


def run_inspect(args: argparse.Namespace) -> int:
    try:
        plan = read_plan(args.file)
    except PlanFormatError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    summary = plan_summary(plan)
    if args.format == "json":
        write_utf8(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        write_utf8(render_text(summary))
    return EXIT_OK


def _fmt(value: Any) -> str:
    if value is None:
        return _BLANK
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def render_text(summary: dict[str, Any]) -> str:
    counts = summary["counts"]
    lines = [
        f"Bebauungsplan {summary['name']}" + (f" Nr. {summary['number']}" if summary["number"] else ""),
        f"  XPlanGML {summary['version']}, Koordinaten {summary['crs']['source']} → {summary['crs']['target']}",
        f"  Gemeinde: {_fmt(summary['gemeinde'])} (AGS {_fmt(summary['ags'])})",
        f"  Planart: {', '.join(summary['plan_kind_labels']) or _BLANK}; Rechtsstand: "
        f"{_fmt(summary['legal_status_label'])}",
        f"  In Kraft seit: {_fmt(summary['in_force_date'])}; Rechtsverordnung: {_fmt(summary['ordinance_date'])}; "
        f"BauNVO: {_fmt(summary['baunvo_version'])}",
        f"  Geltungsbereich: {_fmt(summary['geltungsbereich_m2'])} m²; {counts['areas']} Baugebietsteilflächen, "
        f"{counts['buildable_areas']} überbaubare Grundstücksflächen, {counts['baugrenzen']} Baugrenzen, "
        f"{counts['baulinien']} Baulinien",
        "",
    ]
    for area in summary["areas"]:
        values = ", ".join(
            f"{name.upper()} {_fmt(area[key])}"
            for key, name in (("grz", "GRZ"), ("gfz", "GFZ"), ("z", "Z"), ("z_max", "Zmax"), ("z_exact", "Zzwingend"))
            if area[key] is not None
        )
        heights = "; ".join(
            f"{_fmt(h['reference_point_label'])} {_height(h)} ({_fmt(h['height_reference_label'])})"
            for h in area["heights"]
        )
        lines.append(
            f"- {area['id']}: {_fmt(area['special_use_label'] or area['general_use_label'])}, "
            f"{_fmt(area['area_m2'])} m²"
            + (f", {values}" if values else "")
            + (f", {area['bauweise_label']}" if area["bauweise_label"] else "")
            + (f", Höhen: {heights}" if heights else "")
        )
    return "\n".join(lines) + "\n"


def _height(limit: dict[str, Any]) -> str:
    if limit["h_min"] is not None and limit["h_max"] is not None:
        return f"{_fmt(limit['h_min'])}–{_fmt(limit['h_max'])} m"
    for key, prefix in (("h", ""), ("h_exact", "genau "), ("h_max", "höchstens "), ("h_min", "mindestens ")):
        if limit[key] is not None:
            return f"{prefix}{_fmt(limit[key])} m"
    return _BLANK


def run_import(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    import django
    from django.core.management import call_command
    from django.core.management.base import CommandError

    django.setup()
    try:
        call_command("import_plan", args.file, tenant=args.tenant)
    except (CommandError, PlanFormatError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    return EXIT_OK


