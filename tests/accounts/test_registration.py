"""Applicants and designers register themselves; staff roles cannot be self-assigned."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.settings import base as base_settings

pytestmark = pytest.mark.django_db

PASSWORD = "Ein-sicheres-Passwort-2026"


def _form(tenant: Any, **overrides: str) -> dict[str, str]:
    return {
        "tenant": str(tenant.pk), "first_name": "Anna", "last_name": "Baumeister",
        "email": "Anna.Baumeister@Example.org", "role": Role.DESIGNER, "chamber_number": "AKNW 4711",
        "password1": PASSWORD, "password2": PASSWORD, **overrides,
    }


def test_a_designer_registers_and_lands_in_the_portal(tenant: Any, settings: Any) -> None:
    settings.PASSWORD_HASHERS = base_settings.PASSWORD_HASHERS  # the suite hashes fast; this test checks the real ones
    client = Client()
    response = client.post("/konto/registrieren/", _form(tenant))
    assert response.status_code == 302 and response["Location"] == "/antraege/"
    user = User.objects.get(username="anna.baumeister@example.org")
    assert (user.role, user.tenant, user.chamber_number) == (Role.DESIGNER, tenant, "AKNW 4711")
    assert user.password.startswith("argon2")
    assert AuditEvent.objects.filter(event=AccountEvent.ACCOUNT_REGISTERED, subject_id=str(user.pk)).exists()
    assert client.get("/antraege/").status_code == 200


def test_the_same_address_in_other_spelling_is_refused(tenant: Any) -> None:
    Client().post("/konto/registrieren/", _form(tenant))
    response = Client().post("/konto/registrieren/", _form(tenant, email="ANNA.baumeister@example.org "))
    assert response.status_code == 200
    assert "Für diese E-Mail-Adresse besteht bereits ein Konto." in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize("role", [Role.CLERK, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN, Role.AGENCY])
def test_staff_roles_cannot_be_chosen(tenant: Any, role: str) -> None:
    response = Client().post("/konto/registrieren/", _form(tenant, role=role))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_designer_needs_a_chamber_number_and_a_strong_password(tenant: Any) -> None:
    response = Client().post(
        "/konto/registrieren/", _form(tenant, chamber_number="", password1="12345678", password2="12345678")
    )
    page = response.content.decode()
    assert "Kammer-Mitgliedsnummer an (§ 67 Abs. 3 BauO NRW)" in page
    assert 'aria-invalid="true"' in page or "error-text" in page
    assert not User.objects.exists()
