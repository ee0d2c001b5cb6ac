"""``manage.py import_parcels FILE --tenant SLUG``: the operator takes Flurstücke (GeoJSON or NAS) into a
Kommune's register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from bauantrag.accounts.models import Tenant
from bauantrag.parcels.actions import MAX_CADASTRE_BYTES, UploadRejected, import_parcels


class Command(BaseCommand):
    help = "Übernimmt Flurstücke (GeoJSON oder NAS/ALKIS) in das Flurstücksverzeichnis einer Kommune."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="DATEI", help="GeoJSON- oder NAS-Datei mit Flurstücken")
        parser.add_argument("--tenant", required=True, metavar="KÜRZEL", help="Kurzname (slug) der Kommune")

    def handle(self, *args: Any, **options: Any) -> None:
        slug, path = options["tenant"], Path(options["file"])
        try:
            tenant = Tenant.objects.filter(slug=slug).first()
        except DatabaseError as exc:
            raise CommandError(f"Die Datenbank ist nicht bereit (manage.py migrate ausgeführt?): {exc}") from exc
        if tenant is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{slug}“.")
        try:
            size = path.stat().st_size
            if size > MAX_CADASTRE_BYTES:
                raise CommandError(
                    f"Die Datei ist zu groß ({size / 1_048_576:.1f} MB, höchstens {MAX_CADASTRE_BYTES >> 20} MB)."
                )
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Die Datei {path} kann nicht gelesen werden: {exc.strerror or exc}") from exc
        try:
            result = import_parcels(None, tenant, path.name, data)
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result.total} Flurstücke in das Flurstücksverzeichnis von {tenant.name} übernommen "
            f"({result.added} neu, {result.replaced} ersetzt)."
        )
