import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.models import Tenant
from bauantrag.audit.service import export_records


class Command(BaseCommand):
    help = "Exportiert das Protokoll einer Kommune als JSON Lines (offline prüfbar mit `bauantrag audit verify`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True, help="Kurzname der Kommune")

    def handle(self, *args: Any, **options: Any) -> None:
        tenant = Tenant.objects.filter(slug=options["tenant"]).first()
        if tenant is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen {options['tenant']!r}.")
        for record in export_records(tenant):
            self.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
