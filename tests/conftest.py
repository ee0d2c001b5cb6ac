from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.totp import current_code
from bauantrag.celery import app as celery_app
from tests.factories import PASSWORD, TenantFactory, UserFactory

# Fixtures of pytest-django that open the test database. A test that requests one of them (directly or through
# another fixture) or carries `django_db` is a database test; scripts/test.sh runs it on PostgreSQL and on SQLite,
# and every other test once. A test misjudged as database-free fails loudly ("Database access not allowed").
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if uses_database(item):
            item.add_marker(pytest.mark.db)


def uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    return not DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _isolated_storage(settings: Any, tmp_path: Path) -> None:
    settings.DOCUMENT_ROOT = tmp_path / "documents"
    settings.AUDIT_ANCHOR_DIR = tmp_path / "anchors"


@pytest.fixture(autouse=True)
def _private_cache(settings: Any) -> None:
    """Each test gets an empty in-memory cache (login-failure counters must not leak between tests)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _eager_tasks() -> Iterator[None]:
    """Background tasks run in-process unless a test starts a real worker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def tenant() -> Any:
    return TenantFactory(slug="musterstadt", name="Stadt Musterstadt")


@pytest.fixture
def other_tenant() -> Any:
    return TenantFactory(slug="beispielstadt", name="Stadt Beispielstadt")


@pytest.fixture
def applicant(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.APPLICANT)


@pytest.fixture
def clerk(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.CLERK)


def login(client: Client, user: User) -> Client:
    """Log in through the real login page and, for staff, the real TOTP step."""
    response = client.post("/konto/anmelden/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if user.requires_mfa:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        response = client.post("/konto/2fa/", {"token": current_code(device)})
        assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def applicant_client(applicant: User) -> Client:
    return login(Client(), applicant)


@pytest.fixture
def clerk_client(clerk: User) -> Client:
    return login(Client(), clerk)
