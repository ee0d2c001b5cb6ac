"""The Kommune's language model settings at /assistenz/sprachmodell/: tenant administrator only, off by default,
the address checked, the API key encrypted at rest and never shown, every change in the audit trail."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, Tenant
from bauantrag.assist.summary import keystore
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from tests.conftest import login
from tests.factories import TenantFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/assistenz/sprachmodell/"
KEY = "sk-geheim-Schluessel-4711"
VALID = {"llm_enabled": "on", "llm_base_url": "http://127.0.0.1:11434", "llm_model": "llama3.1:8b",
         "llm_timeout_seconds": "20", "llm_api_key": KEY}  # fmt: skip


def test_off_by_default_and_the_link_only_for_the_tenant_admin(admin_client: Client, tenant: Tenant) -> None:
    assert tenant.llm_enabled is False and tenant.llm_base_url == "" and tenant.llm_timeout_seconds == 20
    assert f'href="{URL}"' in admin_client.get("/bauaufsicht/").content.decode()
    clerk = login(Client(), UserFactory(tenant=tenant, role=Role.CLERK))
    assert f'href="{URL}"' not in clerk.get("/bauaufsicht/").content.decode()


def test_the_admin_switches_it_on_the_key_is_encrypted_and_never_shown(
    admin_client: Client, tenant: Tenant, llm_allowed: None
) -> None:
    page = admin_client.get(URL).content.decode()
    assert "Adresse des Sprachmodell-Servers" in page and "API-Schlüssel: <strong>nicht gesetzt</strong>" in page
    response = admin_client.post(URL, VALID)
    assert response.status_code == 302, response.content.decode()[:2000]
    tenant.refresh_from_db()
    assert tenant.llm_enabled and tenant.llm_base_url == "http://127.0.0.1:11434" and tenant.llm_model == "llama3.1:8b"
    stored = tenant.llm_api_key_encrypted
    assert stored.startswith("v1:") and KEY not in stored and keystore.unseal(tenant.pk, stored) == KEY
    raw = Tenant.objects.filter(pk=tenant.pk).values_list("llm_api_key_encrypted", flat=True).get()
    assert KEY not in raw

    page = admin_client.get(URL).content.decode()
    assert KEY not in page and stored not in page and "API-Schlüssel: <strong>gesetzt</strong>" in page
    assert "Ein Schlüssel ist gesetzt." in page and "Gespeicherten API-Schlüssel löschen" in page

    event = AuditEvent.objects.get(tenant=tenant, event=AccountEvent.TENANT_SETTINGS_CHANGED)
    assert event.before["llm_enabled"] is False and event.after["llm_enabled"] is True
    assert event.before["llm_api_key"] == "nicht gesetzt" and event.after["llm_api_key"] == "neu gesetzt"
    assert KEY not in json.dumps([event.before, event.after, event.message]) and stored not in json.dumps(event.after)
    assert verify_tenant(tenant) == []

    # unchanged, key field left empty: the key stays, no second event
    assert admin_client.post(URL, {**VALID, "llm_api_key": ""}).status_code == 302
    tenant.refresh_from_db()
    assert keystore.unseal(tenant.pk, tenant.llm_api_key_encrypted) == KEY
    assert AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED).count() == 1

    # replaced, then cleared
    assert admin_client.post(URL, {**VALID, "llm_api_key": "neuer-Schluessel"}).status_code == 302
    tenant.refresh_from_db()
    assert keystore.unseal(tenant.pk, tenant.llm_api_key_encrypted) == "neuer-Schluessel"
    values = {**VALID, "llm_api_key": "", "llm_api_key_clear": "on"}
    assert admin_client.post(URL, values).status_code == 302
    tenant.refresh_from_db()
    assert tenant.llm_api_key_encrypted == ""
    last = AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED).order_by("-seq").first()
    assert last is not None and last.before["llm_api_key"] == "gesetzt" and last.after["llm_api_key"] == "nicht gesetzt"


def test_a_stored_key_cannot_be_moved_to_another_kommune(tenant: Tenant) -> None:
    other = TenantFactory(slug="andere")
    sealed = keystore.seal(tenant.pk, KEY)
    assert keystore.seal(tenant.pk, KEY) != sealed  # a fresh nonce each time
    with pytest.raises(keystore.KeyUnreadable):
        keystore.unseal(other.pk, sealed)
    with pytest.raises(keystore.KeyUnreadable):
        keystore.unseal(tenant.pk, sealed[:-4] + "AAAA")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"llm_base_url": "ftp://127.0.0.1/"}, "Bitte eine http- oder https-Adresse"),
        ({"llm_base_url": "javascript:alert(1)//"}, "Bitte eine http- oder https-Adresse"),
        ({"llm_base_url": "http://admin:pw@127.0.0.1:11434"}, "Benutzername oder Passwort gehören nicht"),
        ({"llm_base_url": "http://127.0.0.1:11434/#x"}, "keinen Anker"),
        ({"llm_base_url": "http://127.0.0.1:11434/?a=b"}, "keine Parameter"),
        ({"llm_base_url": "http://169.254.169.254/latest"}, "nicht erlaubt (link-lokal"),
        ({"llm_base_url": "http://[fe80::1]:11434"}, "nicht erlaubt (link-lokal"),
        ({"llm_base_url": "http://2130706433:11434"}, "in der üblichen Schreibweise"),
        ({"llm_base_url": "http://0x7f.1:11434"}, "in der üblichen Schreibweise"),
        ({"llm_base_url": "http://0.0.0.0:11434"}, "nicht erlaubt"),
        ({"llm_base_url": "http://127.0.0.1:11434 /x"}, "keine Leer- oder Steuerzeichen"),
        ({"llm_base_url": ""}, "Bitte geben Sie die Adresse des Servers an."),
        ({"llm_model": ""}, "Bitte geben Sie das Modell an."),
        ({"llm_model": "llama<script>"}, "Nur Buchstaben, Ziffern"),
        ({"llm_timeout_seconds": "0"}, "größer oder gleich 1"),
        ({"llm_timeout_seconds": "600"}, "kleiner oder gleich 120"),
        ({"llm_api_key": "mit\nZeilenumbruch"}, "nur druckbare ASCII-Zeichen"),
    ],
)
def test_invalid_settings_are_refused(
    admin_client: Client, tenant: Tenant, llm_allowed: None, values: dict[str, str], message: str
) -> None:
    response = admin_client.post(URL, {**VALID, **values})
    assert response.status_code == 400 and message in response.content.decode(), response.content.decode()[-3000:]
    tenant.refresh_from_db()
    assert not tenant.llm_enabled and tenant.llm_api_key_encrypted == ""
    assert not AuditEvent.objects.filter(event=AccountEvent.TENANT_SETTINGS_CHANGED).exists()


def test_the_operator_must_allow_language_models(admin_client: Client, tenant: Tenant) -> None:
    page = admin_client.get(URL).content.decode()
    assert "hat die Anbindung eines Sprachmodells nicht freigegeben" in page
    response = admin_client.post(URL, VALID)
    assert response.status_code == 400 and "nicht freigegeben" in response.content.decode()
    tenant.refresh_from_db()
    assert not tenant.llm_enabled


def test_the_operator_may_restrict_the_hosts(admin_client: Client, tenant: Tenant, settings: Any) -> None:
    settings.LLM_ALLOWED, settings.LLM_ALLOWED_HOSTS = True, ("llm.musterstadt.example",)
    response = admin_client.post(URL, VALID)
    assert response.status_code == 400 and "Der Betrieb erlaubt nur diese Server: llm.musterstadt.example" in (
        response.content.decode()
    )
    values = {**VALID, "llm_base_url": "https://LLM.musterstadt.example/"}
    assert admin_client.post(URL, values).status_code == 302
    tenant.refresh_from_db()
    assert tenant.llm_base_url == "https://LLM.musterstadt.example"


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.DESIGNER, Role.CLERK, Role.AGENCY])
def test_other_roles_may_not_change_it(tenant: Tenant, role: Role, llm_allowed: None) -> None:
    client = login(Client(), UserFactory(tenant=tenant, role=role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, VALID).status_code == 403
    tenant.refresh_from_db()
    assert not tenant.llm_enabled and tenant.llm_api_key_encrypted == ""


def test_anonymous_is_sent_to_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]
