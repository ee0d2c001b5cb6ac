import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bauantrag.decision import retention


class Command(BaseCommand):
    help = ("Merkt abgelehnte und zurückgenommene Vorgänge nach Ablauf ihrer Aufbewahrungsfrist zur Anbietung an das "
            "Archiv vor (ArchivG NRW § 10 Abs. 4). Löscht nichts; genehmigte Vorgänge werden aufbewahrt, solange die "
            "Anlage besteht (§ 74 Abs. 5 Satz 3 BauO NRW).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Stichtag JJJJ-MM-TT statt heute")

    def handle(self, *args: Any, **options: Any) -> None:
        today = dt.date.fromisoformat(options["date"]) if options.get("date") else None
        self.stdout.write(f"Zur Anbietung an das Archiv vorgemerkt: {retention.list_due(today)}")
