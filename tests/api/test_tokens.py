"""API tokens of systems: stored hashed, shown once, scoped, expiring, revocable, audited, never a person's."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, User
from bauantrag.api.models import ApiToken, TokenScope
from bauantrag.api.tokens import create_token, revoke_token
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.cases.open_findings import open_findings
from tests.api.helpers import API, case_url, errors_of
from tests.conftest import login
from tests.factories import PASSWORD, UserFactory, submitted_case

pytestmark = pytest.mark.django_db


def _issue(tenant: Any, scope: str = TokenScope.READ, days: int = 30) -> Any:
    return create_token(None, tenant, name="ProBauG", scope=scope, expires_at=timezone.now() + timedelta(days=days))


def _client(secret: str) -> Client:
    return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_only_a_hash_is_stored_and_the_token_works_for_its_kommune_only(tenant: Any, other_tenant: Any) -> None:
    issued = _issue(tenant)
    stored = ApiToken.objects.get()
    assert issued.secret.startswith(f"bau_{stored.prefix}_") and len(issued.secret) >= 50
    assert stored.digest == hashlib.sha256(issued.secret.encode()).hexdigest()
    with connection.cursor() as cursor:  # the secret part is in no column of the table
        cursor.execute("SELECT * FROM api_apitoken")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert issued.secret.split("_", 2)[2] not in row

    ours, theirs = submitted_case(UserFactory(tenant=tenant)), submitted_case(UserFactory(tenant=other_tenant))
    client = _client(issued.secret)
    assert [c["file_number"] for c in client.get(f"{API}/applications/").json()["results"]] == [ours.file_number]
    assert client.get(case_url(theirs.pk)).status_code == 404
    stored.refresh_from_db()
    assert stored.last_used_at is not None and timezone.now() - stored.last_used_at < timedelta(minutes=1)


def test_a_read_token_cannot_act_and_a_casework_token_can(tenant: Any) -> None:
    case = submitted_case(UserFactory(tenant=tenant))
    reader = _client(_issue(tenant, TokenScope.READ).secret)
    assert reader.get(case_url(case.pk)).status_code == 200
    refused = reader.post(case_url(case.pk, "confirm-completeness/"))
    assert refused.status_code == 403 and errors_of(refused)[0]["detail"] == "Dieser API-Zugang darf nur lesen."
    worker = _client(_issue(tenant, TokenScope.CASEWORK).secret)
    seen = [str(finding.pk) for finding in open_findings(case)]
    done = worker.post(case_url(case.pk, "confirm-completeness/"), {"acknowledged_open_findings": seen},
                       content_type="application/json")
    assert done.status_code == 200 and done.json()["state"] == "complete"


def test_expired_revoked_wrong_and_old_style_tokens_are_refused(tenant: Any) -> None:
    case = submitted_case(UserFactory(tenant=tenant))
    expired = _issue(tenant)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    revoked = _issue(tenant)
    assert _client(revoked.secret).get(case_url(case.pk)).status_code == 200
    revoke_token(None, revoked.token)
    tampered = _issue(tenant).secret[:-2] + "xx"
    for secret in (expired.secret, revoked.secret, tampered, "bau_" + revoked.token.prefix, "ganz falsch"):
        response = _client(secret).get(case_url(case.pk))
        assert response.status_code == 401, secret
        assert errors_of(response)[0]["code"] == "authentication_failed"
    # The keyword of rest_framework.authtoken is gone: such a header authenticates nobody.
    old = Client(HTTP_AUTHORIZATION="Token " + "a" * 40).get(f"{API}/applications/")
    assert old.status_code == 401
    assert not User.objects.get(pk=revoked.token.user_id).is_active


def test_a_token_is_never_a_way_around_a_persons_password_or_second_factor(tenant: Any) -> None:
    issued = _issue(tenant)
    account = issued.token.user
    assert not account.has_usable_password() and not TOTPDevice.objects.filter(user=account).exists()
    # Whoever turns the technical account into a person's (password or TOTP device) voids its token.
    account.set_password(PASSWORD)
    account.save()
    assert _client(issued.secret).get(f"{API}/applications/").status_code == 401
    other = _issue(tenant)
    TOTPDevice.objects.create(user=other.token.user, name="x", confirmed=True)
    assert _client(other.secret).get(f"{API}/applications/").status_code == 401
    # And the technical account cannot log in on the web.
    third = _issue(tenant)
    response = Client().post("/konto/anmelden/", {"username": third.token.user.username, "password": ""})
    assert response.status_code != 302


def test_creation_and_revocation_are_audited_without_the_secret(tenant: Any) -> None:
    issued = _issue(tenant)
    revoke_token(None, issued.token)
    events = list(AuditEvent.objects.filter(tenant=tenant, event__startswith="api.").order_by("seq"))
    assert [e.event for e in events] == ["api.token_created", "api.token_revoked"]
    assert all(issued.secret.split("_", 2)[2] not in str(e.as_record()) for e in events)
    assert events[0].after["prefix"] == issued.token.prefix and events[0].actor_label == "System"
    assert verify_tenant(tenant) == []


def test_the_kommune_admin_creates_sees_once_and_revokes(tenant: Any, other_tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    client = login(Client(), admin)
    page = client.get("/kommune/schnittstelle/")
    assert page.status_code == 200 and "Noch kein API-Zugang" in page.content.decode()
    day = (timezone.localdate() + timedelta(days=90)).isoformat()
    created = client.post("/kommune/schnittstelle/", {"name": "ProBauG", "scope": "casework", "expires_on": day})
    assert created.status_code == 200 and "no-store" in created["Cache-Control"]
    secret = re.search(r'id="issued-token">([^<]+)<', created.content.decode())
    assert secret is not None
    token = ApiToken.objects.get()
    assert token.created_by == admin and token.scope == "casework" and token.tenant == tenant
    assert _client(secret.group(1)).get(f"{API}/applications/").status_code == 200
    again = client.get("/kommune/schnittstelle/").content.decode()
    assert secret.group(1) not in again and token.prefix in again  # shown once
    event = AuditEvent.objects.get(event="api.token_created")
    assert event.actor == admin

    for bad, message in (
        ({"name": "", "scope": "read", "expires_on": day}, "Dieses Feld ist zwingend erforderlich."),
        ({"name": "X", "scope": "read", "expires_on": "2020-01-01"}, "in der Zukunft"),
        ({"name": "X", "scope": "read", "expires_on": "2099-01-01"}, "höchstens zwei Jahre"),
        ({"name": "X", "scope": "admin", "expires_on": day}, "Auswahl"),
    ):
        response = client.post("/kommune/schnittstelle/", bad)
        assert response.status_code == 400 and message in response.content.decode(), bad
    assert ApiToken.objects.count() == 1

    foreign = _issue(other_tenant)
    assert client.post(f"/kommune/schnittstelle/{foreign.token.prefix}/widerrufen/").status_code == 404
    assert client.post(f"/kommune/schnittstelle/{token.prefix}/widerrufen/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.get(event="api.token_revoked").actor == admin


def test_only_the_kommune_admin_reaches_the_page(tenant: Any) -> None:
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    assert login(Client(), clerk).get("/kommune/schnittstelle/").status_code == 403
    assert Client().get("/kommune/schnittstelle/").status_code == 302
    with pytest.raises(Exception, match="Administration der Kommune"):
        create_token(clerk, tenant, name="X", scope="read", expires_at=timezone.now() + timedelta(days=1))


def test_the_operator_command_creates_lists_and_revokes(tenant: Any) -> None:
    out, err = StringIO(), StringIO()
    call_command("api_token", "create", "--tenant", tenant.slug, "--name", "Kasse", "--scope", "read",
                 "--days", "10", stdout=out, stderr=err)
    secret = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert secret.startswith(f"bau_{token.prefix}_") and "nur jetzt angezeigt" in err.getvalue()
    assert _client(secret).get(f"{API}/applications/").status_code == 200
    listing = StringIO()
    call_command("api_token", "list", "--tenant", tenant.slug, stdout=listing)
    assert token.prefix in listing.getvalue() and secret not in listing.getvalue()
    call_command("api_token", "revoke", token.prefix, stdout=StringIO())
    assert _client(secret).get(f"{API}/applications/").status_code == 401
    with pytest.raises(CommandError, match="höchstens zwei Jahre"):
        call_command("api_token", "create", "--tenant", tenant.slug, "--name", "X", "--scope", "read",
                     "--days", "800", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="Keine Kommune"):
        call_command("api_token", "create", "--tenant", "nirgendwo", "--name", "X", "--scope", "read",
                     stdout=StringIO(), stderr=StringIO())
