"""Writes that used to bypass the audit trail are recorded: the staff's TOTP enrolment, and the replacement of a
finished check run's findings from the documents. (The retrieval of a letter, the Bekanntgabe, is asserted in
tests/correspondence/test_letters.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.cases import document_findings
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Finding
from tests.factories import PASSWORD, UserFactory, submitted_case

pytestmark = pytest.mark.django_db


def test_a_clerk_setting_up_the_second_factor_is_recorded_once(tenant: Any) -> None:
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    clerk.totpdevice_set.all().delete()
    client = Client()
    client.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    client.get("/konto/2fa/")  # the setup page creates the unconfirmed device
    device = TOTPDevice.objects.get(user=clerk, confirmed=False)
    assert not AuditEvent.objects.filter(event=AccountEvent.MFA_ENROLLED).exists()  # shown, not yet set up
    response = client.post("/konto/2fa/", {"token": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    event = AuditEvent.objects.get(event=AccountEvent.MFA_ENROLLED)
    assert event.actor == clerk and event.tenant == tenant and event.subject_id == str(clerk.pk)
    assert event.after == {"device": "Authenticator", "device_id": device.pk}
    assert verify_tenant(tenant) == []
    client.logout()
    client.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    assert client.post("/konto/2fa/", {"token": current_code(device)}).status_code in (200, 302)  # a later login
    assert AuditEvent.objects.filter(event=AccountEvent.MFA_ENROLLED).count() == 1


def test_replacing_a_finished_runs_document_findings_is_recorded_with_what_went_and_came() -> None:
    case = submitted_case()
    run = case.check_runs.get()

    def provider(for_case: Any, documents: list[Any]) -> list[dict[str, Any]]:
        return [{"rule": "dokument.art.abweichung", "status": "needs_review", "legal_basis": "§ 10 BauPrüfVO NRW",
                 "message": "Grundriss liest sich wie eine Baubeschreibung.", "evidence": {}}]  # fmt: skip

    before = AuditEvent.objects.filter(event=CaseEvent.CHECK_FINDINGS_REFRESHED).count()
    with document_findings.PROVIDERS.override({"test.art": ("dokument.art", provider)}, replace_all=True):
        assert document_findings.refresh(case) == 1
        assert document_findings.refresh(case) == 1  # the same finding put back: no change, nothing recorded
    event = AuditEvent.objects.filter(event=CaseEvent.CHECK_FINDINGS_REFRESHED).latest("seq")
    assert AuditEvent.objects.filter(event=CaseEvent.CHECK_FINDINGS_REFRESHED).count() == before + 1
    assert event.case_id == case.pk and event.subject_type == "CheckRun" and event.subject_id == str(run.pk)
    assert event.after == {"findings": [{"rule": "dokument.art.abweichung", "status": "needs_review",
                                         "message": "Grundriss liest sich wie eine Baubeschreibung."}]}
    assert Finding.objects.filter(check_run=run, rule="dokument.art.abweichung").count() == 1
