"""The Fassung of the BauO NRW in a real case: chosen by the day of submission (§ 90 Abs. 4 BauO NRW), stored with
the check run, and the legal doubt shown to the clerk only – never in the applicant's view or API answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.cases import precheck
from bauantrag.cases.models import Case, CheckRun, Finding
from tests.factories import submitted_case

pytestmark = pytest.mark.django_db


def checked_as_of(case: Case, day: dt.date) -> CheckRun:
    """Run the pre-check again as if the application had been made on ``day``."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    Case.objects.filter(pk=case.pk).update(submitted_at=moment)
    CheckRun.objects.filter(case=case).delete()
    run = CheckRun.objects.create(tenant=case.tenant, case=case, round=case.round)
    precheck.execute(str(run.pk))
    run.refresh_from_db()
    return run


def procedure_finding(run: CheckRun) -> Finding:
    return run.findings.get(rule="bauo_nrw.62-65.verfahrensart")


def test_ein_antrag_von_2023_wird_nach_der_fassung_2021_geprueft_und_der_lauf_nennt_sie(applicant: Any) -> None:
    run = checked_as_of(submitted_case(applicant), dt.date(2023, 6, 15))
    assert run.law is not None
    assert run.law["submitted_on"] == "2023-06-15"
    assert run.law["bauo_nrw_applied"]["name"] == "BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung"
    assert procedure_finding(run).law_version == "BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung"


def test_der_zweifel_zur_fassung_ab_september_2026_steht_nur_bei_der_bauaufsicht(
    applicant: Any, applicant_client: Client, clerk_client: Client
) -> None:
    case = submitted_case(applicant)
    run = checked_as_of(case, dt.date(2026, 10, 1))
    finding = procedure_finding(run)
    assert finding.status == "needs_review"
    assert "ab 01.09.2026" in finding.review_note
    clerk_page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    applicant_page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert "Hinweis für die Bauaufsicht" in clerk_page and "Wortlaut liegt nicht vor" in clerk_page
    assert "Hinweis für die Bauaufsicht" not in applicant_page and "Wortlaut liegt nicht vor" not in applicant_page
    assert "die Bauaufsicht bestätigt die Verfahrensart" in applicant_page  # plain for the applicant
    as_applicant = applicant_client.get(f"/api/v1/findings/{finding.pk}/")
    as_clerk = clerk_client.get(f"/api/v1/findings/{finding.pk}/")
    assert (as_applicant.status_code, as_clerk.status_code) == (200, 200)
    assert as_applicant.json()["review_note"] == ""
    assert "ab 01.09.2026" in as_clerk.json()["review_note"]


def test_der_antragsteller_sieht_keine_internen_kennungen_in_den_geprueften_angaben(
    applicant: Any, applicant_client: Client
) -> None:
    case = submitted_case(applicant)
    run = checked_as_of(case, dt.date(2025, 3, 3))
    Finding.objects.filter(check_run=run, rule="bauo_nrw.2.3.gebaeudeklasse").update(
        evidence={"area_id": "GML_8ebb5c68", "answer_under_current_text": "pass", "start": 12, "end": 40}
    )
    page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert "GML_8ebb5c68" not in page and "answer under current text" not in page
