"""The Kommune's optional WMS background: set by its tenant administrator at /kommune/karte/ (https only,
audited), shown on the applicant's drawing map; without it the page says the map shows only own data."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, Tenant
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from tests.conftest import login
from tests.factories import UserFactory, draft_case

pytestmark = pytest.mark.django_db
URL = "/kommune/karte/"
VALID = {"map_wms_url": "https://www.wms.nrw.de/geobasis/wms_nw_dop", "map_wms_layers": "nw_dop_rgb",
         "map_wms_attribution": "© Geobasis NRW"}  # fmt: skip


@pytest.fixture
def admin_client(tenant: Tenant) -> Client:
    return login(Client(), UserFactory(tenant=tenant, role=Role.TENANT_ADMIN))


def test_tenant_admin_finds_the_settings_in_the_navigation(admin_client: Client) -> None:
    assert f'href="{URL}"' in admin_client.get("/bauaufsicht/").content.decode()


def test_tenant_admin_sets_the_background_with_audit(admin_client: Client, tenant: Tenant) -> None:
    page = admin_client.get(URL)
    assert page.status_code == 200 and "WMS-Adresse des Kartenhintergrunds" in page.content.decode()
    response = admin_client.post(URL, VALID)
    assert response.status_code == 302
    tenant.refresh_from_db()
    assert tenant.map_wms_url == VALID["map_wms_url"] and tenant.map_wms_layers == "nw_dop_rgb"
    event = AuditEvent.objects.get(tenant=tenant, event=AccountEvent.TENANT_SETTINGS_CHANGED)
    assert event.before["map_wms_url"] == "" and event.after["map_wms_attribution"] == "© Geobasis NRW"
    assert verify_tenant(tenant) == []  # the hash chain is intact
    admin_client.post(URL, VALID)  # unchanged: no second event
    assert AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED).count() == 1


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"map_wms_url": "http://wms.example.org/wms"}, "Bitte eine https-Adresse angeben."),
        ({"map_wms_url": "javascript:alert(1)//"}, "Bitte eine https-Adresse angeben."),
        ({"map_wms_url": "ftp://wms.example.org/"}, "Bitte eine https-Adresse angeben."),
        ({"map_wms_layers": "a<script>"}, "Nur Buchstaben, Ziffern"),
        ({"map_wms_attribution": "<img src=x onerror=alert(1)>"}, "keine spitzen Klammern"),
        ({"map_wms_layers": ""}, "Bitte geben Sie die Ebenen des WMS-Dienstes an."),
    ],
    ids=["http", "javascript", "ftp", "layers", "attribution", "no-layers"],
)
def test_invalid_settings_are_refused(
    admin_client: Client, tenant: Tenant, values: dict[str, str], message: str
) -> None:
    response = admin_client.post(URL, {**VALID, **values})
    assert response.status_code == 400 and message in response.content.decode()
    tenant.refresh_from_db()
    assert tenant.map_wms_url == ""
    assert not AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED).exists()


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.DESIGNER, Role.CLERK, Role.AGENCY])
def test_other_roles_may_not_change_the_map(tenant: Tenant, role: Role) -> None:
    client = login(Client(), UserFactory(tenant=tenant, role=role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, VALID).status_code == 403
    tenant.refresh_from_db()
    assert tenant.map_wms_url == ""


def test_anonymous_is_sent_to_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def test_site_page_shows_background_only_when_configured(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    page = applicant_client.get(f"/antraege/{case.pk}/lage/").content.decode()
    assert "zeigt nur die Daten dieser Anwendung" in page and "data-wms-url" not in page
    assert "vendor/leaflet/leaflet.js" in page and "unpkg" not in page and "cdn" not in page.lower()
    Tenant.objects.filter(pk=applicant.tenant_id).update(**VALID)
    page = applicant_client.get(f"/antraege/{case.pk}/lage/").content.decode()
    assert 'data-wms-url="https://www.wms.nrw.de/geobasis/wms_nw_dop"' in page
    assert "Hintergrund: © Geobasis NRW" in page
