"""Fixtures of the plan register: a tenant administrator and the real XPlanGML test plans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.accounts.models import Role, User
from tests.conftest import login
from tests.factories import UserFactory

DATA = Path(__file__).resolve().parents[1] / "data" / "xplan"
BLANKENESE = DATA / "hamburg_blankenese29_xplan60" / "xplan.gml"
BPLAN004 = DATA / "hamburg_bplan004_xplan60" / "xplan.gml"
EIDELSTEDT = DATA / "hamburg_eidelstedt4_xplan41" / "xplan.gml"
HAFENCITY = DATA / "hamburg_hafencity7_xplan52.gml"
# Every real plan in tests/data/xplan (SOURCES.md): file, name, XPlanGML version, number of areas for buildings
# (BaugebietsTeilFlaechen + Gemeinbedarfs- and Nutzungszweckflächen: 42 + 1, 2 + 1, 4 + 1, 3 + 1, 4 + 3, 7)
REAL_PLANS = [
    (BLANKENESE, "Blankenese29_Testplan_60", "6.0", 43),
    (BPLAN004, "BPlan004_6-0", "6.0", 3),
    (EIDELSTEDT, "Eidelstedt 4", "4.1", 5),
    (HAFENCITY, "HafenCity7", "5.2", 4),
    (DATA / "hamburg_rotherbaum27_xplan52.gml", "Rotherbaum27", "5.2", 7),
    (DATA / "test_xplan60_ueberlappung_valide.gml", "BPlan_6-0_4-5-2-4-Ueberlappung_valide", "6.0", 7),
]


@pytest.fixture
def tenant_admin(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)


@pytest.fixture
def admin_client(tenant_admin: User) -> Client:
    return login(Client(), tenant_admin)


def gml_upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/gml+xml")


def upload(client: Client, path: Path | str, data: bytes | None = None) -> Any:
    """POST one file to the upload form, as the browser does."""
    name = Path(path).name
    content = data if data is not None else Path(path).read_bytes()
    return client.post("/plaene/uebernehmen/", {"file": gml_upload(name, content)})
