from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bauantrag.audit import chain
from bauantrag.audit.service import chains, export_chain


class Command(BaseCommand):
    help = "Prüft die Hash-Kette des Protokolls jeder Kommune (und der Plattform)."

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for key, name in chains():
            problems = chain.verify(export_chain(key))
            failed = failed or bool(problems)
            self.stdout.write(f"{name}: " + ("intakt" if not problems else "; ".join(problems)))
        if failed:
            raise CommandError("Das Protokoll wurde verändert.")
