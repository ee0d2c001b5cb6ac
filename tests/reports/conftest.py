from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role, User
from bauantrag.cases.models import Case, CaseState
from tests.conftest import login
from tests.factories import UserFactory
from tests.reports.helpers import complete_at, decide_at, moment, nachforderung_at, resubmit_at, submit_at


@pytest.fixture
def admin(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)


@pytest.fixture
def admin_client(admin: User) -> Client:
    return login(Client(), admin)


@dataclass
class Dataset:
    """Cases of Musterstadt received January to April 2025 with known dates, one before the period, and one of
    Beispielstadt. Expected figures are worked out by hand in the tests."""

    cases: dict[str, Case]

    def file_number(self, key: str) -> str:
        return Case.objects.get(pk=self.cases[key].pk).file_number


@pytest.fixture
def dataset(tenant: Any, other_tenant: Any, applicant: User, clerk: User) -> Dataset:
    other_applicant = UserFactory(tenant=other_tenant, role=Role.APPLICANT)
    other_clerk = UserFactory(tenant=other_tenant, role=Role.CLERK)
    cases: dict[str, Case] = {}

    # G: received 30.12.2024, before the period (complete in it: still not counted).
    cases["G"] = g = submit_at(moment(2024, 12, 30), applicant)
    complete_at(g, moment(2025, 1, 2), clerk)
    # A: Mon 06.01.2025 09:00 -> complete Mon 13.01. 09:00: 7 days, 5 working days, no Nachforderung.
    cases["A"] = a = submit_at(moment(2025, 1, 6, 9), applicant)
    complete_at(a, moment(2025, 1, 13, 9), clerk)
    # B: Mon 20.01. -> Nachforderung Mon 27.01. -> resubmitted Mon 10.02. -> complete Fri 14.02. (all 10:00):
    # 25 days / 19 working days, of which 14 days / 10 working days with the applicant side.
    cases["B"] = b = submit_at(moment(2025, 1, 20), applicant)
    nachforderung_at(b, moment(2025, 1, 27), clerk)
    resubmit_at(b, moment(2025, 2, 10))
    complete_at(b, moment(2025, 2, 14), clerk)
    # C: Mon 03.02. 08:00 -> complete Tue 04.02. 08:00 (1 day) -> approved Tue 04.03. 08:00 (28 days, 20 working
    # days); Eingang -> Entscheidung 29 days, 21 working days.
    cases["C"] = c = submit_at(moment(2025, 2, 3, 8), applicant)
    complete_at(c, moment(2025, 2, 4, 8), clerk)
    decide_at(c, moment(2025, 3, 4, 8), clerk, CaseState.APPROVED)
    # D: received Mon 03.03., never checked: completeness check overdue since 17.03.2025.
    cases["D"] = submit_at(moment(2025, 3, 3), applicant)
    # E: received Mon 10.03., Nachforderung Wed 12.03. with deadline 11.04.2025, never answered.
    cases["E"] = e = submit_at(moment(2025, 3, 10), applicant)
    nachforderung_at(e, moment(2025, 3, 12), clerk, deadline=moment(2025, 4, 11).date())
    # H: Wed 16.04. -> complete Wed 23.04. over Easter (Karfreitag 18.04., Ostermontag 21.04.): 7 days, 3 working
    # days; refused Fri 23.05.: 30 days; Eingang -> Entscheidung 37 days.
    cases["H"] = h = submit_at(moment(2025, 4, 16), applicant)
    complete_at(h, moment(2025, 4, 23), clerk)
    decide_at(h, moment(2025, 5, 23), clerk, CaseState.REFUSED)
    # F: Beispielstadt, January 2025, complete the next day; and one left unchecked (overdue there).
    cases["F"] = f = submit_at(moment(2025, 1, 8), other_applicant)
    complete_at(f, moment(2025, 1, 9), other_clerk)
    cases["F2"] = submit_at(moment(2025, 2, 3), other_applicant)
    for key, case in cases.items():
        cases[key] = Case.objects.get(pk=case.pk)
    return Dataset(cases)
