"""Password change and reset (issue 13: "no password change or reset for anyone"): Django's flows in German, with a
short-lived one-time link, the same answer for unknown addresses, limits per address and per client address, an
audit entry for every new password, and no way around a staff member's second factor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, User
from bauantrag.accounts.passwords import RESET_PER_ADDRESS, RESET_PER_CLIENT
from bauantrag.audit.models import AuditEvent
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Gruene-Fensterlaeden-am-Deich-7"
RESET = "/konto/passwort/vergessen/"
Capture = Callable[..., Any]


def request_reset(capture: Capture, address: str, client_ip: str = "198.51.100.20") -> Any:
    with capture(execute=True):
        return Client(REMOTE_ADDR=client_ip).post(RESET, {"email": address})


def reset_link(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://[^/\s]+(/konto/passwort/neu/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def follow_link(client: Client, path: str) -> str:
    """Django moves the token from the URL into the session and redirects to ``…/set-password/``."""
    response = client.get(path)
    assert response.status_code == 302, response.content[:300]
    return str(response["Location"])


def test_a_logged_in_applicant_changes_the_password_and_other_sessions_end(applicant: User) -> None:
    this, other = login(Client(), applicant), login(Client(), applicant)
    key_before = this.session.session_key
    wrong = this.post("/konto/passwort/", {"old_password": "falsch", "new_password1": NEW_PASSWORD,
                                           "new_password2": NEW_PASSWORD})
    assert wrong.status_code == 200 and "Das alte Passwort war falsch. Bitte neu eingeben." in wrong.content.decode()

    response = this.post("/konto/passwort/", {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
                                              "new_password2": NEW_PASSWORD}, follow=True)
    assert "Ihr Passwort ist geändert." in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.check_password(NEW_PASSWORD)
    assert this.session.session_key != key_before, "the session id is new after the password change"
    assert this.get("/antraege/").status_code == 200
    assert other.get("/antraege/").status_code == 302, "the other device's session ended"
    event = AuditEvent.objects.get(event=AccountEvent.PASSWORD_CHANGED)
    assert event.subject_id == str(applicant.pk) and NEW_PASSWORD not in str(event.after)


def test_the_password_page_needs_a_login() -> None:
    response = Client().get("/konto/passwort/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")


def test_reset_by_e_mail_sets_a_new_password_once_and_does_not_log_in(
        applicant: User, django_capture_on_commit_callbacks: Capture, settings: Any) -> None:
    settings.PUBLIC_URL = "https://bauantrag.kreis-unna.example"
    response = request_reset(django_capture_on_commit_callbacks, applicant.username.upper())
    assert response.status_code == 302 and response["Location"] == "/konto/passwort/vergessen/gesendet/"
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    message = mail.outbox[0]
    assert message.subject == "Neues Passwort für Ihr Konto"
    assert "https://bauantrag.kreis-unna.example/konto/passwort/neu/" in message.body
    assert "gültig 60 Minuten" in message.body

    client = Client()
    form_url = follow_link(client, reset_link(message))
    assert "Neues Passwort festlegen" in client.get(form_url).content.decode()
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/konto/passwort/neu/fertig/"
    applicant.refresh_from_db()
    assert applicant.check_password(NEW_PASSWORD)
    assert "_auth_user_id" not in client.session, "a reset never logs in"
    assert AuditEvent.objects.filter(event=AccountEvent.PASSWORD_RESET, subject_id=str(applicant.pk)).exists()

    again = Client().get(reset_link(message), follow=True)
    assert "Dieser Link ist abgelaufen oder wurde schon verwendet." in again.content.decode()


def test_the_reset_page_answers_the_same_for_an_address_without_account(
        applicant: User, django_capture_on_commit_callbacks: Capture) -> None:
    known = request_reset(django_capture_on_commit_callbacks, applicant.username, client_ip="198.51.100.21")
    unknown = request_reset(django_capture_on_commit_callbacks, "niemand@example.org", client_ip="198.51.100.22")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    page = Client().get(unknown["Location"]).content.decode()
    assert "Wenn zu dieser Adresse ein Konto besteht" in page


def test_a_reset_link_expires_after_an_hour(applicant: User, django_capture_on_commit_callbacks: Capture,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    request_reset(django_capture_on_commit_callbacks, applicant.username)
    link = reset_link(mail.outbox[0])
    later = dt.datetime.now() + dt.timedelta(minutes=61)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    page = Client().get(link, follow=True).content.decode()
    assert "Dieser Link ist abgelaufen oder wurde schon verwendet." in page


def test_a_reset_keeps_the_second_factor_of_staff(django_capture_on_commit_callbacks: Capture) -> None:
    clerk = UserFactory(role=Role.CLERK)
    request_reset(django_capture_on_commit_callbacks, clerk.username)
    client = Client()
    form_url = follow_link(client, reset_link(mail.outbox[0]))
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert client.get("/bauaufsicht/").status_code == 302
    response = client.post("/konto/anmelden/", {"username": clerk.username, "password": NEW_PASSWORD})
    assert response.status_code == 302
    queue = client.get("/bauaufsicht/")
    assert queue.status_code == 302 and queue["Location"].startswith("/konto/2fa/"), "TOTP is still asked for"


def test_reset_mails_are_limited_per_address_without_telling(
        applicant: User, django_capture_on_commit_callbacks: Capture) -> None:
    for index in range(RESET_PER_ADDRESS.limit + 2):
        response = request_reset(django_capture_on_commit_callbacks, applicant.username,
                                 client_ip=f"203.0.113.{index}")
        assert response.status_code == 302 and response["Location"] == "/konto/passwort/vergessen/gesendet/"
    assert len(mail.outbox) == RESET_PER_ADDRESS.limit


def test_reset_requests_are_limited_per_client_address(django_capture_on_commit_callbacks: Capture) -> None:
    for index in range(RESET_PER_CLIENT.limit):
        assert request_reset(django_capture_on_commit_callbacks, f"probe{index}@example.org").status_code == 302
    refused = request_reset(django_capture_on_commit_callbacks, "probe-last@example.org")
    assert refused.status_code == 429
    assert "Zu viele Anfragen von Ihrer Internetadresse aus." in refused.content.decode()
    assert request_reset(django_capture_on_commit_callbacks, "probe-other@example.org",
                         client_ip="192.0.2.50").status_code == 302
