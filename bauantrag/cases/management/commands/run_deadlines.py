import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bauantrag.cases import deadlines


class Command(BaseCommand):
    help = ("Prüft einmal die Fristen der Nachforderungen: Erinnerungen vor Fristablauf senden, abgelaufene "
            "Fristen vermerken (Vorschlag der Rücknahme nach § 71 Abs. 1 Satz 3 BauO NRW an die Sachbearbeitung).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Stichtag JJJJ-MM-TT statt heute (zum Nachholen oder Testen)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = dt.date.fromisoformat(options["date"]) if options.get("date") else None
        counts = deadlines.run_deadlines(today)
        self.stdout.write(
            f"Erinnerungen gesendet: {counts['reminded']}, abgelaufene Fristen vermerkt: {counts['expired']}"
        )
