import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.audit.service import chains, export_chain


class Command(BaseCommand):
    help = "Exportiert das Protokoll einer Kommune als JSON Lines (offline prüfbar mit `bauantrag audit verify`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True, help="Kurzname der Kommune")

    def handle(self, *args: Any, **options: Any) -> None:
        key = next((key for key, name in chains() if name == options["tenant"]), None)
        if key is None:
            raise CommandError(f"Kein Protokoll einer Kommune mit dem Kurznamen {options['tenant']!r}.")
        for record in export_chain(key):
            self.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
