"""``bauantrag rules catalogue [--format md|html|json]``: the rule catalogue (Regelkatalog), no Django.

Every rule the pre-check can emit, with worked examples that are run through the engine while the catalogue
is generated. ``docs/regelkatalog.md`` is this command's Markdown output.
"""

from __future__ import annotations

import argparse
from typing import Any

from bauantrag.cli_output import write_utf8
from bauantrag.rules.catalogue import build_catalogue
from bauantrag.rules.catalogue_render import render_html, render_json, render_markdown

EXIT_OK = 0
_RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json}


def add_rules_command(subparsers: Any) -> None:
    parser = subparsers.add_parser("rules", help="Regelwerk der Vorprüfung")
    commands = parser.add_subparsers(dest="rules_command", metavar="AKTION", required=True)
    catalogue = commands.add_parser(
        "catalogue",
        help="Regelkatalog ausgeben: jede Regel mit Rechtsgrundlage und durchgerechneten Beispielen",
        description=__doc__,
    )
    catalogue.add_argument(
        "--format", choices=tuple(_RENDERERS), default="md", help="Ausgabeformat (Standard: md = Markdown)"
    )
    catalogue.set_defaults(handler=run_catalogue)


def run_catalogue(args: argparse.Namespace) -> int:
    write_utf8(_RENDERERS[args.format](build_catalogue()))
    return EXIT_OK
