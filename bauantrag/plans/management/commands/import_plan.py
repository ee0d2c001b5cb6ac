"""``manage.py import_plan FILE --tenant SLUG``: the operator takes the plans of an XPlanGML file into a Kommune's
register (a file may hold several, e.g. a plan with its Änderungen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.command_input import read_file, tenant_by_slug
from bauantrag.plans.actions import MAX_PLAN_BYTES, UploadRejected, import_plans


class Command(BaseCommand):
    help = "Übernimmt die Bebauungspläne einer XPlanGML-Datei (4.1, 5.x, 6.0) in das Planregister einer Kommune."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="PLAN.gml", help="XPlanGML-Datei")
        parser.add_argument("--tenant", required=True, metavar="KÜRZEL", help="Kurzname (slug) der Kommune")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        tenant = tenant_by_slug(options["tenant"])
        data = read_file(path, MAX_PLAN_BYTES)
        try:
            plans = import_plans(None, tenant, path.name, data)
        except UploadRejected as exc:
            raise CommandError(str(exc)) from exc
        for plan in plans:
            counts = plan.summary.get("counts", {})
            number = f" Nr. {plan.number}" if plan.number else ""
            self.stdout.write(
                f"Bebauungsplan „{plan.name}“{number} in das Planregister von {tenant.name} übernommen: "
                f"XPlanGML {plan.xplan_version}, {counts.get('baugebiete', counts.get('areas', 0))} "
                f"Baugebietsteilflächen, {counts.get('other_areas', 0)} weitere Flächen für Gebäude, "
                f"{counts.get('buildable_areas', 0)} überbaubare Grundstücksflächen, "
                f"{counts.get('baugrenzen', 0)} Baugrenzen, {counts.get('baulinien', 0)} Baulinien (Id {plan.pk})."
            )
            for warning in plan.summary.get("warnings", []):
                self.stdout.write(f"  Hinweis: {warning}")
