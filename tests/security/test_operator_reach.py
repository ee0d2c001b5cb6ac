"""The operator's reach (issue 13): the Django admin manages Kommunen and accounts, never a Kommune's cases.

Every registered admin model is enumerated; every other model's admin URLs answer 404; no admin page shows a
case, a Bauvorlage, a letter or a finding, nor a TOTP secret."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, User
from bauantrag.api.tokens import create_token
from bauantrag.cases.models import Case, Finding
from tests.conftest import login
from tests.factories import UserFactory, submitted_case

pytestmark = pytest.mark.django_db

OPERATOR_MODELS = {"auth.Group", "accounts.Tenant", "accounts.User", "otp_totp.TOTPDevice"}


@pytest.fixture
def operator() -> Client:
    user = UserFactory(tenant=None, role=Role.PLATFORM_ADMIN, is_staff=True, is_superuser=True,
                       username="betrieb@it-dienstleister.example")
    return login(Client(), user)


def test_only_kommunen_accounts_groups_and_devices_are_registered() -> None:
    assert {model._meta.label for model in admin.site._registry} == OPERATOR_MODELS


def test_the_operator_reaches_no_case_data_through_any_admin_url(operator: Client, tenant: Any) -> None:
    case = submitted_case(UserFactory(tenant=tenant))
    document = case.documents.first()
    finding = Finding.objects.filter(check_run__case=case).first()
    assert document is not None and finding is not None and case.file_number
    secrets_and_data = [
        case.file_number, case.vorhaben.description, document.display_name, finding.message,
        *(device.key for device in TOTPDevice.objects.all()),
    ]
    pages: dict[str, bytes] = {}
    assert operator.get("/verwaltung/").status_code == 200
    for model, model_admin in admin.site._registry.items():
        base = f"/verwaltung/{model._meta.app_label}/{model._meta.model_name}/"
        listing = operator.get(base)
        assert listing.status_code == 200, base
        pages[base] = listing.content
        for obj in model._default_manager.all()[:20]:
            url = f"{base}{obj.pk}/change/"
            response = operator.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content
            for suffix in ("history/", "config/", "qrcode/", "delete/"):
                extra = operator.get(f"{base}{obj.pk}/{suffix}", follow=True)
                pages[f"{base}{obj.pk}/{suffix}"] = extra.content
        if model_admin.has_add_permission(operator.get(base).wsgi_request):
            pages[base + "add/"] = operator.get(base + "add/").content
    leaks = [f"{url}: {value[:40]}" for url, body in pages.items() for value in secrets_and_data
             if value and value.encode() in body]
    assert not leaks, leaks
    assert not [url for url, body in pages.items() if b"otpauth://" in body]

    # Every model that is not registered: its admin pages do not exist.
    registered = set(admin.site._registry)
    unregistered = [model for model in apps.get_models() if model not in registered]
    assert Case in unregistered and len(unregistered) >= 30
    for model in unregistered:
        base = f"/verwaltung/{model._meta.app_label}/{model._meta.model_name}/"
        for url in (base, base + "add/", f"{base}{case.pk}/change/"):
            assert operator.get(url).status_code == 404, url
    for label in ("cases", "documents", "correspondence", "decision", "beteiligung", "fees", "audit", "assist"):
        assert operator.get(f"/verwaltung/{label}/").status_code == 404, label
    # The admin's generic views reach no case either: the "view on site" shortcut and the autocomplete.
    shortcut = operator.get(f"/verwaltung/r/{ContentType.objects.get_for_model(Case).pk}/{case.pk}/", follow=True)
    assert shortcut.status_code == 404 and case.file_number.encode() not in shortcut.content
    autocomplete = operator.get("/verwaltung/autocomplete/", {
        "app_label": "documents", "model_name": "document", "field_name": "case", "term": case.file_number,
    })
    assert autocomplete.status_code == 403 and case.file_number.encode() not in autocomplete.content
    # The operator has no Kommune: the clerk's pages are closed to them, too.
    assert operator.get(f"/bauaufsicht/vorgaenge/{case.pk}/").status_code == 404


def test_a_totp_device_shows_since_when_but_never_its_secret_and_cannot_be_added(operator: Client,
                                                                                  tenant: Any) -> None:
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    device = TOTPDevice.objects.get(user=clerk)
    page = operator.get(f"/verwaltung/otp_totp/totpdevice/{device.pk}/change/")
    body = page.content.decode()
    assert page.status_code == 200 and "eingerichtet am" in body.lower()
    assert device.key not in body and 'name="key"' not in body
    assert operator.get("/verwaltung/otp_totp/totpdevice/add/").status_code == 403


def test_accounts_created_by_the_operator_have_no_password_and_api_accounts_are_not_listed(
    operator: Client, tenant: Any
) -> None:
    response = operator.post("/verwaltung/accounts/user/add/", {
        "username": "admin@musterstadt.example", "first_name": "Anna", "last_name": "Admin",
        "email": "admin@musterstadt.example", "tenant": tenant.pk, "role": Role.TENANT_ADMIN, "is_active": "on",
    })
    assert response.status_code == 302, response.content[:2000]
    created = User.objects.get(username="admin@musterstadt.example")
    assert created.tenant == tenant and not created.has_usable_password() and not created.is_superuser
    issued = create_token(None, tenant, name="Kasse", scope="read", expires_at=timezone.now() + timedelta(days=1))
    listing = operator.get("/verwaltung/accounts/user/").content.decode()
    assert "admin@musterstadt.example" in listing and issued.token.user.username not in listing
    assert operator.get(f"/verwaltung/accounts/user/{issued.token.user_id}/change/", follow=True).status_code == 200
    assert operator.post(f"/verwaltung/accounts/user/{created.pk}/delete/", {"post": "yes"}).status_code == 403
