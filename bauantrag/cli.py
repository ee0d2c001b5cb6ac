"""Command line of Bauantrag: ``bauantrag <command> ...`` (also ``python -m bauantrag.cli``).

Each command is one function that adds its subparser and sets ``handler``; to add a command (e.g. ``plan``,
``audit``) write such a function and append it to ``COMMANDS``. Exit status: 0 when the command ran, whatever
it found; 2 on broken input, with a German message on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from bauantrag.audit_cli import add_audit_command
from bauantrag.catalogue_cli import add_rules_command
from bauantrag.cli_output import write_utf8
from bauantrag.formats.application_json import (
    APPLICATION_FILE,
    ApplicationFormatError,
    read_application_json,
    site_from_dict,
    vorhaben_from_dict,
)
from bauantrag.plan_cli import add_plan_command
from bauantrag.rules.engine import run_precheck
from bauantrag.rules.report import render_html, render_text

EXIT_OK = 0
EXIT_BROKEN_INPUT = 2

Subparsers = argparse._SubParsersAction  # argparse exposes no public name for this type
Handler = Callable[[argparse.Namespace], int]


def add_check_command(subparsers: Subparsers[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="automatische Vorprüfung eines Antrags",
        description=(
            "Automatische Vorprüfung: Gebäudeklasse, große Sonderbauten, Verfahrensart und Vollständigkeit "
            "der Bauvorlagen nach BauO NRW und BauPrüfVO NRW."
        ),
    )
    parser.add_argument(
        "application",
        metavar="APPLICATION",
        help=f"Antragsdatei in der JSON-Form oder ein Ordner mit {APPLICATION_FILE}",
    )
    parser.add_argument(
        "--plan", metavar="PLAN.gml", help="Bebauungsplan (XPlanGML 4.1, 5.x, 6.0); überschreibt site.plan des Antrags"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="Ausgabeformat (Standard: text)",
    )
    parser.add_argument(
        "--submitted-on",
        metavar="JJJJ-MM-TT",
        type=_date,
        help="Tag der Antragstellung; bestimmt die Fassung der BauO NRW (§ 90 Abs. 4). Überschreibt submitted_on "
        "des Antrags; ohne beides gilt der heutige Tag.",
    )
    parser.set_defaults(handler=run_check)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"kein gültiges Datum {text!r} (erwartet JJJJ-MM-TT)") from None


COMMANDS: list[Callable[[Subparsers[argparse.ArgumentParser]], None]] = [add_check_command, add_audit_command]
COMMANDS.append(add_plan_command)
COMMANDS.append(add_rules_command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bauantrag",
        description="Bauantrag – digitale Bauanträge für untere Bauaufsichtsbehörden.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL", title="Befehle")
    for add_command in COMMANDS:
        add_command(subparsers)
    return parser


def run_check(args: argparse.Namespace) -> int:
    try:
        data = read_application_json(Path(args.application))
        vorhaben = vorhaben_from_dict(data)
        site = site_from_dict(data, validate=False)
    except ApplicationFormatError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_BROKEN_INPUT
    plan = None
    plan_path = _plan_path(args, site.plan_ref if site is not None else None)
    if plan_path is not None:
        from bauantrag.formats.xplan import PlanFormatError  # lazily: lxml and pyproj only when needed
        from bauantrag.formats.xplan.isolated import read_plans_isolated
        from bauantrag.formats.xplan.safe_xml import load_bytes

        try:  # every plan of the file (the check chooses the one in force at the site), read in a limited child
            plan = read_plans_isolated(load_bytes(plan_path))
        except PlanFormatError as exc:
            print(f"Fehler im Bebauungsplan {plan_path}: {exc}", file=sys.stderr)
            return EXIT_BROKEN_INPUT
    if args.submitted_on is not None:
        vorhaben = replace(vorhaben, submitted_on=args.submitted_on)
    result: dict[str, Any] = run_precheck(vorhaben, plan=plan, site=site).to_dict()
    title = vorhaben.description or Path(args.application).name
    if args.format == "json":
        output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        output = render_html(result, title, _site_map(site, plan, result["findings"]) if site is not None else None)
    else:
        output = render_text(result, title)
    write_utf8(output)
    return EXIT_OK


def _site_map(site: Any, plans: Any, findings: list[dict[str, Any]]) -> Any:
    """The map with the plan the check used (for several plans: the one in force at the site, else the first)."""
    from shapely.ops import unary_union  # lazily: shapely only when needed

    from bauantrag.formats.sitemap import site_map
    from bauantrag.rules.planning.plan_choice import choose_plan

    plan = None
    if plans:
        main = unary_union([b.footprint for b in site.buildings if b.is_main])
        plan = (choose_plan(plans, main).plan if not main.is_empty else None) or plans[0]
    return site_map(site, plan, findings)


def _plan_path(args: argparse.Namespace, plan_ref: str | None) -> Path | None:
    """``--plan`` (relative to the working directory), else ``site.plan`` (relative to the application file)."""
    if args.plan:
        return Path(args.plan)
    if not plan_ref:
        return None
    application = Path(args.application)
    return (application if application.is_dir() else application.parent) / plan_ref


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_BROKEN_INPUT
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
