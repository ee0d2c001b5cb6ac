"""manage.py fee_report --tenant SLUG: the fee of every submitted case as the tariff data stand (read-only), and
which figures the Kommune still has to enter. For the administration setting up its tariff."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.models import Tenant
from bauantrag.cases.models import Case, CaseState
from bauantrag.fees.assessment import assessment_from, calculation_for, case_fee
from bauantrag.rules.fees.calculation import euro


class Command(BaseCommand):
    help = "Zeigt die Gebühr jedes eingereichten Vorgangs einer Kommune und welche Werte im Tarif noch fehlen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True, help="Kurzname der Kommune, z. B. musterstadt")

    def handle(self, *args: Any, **options: Any) -> None:
        tenant = Tenant.objects.filter(slug=options["tenant"]).first()
        if tenant is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['tenant']}“.")
        missing: Counter[str] = Counter()
        cases = Case.objects.filter(tenant=tenant).exclude(state=CaseState.DRAFT).order_by("file_number")
        for case in cases:
            fee = case_fee(case)
            calculation = calculation_for(case, fee)
            assessment = assessment_from(case, fee, calculation)
            if assessment is not None:
                state = f"{euro(assessment.total)}" + (f", Kassenzeichen {fee.kassenzeichen}"
                                                       if fee and fee.kassenzeichen else "")
            else:
                state = "nicht berechenbar"
            self.stdout.write(f"{case.file_number}: {state}")
            for text in calculation.basis:
                self.stdout.write(f"    {text}")
            for line in calculation.lines:
                self.stdout.write(f"    {line.tarifstelle} {line.label}: {euro(line.amount)} ({line.explanation})")
            for text in calculation.missing:
                self.stdout.write(f"    fehlt: {text}")
                missing[text] += 1
        self.stdout.write(f"\n{cases.count()} Vorgänge; fehlende Werte (Anzahl Vorgänge):")
        for text, count in missing.most_common():
            self.stdout.write(f"  {count} × {text}")
