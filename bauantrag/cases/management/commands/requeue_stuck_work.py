"""``manage.py requeue_stuck_work [--lease SECONDS]``: queue again the background work that is waiting (the broker
was down) or was left running by a dead worker — what Celery beat does every five minutes (bauantrag.celery.leases)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bauantrag.celery.leases import SWEEPERS, sweep


class Command(BaseCommand):
    help = ("Reiht Vorprüfungen und das Lesen von Bauvorlagen neu ein, die warten (Broker war nicht erreichbar) "
            "oder seit der Frist ohne Lebenszeichen laufen (Worker abgestürzt).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lease", type=float, metavar="SEKUNDEN",
                            help="ohne Lebenszeichen seit so vielen Sekunden (Vorgabe: BAUANTRAG_TASK_LEASE_SECONDS)")
        parser.add_argument("--limit", type=int, default=500, help="höchstens so viele je Art (Vorgabe: 500)")

    def handle(self, *args: Any, **options: Any) -> None:
        lease = dt.timedelta(seconds=options["lease"]) if options["lease"] is not None else None
        counts = sweep(lease, options["limit"])
        for key, count in counts.items():
            self.stdout.write(f"{SWEEPERS[key].label}: {count} neu eingereiht")
