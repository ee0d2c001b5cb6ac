from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bauantrag.audit.anchor import check_chains


class Command(BaseCommand):
    help = ("Prüft die Kette des Protokolls jeder Kommune (und der Plattform): Schlüssel-Hash jedes Eintrags, "
            "Verkettung und die Ankerpunkte außerhalb der Datenbank (gekürzte oder umgeschriebene Ketten).")

    def handle(self, *args: Any, **options: Any) -> None:
        reports, file_problems = check_chains()
        for report in reports:
            self.stdout.write(f"{report.name}: " + ("intakt" if not report.problems else "; ".join(report.problems)))
        for problem in file_problems:
            self.stdout.write(problem)
        if file_problems or any(report.problems for report in reports):
            raise CommandError("Das Protokoll wurde verändert.")
