"""The demo's directory of Fachstellen and its open requests, loaded twice without duplicates."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.beteiligung import demo
from bauantrag.beteiligung.models import Beteiligung, Fachstelle
from tests.conftest import login

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_the_demo_agency_sees_its_request(kommune: Any) -> None:
    users = {demo.ADMIN: kommune.admin, demo.CLERK: kommune.clerk, demo.AGENCY: kommune.brandschutz_member}
    before = Fachstelle.objects.count()
    demo.load(kommune.case.tenant, users)
    demo.load(kommune.case.tenant, users)
    assert Fachstelle.objects.count() == before + 3
    requests = Beteiligung.objects.filter(case=kommune.case).select_related("fachstelle")
    assert sorted(b.fachstelle.kind for b in requests) == ["brandschutz", "gemeinde"]
    brandschutz = requests.get(fachstelle__kind="brandschutz")
    assert sorted(d.document_type for d in brandschutz.documents.all()) == ["1803", "2001", "2002", "2003"]
    client = login(Client(), kommune.brandschutz_member)
    assert client.get(f"/beteiligung/{brandschutz.pk}/").status_code == 200
