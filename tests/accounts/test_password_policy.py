"""Password policy (issue 13: "weak passwords accepted (`aaaaaaaaaaaa`, `Passwort12345`)"): at least 12 characters,
not in Django's list of common passwords, not like the person's own data, and not guessable early by zxcvbn's
offline estimate — refused with German messages on every form that sets a password, without any network request."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from bauantrag.accounts.models import Role, User
from tests.conftest import login
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

TOO_GUESSABLE = "Dieses Passwort ist zu leicht zu erraten."


def refusals(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


@pytest.mark.parametrize("password", [
    "aaaaaaaaaaaa", "Passwort12345", "passwort1234!", "qwertzuiop123", "Bauantrag2026!", "Kennwort2026!",
    "Hallo12345678", "abcdefghijkl", "Fussball1234",
])
def test_trivial_passwords_of_twelve_characters_and_more_are_refused(password: str) -> None:
    messages = refusals(password)
    assert any(TOO_GUESSABLE in message for message in messages), (password, messages)


def test_a_repeat_is_named_in_german() -> None:
    assert refusals("aaaaaaaaaaaa") == [
        'Dieses Passwort ist zu leicht zu erraten. Wiederholungen wie "aaa" sind leicht zu erraten. Besser sind '
        "mehrere Wörter, die nicht zusammengehören, z. B. mit Bindestrichen dazwischen."
    ]


def test_short_common_numeric_and_personal_passwords_are_refused_in_german() -> None:
    person = User(username="anna.baumeister@example.org", email="anna.baumeister@example.org",
                  first_name="Anna", last_name="Baumeister")
    assert "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten." in refusals("Kurz-7!x")
    assert "Dieses Passwort ist zu üblich." in refusals("password1234")
    assert any("komplett numerisch" in m for m in refusals("736491827364"))
    assert any("zu ähnlich" in m for m in refusals("anna.baumeister@example", person))


@pytest.mark.parametrize("password", [PASSWORD, "Gruene-Fensterlaeden-am-Deich-7", "Zinkwanne unter dem Apfelbaum"])
def test_a_passphrase_is_accepted(password: str) -> None:
    assert refusals(password) == []


def test_the_check_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the password check opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert refusals("Passwort12345") and refusals("Gruene-Fensterlaeden-am-Deich-7") == []


def test_registration_refuses_aaaaaaaaaaaa(tenant: Any) -> None:
    response = Client().post("/konto/registrieren/", {
        "tenant": str(tenant.pk), "first_name": "Anna", "last_name": "Baumeister", "email": "anna@example.org",
        "role": Role.APPLICANT, "password1": "aaaaaaaaaaaa", "password2": "aaaaaaaaaaaa",
    })
    assert response.status_code == 200
    assert TOO_GUESSABLE in response.content.decode()
    assert not User.objects.exists()


def test_a_password_change_refuses_passwort12345(applicant: User) -> None:
    client = login(Client(), applicant)
    response = client.post("/konto/passwort/", {"old_password": PASSWORD, "new_password1": "Passwort12345",
                                                "new_password2": "Passwort12345"})
    assert response.status_code == 200 and TOO_GUESSABLE in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)
