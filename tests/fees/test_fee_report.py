"""manage.py fee_report: the administration sees, case by case, the fee as its tariff stands and what is missing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from tests.factories import submitted_case

pytestmark = pytest.mark.django_db


def report(slug: str) -> str:
    out = io.StringIO()
    call_command("fee_report", "--tenant", slug, stdout=out)
    return out.getvalue()


def test_without_a_tariff_every_case_names_its_missing_figures(applicant: Any) -> None:
    case = submitted_case(applicant)
    text = report("musterstadt")
    assert f"{case.file_number}: nicht berechenbar" in text
    assert "1 × Tarifstelle für Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)" in text
    assert "1 × Rohbauwert für Nr. 1 Wohngebäude" in text


def test_with_the_tariff_the_fee_is_shown_line_by_line(tariff: None, applicant: Any) -> None:
    case = submitted_case(applicant)
    text = report("musterstadt")
    assert f"{case.file_number}: 743,04 €" in text  # 720 m³ × 172 €/m³ × 6 / 1000
    assert "3.1.4.2 Gebühr: Vereinfachtes Verfahren: 743,04 € (6 Tausendstel der Rohbausumme von 123.840,00 €)" in text


def test_an_unknown_kommune_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Keine Kommune mit dem Kurznamen „nirgendwo“"):
        report("nirgendwo")
