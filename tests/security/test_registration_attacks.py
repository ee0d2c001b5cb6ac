"""Registration as an attacker uses it (issue 13): telling whether an address has an account, creating accounts in
bulk (30 in 14 s), and registering look-alike twins of an address (zero-width space, Cyrillic letters)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.registration import REGISTRATIONS_PER_CLIENT
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]
VICTIM = "erika.muster@example.org"


def register(capture: Capture, tenant: Any, email: str, client_ip: str = "198.51.100.40") -> Any:
    with capture(execute=True):
        return Client(REMOTE_ADDR=client_ip).post("/konto/registrieren/", {
            "tenant": str(tenant.pk), "first_name": "Max", "last_name": "Probe", "email": email,
            "role": Role.APPLICANT, "password1": PASSWORD, "password2": PASSWORD,
        }, follow=True)


def test_registering_an_existing_address_answers_as_for_a_new_one_and_mails_the_owner(
        tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    UserFactory(username=VICTIM, email=VICTIM, tenant=tenant)
    taken = register(django_capture_on_commit_callbacks, tenant, "Erika.Muster@example.org", client_ip="192.0.2.1")
    fresh = register(django_capture_on_commit_callbacks, tenant, "neu.person@example.org", client_ip="192.0.2.2")
    assert taken.status_code == fresh.status_code == 200
    assert taken.redirect_chain == fresh.redirect_chain == [("/konto/registrieren/gesendet/", 302)]
    assert taken.content == fresh.content
    assert "besteht bereits" not in taken.content.decode()
    assert User.objects.filter(username=VICTIM).count() == 1
    to_owner = [m for m in mail.outbox if m.to == [VICTIM]]
    assert len(to_owner) == 1 and to_owner[0].subject == "Sie haben bereits ein Konto"
    assert "/konto/passwort/vergessen/" in to_owner[0].body


def test_thirty_registrations_from_one_address_create_only_the_limit(
        tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    statuses = [register(django_capture_on_commit_callbacks, tenant, f"bot{n}@example.org").status_code
                for n in range(30)]
    assert User.objects.count() == REGISTRATIONS_PER_CLIENT.limit
    refused = register(django_capture_on_commit_callbacks, tenant, "bot-last@example.org")
    assert refused.status_code == 429
    assert "Von Ihrer Internetadresse aus wurden in der letzten Stunde schon mehrere Konten angelegt." in (
        refused.content.decode())
    assert statuses.count(429) == 30 - REGISTRATIONS_PER_CLIENT.limit
    other = register(django_capture_on_commit_callbacks, tenant, "mensch@example.org", client_ip="192.0.2.77")
    assert other.status_code == 200 and User.objects.filter(username="mensch@example.org").exists()


@pytest.mark.parametrize(("twin", "message"), [
    ("erika.muster@exa\u200bmple.org", "enthält unsichtbare Zeichen"),  # zero-width space
    ("erika.muster@example.org\u200d", "enthält unsichtbare Zeichen"),  # zero-width joiner at the end
    ("erika.muster@ex\u0430mple.org", "mischt Buchstaben verschiedener Schriften"),  # Cyrillic а
    ("erika.muster@\u0435x\u0430mple.org", "mischt Buchstaben verschiedener Schriften"),  # Cyrillic е and а
    ("erika.muster@xn--exmple-4nf.org", "mischt Buchstaben verschiedener Schriften"),  # the same in Punycode
])
def test_look_alike_twins_of_an_address_are_refused(
        tenant: Any, django_capture_on_commit_callbacks: Capture, twin: str, message: str) -> None:
    UserFactory(username=VICTIM, email=VICTIM, tenant=tenant)
    response = register(django_capture_on_commit_callbacks, tenant, twin)
    assert response.status_code == 200 and message in response.content.decode()
    assert User.objects.count() == 1 and not mail.outbox


def test_a_full_width_spelling_is_the_same_account_not_a_twin(
        tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    UserFactory(username=VICTIM, email=VICTIM, tenant=tenant)
    register(django_capture_on_commit_callbacks, tenant, "erika.muster@ｅｘａｍｐｌｅ.org")
    assert User.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[VICTIM]]


def test_addresses_with_umlauts_are_welcome(tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    register(django_capture_on_commit_callbacks, tenant, "juergen@müller-bau.de")
    assert User.objects.filter(email="juergen@müller-bau.de").exists()


def test_registering_again_before_confirming_sends_a_new_link_and_no_second_account(
        tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    register(django_capture_on_commit_callbacks, tenant, VICTIM)
    again = register(django_capture_on_commit_callbacks, tenant, VICTIM, client_ip="192.0.2.3")
    assert again.redirect_chain == [("/konto/registrieren/gesendet/", 302)]
    assert User.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["Bitte bestätigen Sie Ihre E-Mail-Adresse"] * 2
