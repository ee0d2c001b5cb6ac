from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bauantrag.accounts.models import Tenant
from bauantrag.audit.service import verify_tenant


class Command(BaseCommand):
    help = "Prüft die Hash-Kette des Protokolls jeder Kommune."

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for tenant in Tenant.objects.order_by("slug"):
            problems = verify_tenant(tenant)
            failed = failed or bool(problems)
            self.stdout.write(f"{tenant.slug}: " + ("intakt" if not problems else "; ".join(problems)))
        if failed:
            raise CommandError("Das Protokoll wurde verändert.")
