"""The demo cases of deadlines and decision load once, show the proposal and an approved case."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.accounts.models import Role
from bauantrag.cases.models import Case, CaseState
from bauantrag.demo import decisions as demo
from tests.factories import UserFactory, run_actions_now

pytestmark = pytest.mark.django_db


def test_demo_loads_idempotently(tenant: Any) -> None:
    users = {
        demo.APPLICANT: UserFactory(tenant=tenant, role=Role.APPLICANT, username=demo.APPLICANT),
        demo.CLERK: UserFactory(tenant=tenant, role=Role.CLERK, username=demo.CLERK),
    }
    with run_actions_now():
        demo.load(tenant, users)
        demo.load(tenant, users)
    cases = {c.vorhaben.street: c for c in Case.objects.filter(tenant=tenant).select_related("vorhaben")}
    assert set(cases) == {"Birkenweg", "Kastanienallee", "Ulmenweg"}
    expired = cases["Birkenweg"]
    assert expired.state == CaseState.NACHFORDERUNG and expired.nachforderungen.get().expired_at is not None
    assert cases["Kastanienallee"].state == CaseState.COMPLETE
    assert cases["Ulmenweg"].state == CaseState.APPROVED and len(cases["Ulmenweg"].decision_conditions) == 2
