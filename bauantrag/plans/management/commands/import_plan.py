"""``manage.py import_plan FILE --tenant SLUG``: the operator takes an XPlanGML plan into a Kommune's register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from bauantrag.accounts.models import Tenant
from bauantrag.plans.actions import MAX_PLAN_BYTES, UploadRejected, import_plan


class Command(BaseCommand):
    help = "Übernimmt einen Bebauungsplan (XPlanGML 4.1, 5.x, 6.0) in das Planregister einer Kommune."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="PLAN.gml", help="XPlanGML-Datei")
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
            if size > MAX_PLAN_BYTES:
                raise CommandError(
                    f"Die Datei ist zu groß ({size / 1_048_576:.1f} MB, höchstens {MAX_PLAN_BYTES >> 20} MB)."
                )
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Die Datei {path} kann nicht gelesen werden: {exc.strerror or exc}") from exc
        try:
            plan = import_plan(None, tenant, path.name, data)
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        counts = plan.summary.get("counts", {})
        number = f" Nr. {plan.number}" if plan.number else ""
        self.stdout.write(
            f"Bebauungsplan „{plan.name}“{number} in das Planregister von {tenant.name} übernommen: "
            f"XPlanGML {plan.xplan_version}, {counts.get('areas', 0)} Baugebietsteilflächen, "
            f"{counts.get('buildable_areas', 0)} überbaubare Grundstücksflächen, "
            f"{counts.get('baugrenzen', 0)} Baugrenzen, {counts.get('baulinien', 0)} Baulinien (Id {plan.pk})."
        )
