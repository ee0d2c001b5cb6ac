"""``manage.py import_parcels FILE --tenant SLUG``: the operator takes Flurstücke (GeoJSON or NAS) into a
Kommune's register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.command_input import read_file, tenant_by_slug
from bauantrag.parcels.actions import MAX_CADASTRE_BYTES, UploadRejected, import_parcels


class Command(BaseCommand):
    help = "Übernimmt Flurstücke (GeoJSON oder NAS/ALKIS) in das Flurstücksverzeichnis einer Kommune."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="DATEI", help="GeoJSON- oder NAS-Datei mit Flurstücken")
        parser.add_argument("--tenant", required=True, metavar="KÜRZEL", help="Kurzname (slug) der Kommune")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        tenant = tenant_by_slug(options["tenant"])
        data = read_file(path, MAX_CADASTRE_BYTES)
        try:
            result = import_parcels(None, tenant, path.name, data)
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result.total} Flurstücke in das Flurstücksverzeichnis von {tenant.name} übernommen "
            f"({result.added} neu, {result.replaced} ersetzt)."
        )
