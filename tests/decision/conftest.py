"""Helpers of the decision tests."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.accounts.models import User
from bauantrag.cases.models import Case
from bauantrag.correspondence import actions as letters
from bauantrag.correspondence.models import Letter, Letterhead
from bauantrag.decision import actions as decision
from tests.factories import run_actions_now


def approve(clerk: User, case: Case, conditions: list[Any] | None = None) -> Letter:
    """Prepare the approval and send the Bescheid, as the clerk does."""
    with run_actions_now():
        draft = decision.prepare_decision(clerk, case, outcome=decision.APPROVE, conditions=conditions or [])
        return letters.send_letter(clerk, draft)


@pytest.fixture(autouse=True)
def _letterhead(tenant: Any) -> Letterhead:
    """A Bescheid needs the Verwaltungsgericht for its Rechtsbehelfsbelehrung."""
    return Letterhead.objects.create(
        tenant=tenant, street="Rathausplatz 1", postal_code="59423", city="Musterstadt",
        court_name="Verwaltungsgericht Arnsberg", court_address="Jägerstraße 1, 59821 Arnsberg",
    )
