"""``bauantrag plan inspect FILE`` (read an XPlanGML plan, no Django) and ``bauantrag plan import FILE --tenant``
(hands over to the Django management command ``import_plan`` of the plan register)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from bauantrag.cli_output import write_utf8
from bauantrag.formats.xplan import PlanFormatError
from bauantrag.formats.xplan.isolated import read_plans_isolated
from bauantrag.formats.xplan.safe_xml import load_bytes
from bauantrag.formats.xplan.summary import file_summary

EXIT_OK, EXIT_BROKEN_INPUT = 0, 2
_BLANK = "–"


def add_plan_command(subparsers: Any) -> None:
    parser = subparsers.add_parser("plan", help="Bebauungspläne (XPlanGML) lesen und importieren")
    commands = parser.add_subparsers(dest="plan_command", metavar="AKTION", required=True)
    inspect = commands.add_parser(
        "inspect", help="XPlanGML-Datei lesen und jeden Plan darin zusammenfassen (4.1, 5.0–5.4, 6.0)",
        description=__doc__,
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
        plans = read_plans_isolated(load_bytes(args.file))  # in a limited child process
    except PlanFormatError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    summary = file_summary(plans)
    if args.format == "json":
        write_utf8(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        head = f"Die Datei enthält {summary['count']} Bebauungspläne.\n\n" if summary["count"] > 1 else ""
        write_utf8(head + "\n".join(render_text(plan) for plan in summary["plans"]))
    return EXIT_OK


def _fmt(value: Any) -> str:
    if value is None:
        return _BLANK
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def render_text(summary: dict[str, Any]) -> str:
    """One plan of ``file_summary`` as text: facts, links, warnings, areas, überbaubare Flächen with own values."""
    counts = summary["counts"]
    lines = [
        f"Bebauungsplan {summary['name']}" + (f" Nr. {summary['number']}" if summary["number"] else ""),
        f"  XPlanGML {summary['version']}, Koordinaten {summary['crs']['source']} → {summary['crs']['target']}",
        f"  Gemeinde: {_fmt(summary['gemeinde'])} (AGS {_fmt(summary['ags'])})",
        f"  Planart: {', '.join(summary['plan_kind_labels']) or _BLANK}; Rechtsstand: "
        f"{_fmt(summary['legal_status_label'])}",
        f"  In Kraft seit: {_fmt(summary['in_force_date'])}; Rechtsverordnung: {_fmt(summary['ordinance_date'])}; "
        f"BauNVO: {_fmt(summary['baunvo_version'])}",
        f"  Geltungsbereich: {_fmt(summary['geltungsbereich_m2'])} m²; {counts['baugebiete']} Baugebietsteilflächen, "
        f"{counts['other_areas']} weitere Flächen für Gebäude (Gemeinbedarf, Nutzungszweck, Wohngebäude), "
        f"{counts['buildable_areas']} überbaubare Grundstücksflächen, {counts['baugrenzen']} Baugrenzen, "
        f"{counts['baulinien']} Baulinien",
    ]
    for link in summary["links"]:
        where = "in dieser Datei" if link["in_file"] else "nicht in dieser Datei"
        lines.append(
            f"  {link['relation_label'].capitalize()}: „{_fmt(link['name'])}“"
            + (f" Nr. {link['number']}" if link["number"] else "")
            + f" ({link['kind_label']}{', ' + link['date'] if link['date'] else ''}; {where})"
        )
    lines += [f"  Hinweis: {warning}" for warning in summary["warnings"]]
    lines.append("")
    for area in summary["areas"]:
        use = area["special_use_label"] or area["general_use_label"] or area["kind_label"]
        details = [f"{_fmt(area['area_m2'])} m²", *_values(area)]
        details += [area[key] for key in ("bauweise_label", "bebauungsart_label") if area[key]]
        if area["heights"]:
            details.append("Höhen: " + "; ".join(_height_text(h) for h in area["heights"]))
        lines.append(f"- {area['name']}: {_fmt(use)}, " + ", ".join(details))
    if summary["buildable_areas"]:
        lines.append("Überbaubare Grundstücksflächen mit eigenen Festsetzungen:")
    for buildable in summary["buildable_areas"]:
        details = [f"{_fmt(buildable['area_m2'])} m²", *_values(buildable)]
        details += [buildable[key] for key in ("bauweise_label", "bebauungsart_label") if buildable[key]]
        if buildable["heights"]:
            details.append("Höhen: " + "; ".join(_height_text(h) for h in buildable["heights"]))
        where = f" (in {buildable['in_area']})" if buildable["in_area"] else ""
        lines.append(f"- {buildable['name']}{where}: " + ", ".join(details))
    return "\n".join(lines) + "\n"


_SHOWN = (("grz", "GRZ"), ("grz_max", "GRZmax"), ("gr", "GR"), ("gfz", "GFZ"), ("gfz_max", "GFZmax"), ("gf", "GF"),
          ("z", "Z"), ("z_min", "Zmin"), ("z_max", "Zmax"), ("z_exact", "Zzwingend"))  # fmt: skip


def _values(feature: dict[str, Any]) -> list[str]:
    shown = [f"{name} {_fmt(feature[key])}" for key, name in _SHOWN if feature.get(key) is not None]
    if feature["zero_values"]:
        shown.append(f"{', '.join(feature['zero_values'])} mit 0 angegeben (gelesen als: nicht festgesetzt)")
    return shown


def _height_text(limit: dict[str, Any]) -> str:
    text = f"{_fmt(limit['reference_point_label'])} {_height(limit)} ({_fmt(limit['height_reference_label'])})"
    if limit["zero_values"]:
        text += f", {', '.join(limit['zero_values'])} mit 0 angegeben (nicht festgesetzt)"
    return text


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


