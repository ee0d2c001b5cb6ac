"""Sessions (issue 13: "the session id is not rotated at the TOTP step; sessions last 14 days without idle
timeout"): a new session id at every privilege step, staff logged out after 30 idle minutes and at the latest after
12 hours, each with a German notice."""

from __future__ import annotations

import time
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.session_limits import LOGGED_IN_AT, SEEN_AT
from bauantrag.accounts.totp import current_code
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/bauaufsicht/"


def session_key(client: Client) -> str:
    return str(client.cookies[settings.SESSION_COOKIE_NAME].value)


def shift(client: Client, **seconds_ago: float) -> None:
    """Make the stored session look as if its login or last request was that long ago."""
    session = client.session
    for name, ago in seconds_ago.items():
        session[name] = time.time() - ago
    session.save()


def test_the_session_id_changes_at_the_password_and_again_at_the_totp_step() -> None:
    clerk = UserFactory(role=Role.CLERK)
    planted = import_module(settings.SESSION_ENGINE).SessionStore()
    planted.create()  # an attacker's session id, planted in the victim's browser
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key

    client.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    after_password = session_key(client)
    assert after_password != planted.session_key
    client.post("/konto/2fa/", {"token": current_code(TOTPDevice.objects.get(user=clerk))})
    after_totp = session_key(client)
    assert after_totp != after_password
    assert client.get(QUEUE).status_code == 200

    for stale in (planted.session_key, after_password):
        attacker = Client()
        attacker.cookies[settings.SESSION_COOKIE_NAME] = stale
        response = attacker.get(QUEUE)
        assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/"), stale


def test_staff_are_logged_out_after_thirty_idle_minutes_with_a_german_notice(clerk: User) -> None:
    client = login(Client(), clerk)
    assert client.session.get_expiry_age() == 30 * 60, "the cookie and the stored session end with the idle time"
    shift(client, **{SEEN_AT: 29 * 60})
    assert client.get(QUEUE).status_code == 200, "activity within 30 minutes keeps the session"
    assert time.time() - client.session[SEEN_AT] < 5, "and counts as activity"

    shift(client, **{SEEN_AT: 31 * 60})
    response = client.get(QUEUE, follow=True)
    assert response.redirect_chain[0][0].startswith("/konto/anmelden/?next=/bauaufsicht/")
    assert "Sie wurden nach 30 Minuten ohne Aktivität abgemeldet." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_sessions_end_after_twelve_hours_even_when_active(clerk: User) -> None:
    client = login(Client(), clerk)
    shift(client, **{LOGGED_IN_AT: 12 * 3600 + 60, SEEN_AT: 10})
    response = client.get(QUEUE, follow=True)
    assert "Ihre Anmeldung endet spätestens nach 12 Stunden." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_idle_staff_session_gets_a_json_answer_from_the_api(clerk: User) -> None:
    client = login(Client(), clerk)
    shift(client, **{SEEN_AT: 31 * 60})
    response = client.get("/api/v1/applications/")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "session_expired"


def test_the_limits_follow_the_settings(clerk: User, settings: Any) -> None:
    settings.STAFF_IDLE_SECONDS = 5 * 60
    client = login(Client(), clerk)
    shift(client, **{SEEN_AT: 6 * 60})
    assert "nach 5 Minuten ohne Aktivität" in client.get(QUEUE, follow=True).content.decode()


def test_applicants_keep_the_two_week_session(applicant: User) -> None:
    client = login(Client(), applicant)
    assert client.get("/antraege/").status_code == 200
    assert LOGGED_IN_AT not in client.session
    assert client.session.get_expiry_age() == 14 * 24 * 3600
