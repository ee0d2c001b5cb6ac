import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.models import Tenant
from bauantrag.demo import load_data


class Command(BaseCommand):
    help = ("Schreibt Lastdaten: ein Jahr eines Kreises mit N Vorgängen in T Kommunen (Zustände, Befunde, "
            "Bauvorlagen-Zeilen, Nachforderungen, Beteiligungen, Statusverlauf, Protokoll).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=10_000, help="Anzahl der Vorgänge (Standard 10000)")
        parser.add_argument("--tenants", type=int, default=2, help="Anzahl der Kommunen (Standard 2)")
        parser.add_argument("--seed", type=int, default=14, help="Startwert des Zufalls (Standard 14)")
        parser.add_argument("--prefix", default="last", help="Kurzname der Kommunen: PREFIX-1, PREFIX-2, …")
        parser.add_argument("--audit-every", type=int, default=10,
                            help="Eingang jedes K-ten Vorgangs protokollieren, über audit.service (Standard 10; "
                                 "0 = kein Protokoll)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["cases"] < 1 or options["tenants"] < 1:
            raise CommandError("--cases und --tenants müssen mindestens 1 sein.")
        if Tenant.objects.filter(slug__startswith=f"{options['prefix']}-").exists():
            raise CommandError(f"Kommunen „{options['prefix']}-…“ gibt es schon; anderes --prefix wählen.")
        start = time.perf_counter()
        counts = load_data.generate(
            options["cases"], options["tenants"], seed=options["seed"], audit_every=options["audit_every"],
            prefix=options["prefix"], progress=lambda line: self.stdout.write(f"  {line} Vorgänge"),
        )
        self.stdout.write(f"Fertig in {time.perf_counter() - start:.0f} s: "
                          + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())))
        self.stdout.write(f"Anmeldung: sachbearbeitung über clerk1@{options['prefix']}-1.example, "
                          f"Passwort {load_data.PASSWORD}")
