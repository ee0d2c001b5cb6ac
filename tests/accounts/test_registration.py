"""Applicants and designers register themselves; staff roles cannot be self-assigned. A new account confirms its
address through a signed, expiring link before it may submit (issue 13: "registration without e-mail
verification")."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail, signing
from django.test import Client

from bauantrag.accounts import verification
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.models import CaseState
from bauantrag.settings import base as base_settings
from tests.conftest import login
from tests.factories import PASSWORD, draft_case

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]
DONE = "/konto/registrieren/gesendet/"


def registration(tenant: Any, **overrides: str) -> dict[str, str]:
    return {
        "tenant": str(tenant.pk), "first_name": "Anna", "last_name": "Baumeister",
        "email": "Anna.Baumeister@Example.org", "role": Role.DESIGNER, "chamber_number": "AKNW 4711",
        "password1": PASSWORD, "password2": PASSWORD, **overrides,
    }


def register(capture: Capture, tenant: Any, client_ip: str = "198.51.100.30", **overrides: str) -> Any:
    with capture(execute=True):
        return Client(REMOTE_ADDR=client_ip).post("/konto/registrieren/", registration(tenant, **overrides))


def verification_path(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://[^/\s]+(/konto/bestaetigen/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_designer_registers_unconfirmed_and_confirms_through_the_mailed_link(
        tenant: Any, settings: Any, django_capture_on_commit_callbacks: Capture) -> None:
    settings.PASSWORD_HASHERS = base_settings.PASSWORD_HASHERS  # the suite hashes fast; this test checks the real ones
    response = register(django_capture_on_commit_callbacks, tenant)
    assert response.status_code == 302 and response["Location"] == DONE
    user = User.objects.get(username="anna.baumeister@example.org")
    assert (user.role, user.tenant, user.chamber_number) == (Role.DESIGNER, tenant, "AKNW 4711")
    assert user.password.startswith("argon2") and not user.email_verified
    assert AuditEvent.objects.filter(event=AccountEvent.ACCOUNT_REGISTERED, subject_id=str(user.pk)).exists()
    assert [m.to for m in mail.outbox] == [["anna.baumeister@example.org"]]
    assert mail.outbox[0].subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse"

    opened = Client().get(verification_path(mail.outbox[0]))  # as a mail filter that follows every link does
    assert opened.status_code == 200 and "E-Mail-Adresse bestätigen" in opened.content.decode()
    user.refresh_from_db()
    assert not user.email_verified, "opening the link confirms nothing; the button does"
    page = Client().post(verification_path(mail.outbox[0]))
    assert page.status_code == 200 and "Ihre E-Mail-Adresse ist bestätigt" in page.content.decode()
    user.refresh_from_db()
    assert user.email_verified
    assert AuditEvent.objects.filter(event=AccountEvent.EMAIL_VERIFIED, subject_id=str(user.pk)).count() == 1
    assert Client().post(verification_path(mail.outbox[0])).status_code == 200, "a second click changes nothing"
    assert AuditEvent.objects.filter(event=AccountEvent.EMAIL_VERIFIED, subject_id=str(user.pk)).count() == 1


def test_an_unconfirmed_account_drafts_but_may_not_submit_until_it_confirms(
        tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    register(django_capture_on_commit_callbacks, tenant, role=Role.APPLICANT, chamber_number="")
    user = User.objects.get()
    client = login(Client(), user)
    assert "Ihre E-Mail-Adresse ist noch nicht bestätigt." in client.get("/antraege/").content.decode()
    case = draft_case(applicant=user)
    response = client.post(f"/antraege/{case.pk}/einreichen/", follow=True)
    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT and not case.file_number

    api = client.post(f"/api/v1/applications/{case.pk}/submit/")
    assert api.status_code == 403 and "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in api.content.decode()

    client.post(verification_path(mail.outbox[0]))
    client.post(f"/antraege/{case.pk}/einreichen/")
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_the_link_is_signed_expires_and_belongs_to_the_address(
        tenant: Any, django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    register(django_capture_on_commit_callbacks, tenant)
    user = User.objects.get()
    path = verification_path(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert "baumeister" not in str(signing.loads(token, salt=verification.SALT)), "the address is not in the link"
    forged = signing.dumps({"user": user.pk, "email": user.email}, salt="ein-anderer-zweck", compress=True)
    assert Client().get(f"/konto/bestaetigen/{forged}/").status_code == 400
    assert Client().get(f"/konto/bestaetigen/{token[:-2]}xx/").status_code == 400

    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + verification.MAX_AGE_DAYS * 86400 + 60)
    expired = Client().get(path)
    assert expired.status_code == 400 and "Dieser Link gilt nicht mehr" in expired.content.decode()
    monkeypatch.setattr(time, "time", real_time)

    User.objects.filter(pk=user.pk).update(email="neu@example.org")
    assert Client().get(path).status_code == 400, "a link for an address the account no longer has is void"
    user.refresh_from_db()
    assert not user.email_verified


def test_the_link_can_be_sent_again_a_few_times(tenant: Any, django_capture_on_commit_callbacks: Capture) -> None:
    register(django_capture_on_commit_callbacks, tenant)
    client = login(Client(), User.objects.get())
    answers = []
    for _ in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(client.post("/konto/bestaetigen/erneut/", follow=True).content.decode())
    assert len(mail.outbox) == 1 + 3
    assert "Wir haben Ihnen den Link zur Bestätigung erneut geschickt." in answers[0]
    assert "schon mehrere E-Mails geschickt" in answers[3]


@pytest.mark.parametrize("role", [Role.CLERK, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN, Role.AGENCY])
def test_staff_roles_cannot_be_chosen(tenant: Any, role: str) -> None:
    response = Client().post("/konto/registrieren/", registration(tenant, role=role))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_designer_needs_a_chamber_number_and_a_strong_password(tenant: Any) -> None:
    response = Client().post(
        "/konto/registrieren/", registration(tenant, chamber_number="", password1="12345678", password2="12345678")
    )
    page = response.content.decode()
    assert "Kammer-Mitgliedsnummer an (§ 67 Abs. 3 BauO NRW)" in page
    assert 'aria-invalid="true"' in page or "error-text" in page
    assert not User.objects.exists()
