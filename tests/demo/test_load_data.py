"""The load-data generator (`manage.py generate_load_data`, the input of `make bench-load`) writes through the
project's own models: its cases appear in the clerk's queue with their stored deadline, its audit chains verify,
and a second run with the same prefix is refused instead of doubling the data."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.accounts.totp import current_code
from bauantrag.audit.service import verify_tenant
from bauantrag.cases.models import Case
from bauantrag.demo import load_data

pytestmark = pytest.mark.django_db


def test_generated_cases_fill_the_queue_and_the_trail_verifies() -> None:
    counts = load_data.generate(60, 3, seed=3, audit_every=5, prefix="probe")
    tenants = list(Tenant.objects.filter(slug__startswith="probe-").order_by("slug"))
    assert len(tenants) == 3
    cases = Case.objects.filter(tenant__in=tenants)
    assert cases.count() == 60 and counts["Case"] == 60
    sizes = [cases.filter(tenant=tenant).count() for tenant in tenants]
    assert sizes[0] > max(sizes[1:]), f"a Kreis with one large town: {sizes}"
    assert len({case.state for case in cases}) >= 4, "realistic states, not one"
    for tenant in tenants:
        assert verify_tenant(tenant) == []
    clerk = User.objects.filter(tenant=tenants[0], role=Role.CLERK).first()
    assert clerk is not None
    device = TOTPDevice.objects.create(user=clerk, name="Test", confirmed=True)
    client = Client()
    credentials = {"username": clerk.username, "password": load_data.PASSWORD}
    assert client.post("/konto/anmelden/", credentials).status_code == 302
    assert client.post("/konto/2fa/", {"token": current_code(device)}).status_code == 302
    page = client.get("/bauaufsicht/")
    assert page.status_code == 200
    shown = page.content.decode()
    open_cases = [case for case in cases.filter(tenant=tenants[0]) if case.running_due is not None]
    assert open_cases and any(case.file_number in shown for case in open_cases)


def test_a_second_run_with_the_same_prefix_is_refused() -> None:
    call_command("generate_load_data", "--cases", "3", "--tenants", "1", "--prefix", "probe2")
    with pytest.raises(CommandError, match="gibt es schon"):
        call_command("generate_load_data", "--cases", "3", "--tenants", "1", "--prefix", "probe2")
    assert Case.objects.filter(tenant__slug__startswith="probe2-").count() == 3
