"""Review item M2: retention by § 74 Abs. 5 Satz 3 BauO NRW and the offer to the archive instead of deletion.

§ 74 Abs. 5 Satz 3 (2024): „Die Bauaufsichtsbehörde hat die Unterlagen nach Absatz 2 Satz 3 so lange aufzubewahren, wie
die Anlage besteht.“ ArchivG NRW § 10 Abs. 4: „Unterlagen, die zur Aufgabenerfüllung nicht mehr benötigt werden, sind
dem Archiv anzubieten.“
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.models import Case, Decision
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision import actions as decision
from bauantrag.decision import retention
from bauantrag.decision.events import RetentionEvent
from bauantrag.decision.models import ArchiveOffer, ArchiveStatus
from tests.conftest import login
from tests.decision.conftest import approve
from tests.factories import UserFactory, clerk_for, complete_case, run_actions_now

pytestmark = pytest.mark.django_db


def withdrawn(applicant: Any) -> Case:
    case = complete_case(applicant)
    with run_actions_now():
        decision.record_withdrawal(clerk_for(case.tenant), case, reason="Schreiben der Bauherrin vom 01.12.2026")
    case.refresh_from_db()
    return case


def test_an_approved_case_is_kept_as_long_as_the_building_exists(applicant: Any) -> None:
    case = complete_case(applicant)
    approve(clerk_for(case.tenant), case, ["Stellplätze befestigen."])
    case.refresh_from_db()
    assert case.decision == Decision.APPROVED and case.retention_until is None
    assert retention.retention_until(Decision.APPROVED, dt.date(2026, 3, 14)) is None
    assert retention.list_due(dt.date(2100, 1, 1)) == 0
    html = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "solange die bauliche Anlage besteht (§ 74 Abs. 5 Satz 3 BauO NRW)" in html


def test_refused_or_withdrawn_cases_keep_the_kommunes_period(settings: Any) -> None:
    settings.RETENTION_YEARS_NOT_APPROVED = 10
    assert retention.retention_until(Decision.REFUSED, dt.date(2026, 3, 14)) == dt.date(2036, 12, 31)
    settings.RETENTION_YEARS_NOT_APPROVED = 0
    assert retention.retention_until(Decision.WITHDRAWN, dt.date(2026, 3, 14)) is None


def test_after_the_period_the_case_is_offered_to_the_archive_and_nothing_is_deleted(
    applicant: Any, tenant: Any
) -> None:
    case = withdrawn(applicant)
    assert case.retention_until is not None
    end = case.retention_until
    assert retention.list_due(end) == 0  # the last day still belongs to the period
    out = StringIO()
    call_command("offer_to_archive", "--date", (end + dt.timedelta(days=1)).isoformat(), stdout=out)
    assert "vorgemerkt: 1" in out.getvalue()
    assert retention.list_due(end + dt.timedelta(days=2)) == 0  # once
    offer = ArchiveOffer.objects.get(case=case)
    assert offer.status == ArchiveStatus.DUE and offer.due_on == end
    assert AuditEvent.objects.filter(case_id=case.pk, event=RetentionEvent.ARCHIVE_DUE, actor=None).exists()

    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    page = login(Client(), admin)
    html = page.get("/kommune/archiv/").content.decode()
    assert case.file_number in html and "dem Archiv anzubieten" in html
    with pytest.raises(TransitionNotAllowed):
        retention.record_archive_answer(admin, offer, taken=False, note="zu früh")
    response = page.post("/kommune/archiv/vermerk/",
                         {"offer": str(offer.pk), "step": "offered", "note": "Stadtarchiv, Liste 2037/1"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == ArchiveStatus.OFFERED and offer.offered_by == admin
    with pytest.raises(ValidationError):
        retention.record_archive_answer(admin, offer, taken=False, note=" ")
    retention.record_archive_answer(admin, offer, taken=False, note="Archiv: nicht archivwürdig (02.02.2037)")
    offer.refresh_from_db()
    assert offer.status == ArchiveStatus.DECLINED and "nicht archivwürdig" in offer.note
    assert Case.objects.filter(pk=case.pk).exists() and case.documents.exists()  # deleted: nothing
    assert AuditEvent.objects.filter(case_id=case.pk, event=RetentionEvent.ARCHIVE_DECIDED).count() == 1


def test_only_the_kommunes_administration_records_the_offer(applicant: Any, tenant: Any, other_tenant: Any) -> None:
    case = withdrawn(applicant)
    assert case.retention_until is not None
    retention.list_due(case.retention_until + dt.timedelta(days=1))
    offer = ArchiveOffer.objects.get(case=case)
    with pytest.raises(PermissionDenied):
        retention.record_offer(clerk_for(tenant), offer)
    with pytest.raises(PermissionDenied):
        retention.record_offer(UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN), offer)
    assert login(Client(), clerk_for(tenant)).get("/kommune/archiv/").status_code == 403
    foreign = login(Client(), UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN))
    assert foreign.post("/kommune/archiv/vermerk/", {"offer": str(offer.pk), "step": "offered"}).status_code == 404
    offer.refresh_from_db()
    assert offer.status == ArchiveStatus.DUE


def test_the_daily_task_lists_due_cases(applicant: Any) -> None:
    from bauantrag.celery import app as celery_app
    from bauantrag.decision.tasks import offer_to_archive

    assert celery_app.conf.beat_schedule["decision.offer_to_archive"]["task"] == offer_to_archive.name
    case = withdrawn(applicant)
    Case.objects.filter(pk=case.pk).update(retention_until=dt.date(2000, 12, 31))
    assert offer_to_archive.delay().get() == 1
    assert ArchiveOffer.objects.get(case=case).due_on == dt.date(2000, 12, 31)
