"""Security events reach the trail: login, logout, failed login and cool-down, wrong TOTP code, changes in the
Django admin, refused access (issue 13). Neither a password nor a code is stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts import throttle
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import chain_key, verify_chain
from tests.conftest import login
from tests.factories import PASSWORD, TenantFactory, UserFactory, submitted_case

pytestmark = pytest.mark.django_db


def _events(code: str, **filters: Any) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=code, **filters).order_by("chain", "seq"))


def _whole_trail() -> str:
    return json.dumps([row.as_record() for row in AuditEvent.objects.all()], ensure_ascii=False)


def test_login_and_logout_are_recorded_on_the_kommune_chain_without_the_password() -> None:
    user = UserFactory(role=Role.APPLICANT)
    client = login(Client(REMOTE_ADDR="198.51.100.9"), user)
    client.post("/konto/abmelden/")
    logged_in = _events(AccountEvent.LOGGED_IN, actor=user)
    assert len(logged_in) == 1 and logged_in[0].chain == chain_key(user.tenant)
    assert logged_in[0].after == {"address": "198.51.100.9", "path": "/konto/anmelden/"}
    assert len(_events(AccountEvent.LOGGED_OUT, actor=user)) == 1
    assert PASSWORD not in _whole_trail()
    assert verify_chain(chain_key(user.tenant)) == []


def test_failed_logins_and_the_cool_down_are_recorded_without_the_typed_password() -> None:
    user = UserFactory()
    client = Client()
    for _ in range(throttle.ACCOUNT_LIMIT):
        client.post("/konto/anmelden/", {"username": user.username, "password": "Falsch-Geraten-123"})
    assert len(_events(AccountEvent.LOGIN_FAILED, subject_id=str(user.pk))) == throttle.ACCOUNT_LIMIT
    assert len(_events(AccountEvent.LOGIN_LOCKED, subject_id=str(user.pk))) == 1
    assert "Falsch-Geraten-123" not in _whole_trail()


def test_a_wrong_totp_code_is_recorded_without_the_code() -> None:
    clerk = UserFactory(role=Role.CLERK)
    client = Client()
    client.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    device = TOTPDevice.objects.get(user=clerk)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post("/konto/2fa/", {"token": wrong})
    assert "Der Code ist falsch" in response.content.decode()
    failed = _events(AccountEvent.MFA_FAILED, actor=clerk)
    assert len(failed) == 1 and failed[0].chain == chain_key(clerk.tenant)
    assert wrong not in json.dumps(failed[0].as_record())


def test_the_operator_s_admin_changes_go_to_the_platform_chain() -> None:
    operator = UserFactory(role=Role.PLATFORM_ADMIN, tenant=None, is_staff=True, is_superuser=True)
    client = login(Client(), operator)
    assert _events(AccountEvent.LOGGED_IN, actor=operator)[0].chain == "platform"
    response = client.post("/verwaltung/auth/group/add/", {"name": "Prüfer", "permissions": []})
    assert response.status_code == 302, response.content[:300]
    extra = Group.objects.create(name="Zweite")
    groups = [Group.objects.get(name="Prüfer").pk, extra.pk]
    response = client.post("/verwaltung/auth/group/",
                           {"action": "delete_selected", "_selected_action": groups, "post": "yes"})
    assert response.status_code == 302 and not Group.objects.exists()
    changes = _events(AccountEvent.ADMIN_CHANGE, actor=operator)
    assert {(row.chain, row.after["action"], row.after["model"]) for row in changes} == {
        ("platform", "angelegt", "auth.group"), ("platform", "gelöscht", "auth.group")}
    assert sorted(row.after["object_id"] for row in changes if row.after["action"] == "gelöscht") == \
        sorted(str(pk) for pk in groups)
    assert verify_chain("platform") == []


def test_a_clerk_asking_for_another_kommune_s_case_is_refused_and_recorded_on_that_kommune_s_chain() -> None:
    case = submitted_case()
    outsider = UserFactory(role=Role.CLERK, tenant=TenantFactory())
    client = login(Client(), outsider)
    assert client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").status_code == 404
    # inside an action whose transaction is rolled back by the refusal, the event is still written
    assert client.post(f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/", {}).status_code == 404
    refused = _events(AccountEvent.ACCESS_DENIED, actor=outsider)
    assert len(refused) == 2
    assert {row.chain for row in refused} == {chain_key(case.tenant)}
    assert refused[0].after["own_kommune"] is False and refused[0].case_id is None  # not in the case's history
    assert verify_chain(chain_key(case.tenant)) == []


def test_an_unknown_case_id_is_not_recorded_as_a_refusal() -> None:
    clerk = UserFactory(role=Role.CLERK)
    client = login(Client(), clerk)
    assert client.get("/bauaufsicht/vorgaenge/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert _events(AccountEvent.ACCESS_DENIED) == []


def test_a_403_is_recorded_on_the_account_s_chain() -> None:
    applicant = UserFactory(role=Role.APPLICANT)
    client = login(Client(), applicant)
    assert client.get("/bauaufsicht/").status_code == 403
    refused = _events(AccountEvent.ACCESS_DENIED, actor=applicant)
    assert len(refused) == 1 and refused[0].chain == chain_key(applicant.tenant)
    assert refused[0].after["status"] == 403 and refused[0].subject_id == "/bauaufsicht/"
