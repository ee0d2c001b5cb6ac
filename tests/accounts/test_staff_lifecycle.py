"""Staff lifecycle run by the Kommune's admin (issue 13): invite by e-mail with a signed, expiring, single-use link,
TOTP enrolment at the first login, role changes, deactivation, the last-admin rule and the four-eyes reset of a lost
second factor — through the pages, on PostgreSQL, with the audit trail checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts import invitation
from bauantrag.accounts.models import MfaResetRequest, Role, User
from bauantrag.accounts.totp import current_code
from bauantrag.audit.models import AuditEvent
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STAFF = "/kommune/mitarbeitende/"
NEW_PASSWORD = "Gruene-Fensterlaeden-am-Deich-7"
Capture = Callable[..., Any]


@pytest.fixture
def admin(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN, first_name="Ada", last_name="Admin")


@pytest.fixture
def second_admin(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN, first_name="Berta", last_name="Zweite")


@pytest.fixture
def clerk(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.CLERK, first_name="Carl", last_name="Clerk")


def events(code: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=code).order_by("id"))


def invite(client: Client, capture: Capture, **fields: str) -> Any:
    data = {"first_name": "Nora", "last_name": "Neu", "email": "nora.neu@musterstadt.example", "role": "clerk",
            **fields}
    with capture(execute=True):
        return client.post(STAFF, data)


def invitation_path(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://[^/\s]+(/konto/einladung/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_the_list_shows_only_the_own_kommunes_staff(admin: User, clerk: User, other_tenant: Any) -> None:
    foreign = UserFactory(tenant=other_tenant, role=Role.CLERK, last_name="Fremdling")
    applicant = UserFactory(tenant=admin.tenant, role=Role.APPLICANT, last_name="Bauherrin")
    TOTPDevice.objects.filter(user=clerk).delete()
    page = login(Client(), admin).get(STAFF)
    assert page.status_code == 200
    text = page.content.decode()
    assert clerk.email in text and admin.email in text and "Sachbearbeiter/in" in text
    assert foreign.last_name not in text and applicant.last_name not in text
    row = re.search(rf"{re.escape(clerk.email)}.*?</tr>", text, re.S)
    assert row and "<td>nein" in row.group(0)  # no second factor set up


def test_only_a_kommune_admin_reaches_the_page(clerk: User, applicant: User) -> None:
    assert login(Client(), clerk).get(STAFF).status_code == 403
    assert login(Client(), applicant).get(STAFF).status_code == 403
    assert Client().get(STAFF).status_code == 302  # to the login


def test_an_invited_person_sets_a_password_once_and_enrols_totp_at_first_login(
        admin: User, django_capture_on_commit_callbacks: Capture) -> None:
    response = invite(login(Client(), admin), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    nora = User.objects.get(username="nora.neu@musterstadt.example")
    assert (nora.tenant_id, nora.role, nora.has_usable_password()) == (admin.tenant_id, Role.CLERK, False)
    assert [m.to for m in mail.outbox] == [["nora.neu@musterstadt.example"]]
    assert [e.actor_id for e in events("staff.invited")] == [admin.pk]
    path = invitation_path(mail.outbox[0])

    visitor = Client()
    weak = visitor.post(path, {"new_password1": "aaaaaaaaaaaa", "new_password2": "aaaaaaaaaaaa"})
    assert weak.status_code == 400  # the password policy applies
    nora.refresh_from_db()
    assert not nora.has_usable_password()
    done = visitor.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/konto/anmelden/"
    nora.refresh_from_db()
    assert nora.check_password(NEW_PASSWORD) and nora.email_verified
    assert [e.actor_id for e in events("staff.invitation_accepted")] == [nora.pk]

    again = Client().post(path, {"new_password1": "Anderes-Passwort-am-Deich-9",
                                 "new_password2": "Anderes-Passwort-am-Deich-9"})
    assert again.status_code == 400 and "schon verwendet" in again.content.decode()  # single use
    nora.refresh_from_db()
    assert nora.check_password(NEW_PASSWORD)

    first = Client()
    assert first.post("/konto/anmelden/", {"username": nora.username, "password": NEW_PASSWORD}).status_code == 302
    queue = first.get("/bauaufsicht/")
    assert queue.status_code == 302 and queue["Location"].startswith("/konto/2fa/")
    setup = first.get("/konto/2fa/")
    assert "Authenticator" in setup.content.decode()
    device = TOTPDevice.objects.get(user=nora, confirmed=False)
    assert first.post("/konto/2fa/", {"token": current_code(device)}).status_code == 302
    assert TOTPDevice.objects.get(user=nora).confirmed


def test_an_invitation_link_expires_and_a_forged_one_is_refused(
        admin: User, django_capture_on_commit_callbacks: Capture) -> None:
    invite(login(Client(), admin), django_capture_on_commit_callbacks)
    path = invitation_path(mail.outbox[0])
    later = invitation.MAX_AGE_DAYS * 24 * 3600 + 60
    with mock.patch("django.core.signing.time.time", return_value=signing.time.time() + later):
        assert Client().get(path).status_code == 400
    assert Client().get(path[:-3] + "xy/").status_code == 400
    assert Client().get(path).status_code == 200


@pytest.mark.parametrize(("address", "message"), [
    ("nora.neu@muster\u200bstadt.example", "enthält unsichtbare Zeichen"),  # zero-width space
    ("nora.neu@m\u0443sterstadt.example", "mischt Buchstaben verschiedener Schriften"),  # Cyrillic у
])
def test_look_alike_addresses_are_refused(admin: User, address: str, message: str,
                                          django_capture_on_commit_callbacks: Capture) -> None:
    response = invite(login(Client(), admin), django_capture_on_commit_callbacks, email=address)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(last_name="Neu").exists() and not mail.outbox


def test_an_expired_invitation_is_sent_again_but_not_to_someone_who_accepted(
        admin: User, clerk: User, django_capture_on_commit_callbacks: Capture) -> None:
    client = login(Client(), admin)
    invite(client, django_capture_on_commit_callbacks)
    nora = User.objects.get(username="nora.neu@musterstadt.example")
    later = invitation.MAX_AGE_DAYS * 24 * 3600 + 60
    with mock.patch("django.core.signing.time.time", return_value=signing.time.time() + later):
        assert Client().get(invitation_path(mail.outbox[0])).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(f"{STAFF}{nora.pk}/einladung/")
    assert resent.status_code == 302 and resent["Location"] == f"{STAFF}{nora.pk}/"
    assert [m.to for m in mail.outbox] == [[nora.email], [nora.email]]
    assert Client().get(invitation_path(mail.outbox[1])).status_code == 200
    assert len(events("staff.invited")) == 2
    assert client.post(f"{STAFF}{clerk.pk}/einladung/").status_code == 400  # has a password already


def test_an_address_with_an_account_is_refused(admin: User, clerk: User,
                                               django_capture_on_commit_callbacks: Capture) -> None:
    response = invite(login(Client(), admin), django_capture_on_commit_callbacks, email=clerk.email.upper())
    assert response.status_code == 400 and "bereits ein Konto" in response.content.decode()


def test_role_change_and_deactivation_end_the_persons_session(admin: User, clerk: User) -> None:
    client = login(Client(), admin)
    clerks_session = login(Client(), clerk)
    assert clerks_session.get("/bauaufsicht/").status_code == 200
    assert client.post(f"{STAFF}{clerk.pk}/rolle/", {"role": "agency"}).status_code == 302
    clerk.refresh_from_db()
    assert clerk.role == Role.AGENCY
    [changed] = events("staff.role_changed")
    assert (changed.before, changed.after) == ({"role": "clerk"}, {"role": "agency"})
    assert client.post(f"{STAFF}{clerk.pk}/rolle/", {"role": "platform_admin"}).status_code == 400

    assert client.post(f"{STAFF}{clerk.pk}/aktiv/", {"active": "0"}).status_code == 302
    clerk.refresh_from_db()
    assert not clerk.is_active
    ended = clerks_session.get("/beteiligung/")
    assert ended.status_code == 302 and ended["Location"].startswith("/konto/anmelden/")
    assert events("staff.deactivated")[0].actor_id == admin.pk
    assert client.post(f"{STAFF}{clerk.pk}/aktiv/", {"active": "1"}).status_code == 302
    clerk.refresh_from_db()
    assert clerk.is_active and events("staff.reactivated")


def test_the_last_active_admin_cannot_demote_or_deactivate_themselves(admin: User, second_admin: User) -> None:
    client = login(Client(), admin)
    second_admin.is_active = False
    second_admin.save()
    demote = client.post(f"{STAFF}{admin.pk}/rolle/", {"role": "clerk"})
    assert demote.status_code == 400 and "mindestens eine aktive" in demote.content.decode()
    deactivate = client.post(f"{STAFF}{admin.pk}/aktiv/", {"active": "0"})
    assert deactivate.status_code == 400
    admin.refresh_from_db()
    assert admin.role == Role.TENANT_ADMIN and admin.is_active
    assert not events("staff.role_changed") and not events("staff.deactivated")

    assert client.post(f"{STAFF}{second_admin.pk}/aktiv/", {"active": "1"}).status_code == 302
    assert client.post(f"{STAFF}{admin.pk}/rolle/", {"role": "clerk"}).status_code == 302  # now one remains
    admin.refresh_from_db()
    assert admin.role == Role.CLERK


def test_a_lost_factor_is_reset_only_after_a_second_admin_approves(
        admin: User, second_admin: User, clerk: User) -> None:
    first, second = login(Client(), admin), login(Client(), second_admin)
    url = f"{STAFF}{clerk.pk}/faktor-zuruecksetzen/"
    assert first.post(url, {"reason": ""}).status_code == 400
    assert first.post(url, {"reason": "Diensthandy verloren, Rückruf geprüft"}).status_code == 302
    assert first.post(url, {"reason": "noch einmal"}).status_code == 400  # one open request per account
    assert TOTPDevice.objects.filter(user=clerk, confirmed=True).exists()

    detail = f"{STAFF}{clerk.pk}/"
    approve_form = f'action="{url}bestaetigen/"'
    assert approve_form not in first.get(detail).content.decode()  # no button for the requester
    shown = second.get(detail).content.decode()
    assert approve_form in shown and "Diensthandy verloren" in shown
    own = first.post(url + "bestaetigen/")
    assert own.status_code == 403  # the requester cannot approve
    assert TOTPDevice.objects.filter(user=clerk, confirmed=True).exists()
    assert second.post(url + "bestaetigen/").status_code == 302
    assert not TOTPDevice.objects.filter(user=clerk).exists()
    reset = MfaResetRequest.objects.get(subject=clerk)
    assert (reset.requested_by_id, reset.approved_by_id) == (admin.pk, second_admin.pk)
    assert events("staff.mfa_reset_requested")[0].actor_id == admin.pk
    assert events("staff.mfa_reset_approved")[0].actor_id == second_admin.pk

    again = Client()
    again.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    assert "Authenticator" in again.get("/konto/2fa/").content.decode()


def test_an_admin_cannot_request_the_reset_of_their_own_factor(admin: User, second_admin: User) -> None:
    response = login(Client(), admin).post(f"{STAFF}{admin.pk}/faktor-zuruecksetzen/", {"reason": "verloren"})
    assert response.status_code == 400 and not MfaResetRequest.objects.exists()


def test_another_kommunes_admin_and_the_own_clerk_get_404_on_every_staff_route(
        admin: User, second_admin: User, clerk: User, other_tenant: Any) -> None:
    login(Client(), admin).post(f"{STAFF}{clerk.pk}/faktor-zuruecksetzen/", {"reason": "verloren"})
    outsiders = [UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN), clerk]
    routes = ["", "rolle/", "aktiv/", "einladung/", "faktor-zuruecksetzen/", "faktor-zuruecksetzen/bestaetigen/"]
    probes = 0
    for outsider in outsiders:
        client = login(Client(), outsider)
        for target in (admin, second_admin, clerk, 999999):
            pk = target if isinstance(target, int) else target.pk
            for route in routes:
                for method, data in (("get", None), ("post", {"role": "clerk", "active": "0", "reason": "x"})):
                    response = getattr(client, method)(f"{STAFF}{pk}/{route}", data)
                    probes += 1
                    assert response.status_code in (404, 405), (outsider.role, pk, route, method)
    assert probes == 96
    for person in (admin, second_admin, clerk):
        person.refresh_from_db()
    assert admin.is_active and clerk.is_active and clerk.role == Role.CLERK
    assert TOTPDevice.objects.filter(user=clerk, confirmed=True).exists()
    assert MfaResetRequest.objects.get().approved_at is None
