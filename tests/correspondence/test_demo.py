from __future__ import annotations

from typing import Any

import pytest

from bauantrag.correspondence import demo
from bauantrag.correspondence.models import Letterhead, Message
from tests.factories import UserFactory, clerk_for, submitted_case

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(tenant: Any) -> None:
    applicant = UserFactory(tenant=tenant, username=demo.APPLICANT, email=demo.APPLICANT)
    clerk = clerk_for(tenant)
    case = submitted_case(applicant)
    users = {demo.APPLICANT: applicant, demo.CLERK: clerk}
    demo.load(tenant, users)
    demo.load(tenant, users)
    assert Letterhead.objects.get(tenant=tenant).court_name == "Verwaltungsgericht Arnsberg"
    thread = list(Message.objects.filter(case=case, letter__isnull=True).order_by("created_at"))
    assert [(m.side, m.parent_id) for m in thread] == [("applicant", None), ("authority", thread[0].pk)]
