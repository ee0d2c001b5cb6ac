"""Who may do what: 401 without login or second factor, 404 for what one may not see, 403 for a wrong role."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role
from tests.api.helpers import API, case_url, errors_of, get, post
from tests.conftest import login
from tests.factories import PASSWORD, VALID_VORHABEN, UserFactory, draft_case, submitted_case

pytestmark = pytest.mark.django_db


def test_unknown_id_is_404_like_a_foreign_one(applicant_client: Client) -> None:
    for url in (
        case_url(uuid.uuid4()),
        f"{API}/documents/{uuid.uuid4()}/",
        f"{API}/findings/{uuid.uuid4()}/",
    ):
        response = get(applicant_client, url)
        assert response.status_code == 404
        assert errors_of(response) == [{"code": "not_found", "detail": "Nicht gefunden."}]


def test_visible_case_but_wrong_role_is_403(
    applicant: Any, applicant_client: Client, clerk: Any, clerk_client: Client
) -> None:
    case = submitted_case(applicant)
    response = post(applicant_client, case_url(case.pk, "confirm-completeness/"))
    assert response.status_code == 403
    assert errors_of(response) == [
        {"code": "permission_denied", "detail": "Nur die Sachbearbeitung der Bauaufsicht kann das."}
    ]
    finding = case.check_runs.get().findings.first()
    assert post(applicant_client, f"{API}/findings/{finding.pk}/review/", {"decision": "confirmed"}).status_code == 403
    assert post(clerk_client, case_url(case.pk, "resubmit/")).status_code == 403
    assert post(clerk_client, f"{API}/applications/", VALID_VORHABEN).status_code == 403
    case.refresh_from_db()
    assert case.state == "submitted" and not finding.reviews.exists()


def test_anonymous_is_401(applicant: Any) -> None:
    case = draft_case(applicant)
    for url in (f"{API}/applications/", case_url(case.pk)):
        response = Client().get(url)
        assert response.status_code == 401
        assert errors_of(response)[0]["code"] == "not_authenticated"


def test_staff_without_totp_is_401(clerk: Any) -> None:
    case = submitted_case(UserFactory(tenant=clerk.tenant))
    client = Client()
    response = client.post("/konto/anmelden/", {"username": clerk.username, "password": PASSWORD})
    assert response.status_code == 302
    for url in (f"{API}/applications/", case_url(case.pk), case_url(case.pk, "findings/")):
        response = client.get(url)
        assert response.status_code == 401
        assert errors_of(response) == [{"code": "mfa_required", "detail": "Zweiter Faktor (TOTP) erforderlich."}]
    assert post(client, case_url(case.pk, "confirm-completeness/")).status_code == 401
    case.refresh_from_db()
    assert case.state == "submitted"
    login(client, clerk)  # with the second factor it works
    assert get(client, case_url(case.pk)).status_code == 200


def test_session_writes_need_the_csrf_token(applicant: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.cookies = login(Client(), applicant).cookies
    response = post(client, f"{API}/applications/", VALID_VORHABEN)
    assert response.status_code == 403 and "CSRF" in errors_of(response)[0]["detail"]
    response = post(client, f"{API}/applications/", VALID_VORHABEN, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 201, response.content


def test_agency_sees_no_cases(tenant: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    agency = login(Client(), UserFactory(tenant=tenant, role=Role.AGENCY))
    assert get(agency, f"{API}/applications/").json()["count"] == 0
    assert get(agency, case_url(case.pk)).status_code == 404
