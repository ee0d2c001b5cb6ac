"""Issue 16: "Vollständigkeit bestätigen" names the open findings first and confirms only in a second step."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from bauantrag.cases import actions
from bauantrag.cases.models import Case, CaseState, Finding
from bauantrag.cases.open_findings import open_findings
from tests.factories import submitted_case

pytestmark = pytest.mark.django_db


def _url(case: Case) -> str:
    return f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/"


def _shown(page: str) -> list[str]:
    return re.findall(r'name="befund" value="([0-9a-f-]+)"', page)


def test_first_step_lists_every_open_finding_and_changes_nothing(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    still_open = open_findings(case)
    assert still_open, "the factory case must have a finding that is not met"
    response = clerk_client.post(_url(case), {"procedure": "", "hearings": "no"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{len(still_open)} Befund" in page and "noch offen" in page
    for finding in still_open:
        assert f"#befund-{finding.pk}" in page
    assert sorted(_shown(page)) == sorted(str(f.pk) for f in still_open)
    assert "Trotz offener Befunde Vollständigkeit bestätigen" in page
    assert 'name="hearings" value="no"' in page  # the choice of the first form is carried to the second step
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_second_step_confirms_only_what_the_clerk_saw(clerk_client: Client, clerk: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    still_open = [str(f.pk) for f in open_findings(case)]
    # One id short (a finding the clerk did not see): the list is shown again, nothing confirmed.
    response = clerk_client.post(_url(case), {"bestaetigt": "1", "befund": still_open[1:]})
    assert response.status_code == 200 and "weiterer offener Befund" in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED
    response = clerk_client.post(_url(case), {"bestaetigt": "1", "befund": still_open}, follow=True)
    assert "Die Vollständigkeit des Antrags wurde bestätigt." in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE


def test_a_reviewed_finding_is_no_longer_open(clerk_client: Client, clerk: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    first = open_findings(case)[0]
    actions.review_finding(clerk, first, decision="confirmed", status=None, reason="")
    assert first.pk not in {f.pk for f in open_findings(case)}
    page = clerk_client.post(_url(case)).content.decode()
    assert f"#befund-{first.pk}" not in page


def test_without_open_findings_the_page_says_so(clerk_client: Client, clerk: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    for finding in open_findings(case):
        actions.review_finding(clerk, finding, decision="confirmed", status=None, reason="")
    page = clerk_client.post(_url(case)).content.decode()
    assert "Alle Befunde der automatischen Vorprüfung sind erfüllt oder von Ihnen bewertet." in page
    assert _shown(page) == []
    clerk_client.post(_url(case), {"bestaetigt": "1"})
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE


def test_erfuellt_counts_only_findings_that_checked_something(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    determined = Finding.objects.get(check_run__case=case, rule="bauo_nrw.2.3.gebaeudeklasse")
    assert determined.status == "pass"
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    group = page.split('id="befunde-not_checked"', 1)
    assert len(group) == 2, "the group of determined or not applicable findings is shown"
    assert "ermittelt oder nicht anwendbar" in group[1][:200]
    passed = page.split('id="befunde-pass"', 1)[1].split('id="befunde-not_checked"', 1)[0]
    assert f'id="befund-{determined.pk}"' not in passed
    assert f'id="befund-{determined.pk}"' in group[1]
