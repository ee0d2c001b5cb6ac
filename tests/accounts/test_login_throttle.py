"""Ten failed logins lock an account for 15 minutes, even against the right password (BSI APP.3.1.A1)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_eleventh_attempt_is_refused_even_with_the_right_password() -> None:
    user = UserFactory()
    client = Client()
    for _ in range(10):
        response = client.post("/konto/anmelden/", {"username": user.username, "password": "falsch"})
        assert "Benutzername oder Passwort ist falsch." in response.content.decode()
    response = client.post("/konto/anmelden/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "Zu viele Fehlversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_typos_do_not_lock_the_account() -> None:
    user = UserFactory()
    client = Client()
    for _ in range(3):
        client.post("/konto/anmelden/", {"username": user.username, "password": "falsch"})
    response = client.post("/konto/anmelden/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
