"""Every failure answers in the structured error format, in German, with the right status; never 500."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.test import Client

from bauantrag.cases.models import Case
from tests.api.helpers import API, case_url, error_fields, errors_of, get, patch, post
from tests.factories import VALID_VORHABEN, UserFactory, draft_case, submitted_case

pytestmark = pytest.mark.django_db


def test_validation_errors_name_each_field_in_german(applicant_client: Client) -> None:
    response = post(
        applicant_client,
        f"{API}/applications/",
        {
            **VALID_VORHABEN,
            "postal_code": "594230",
            "units": -1,
            "use": "schloss",
            "height_m": "hoch",
            "plan_conforming": "vielleicht",
            "storeys_full": 201,
        },
    )
    assert response.status_code == 400
    assert error_fields(response) == {
        "postal_code",
        "units",
        "use",
        "height_m",
        "plan_conforming",
        "storeys_full",
    }
    details = {e["field"]: e["detail"] for e in errors_of(response)}
    assert details["use"] == '"schloss" ist keine gültige Option.'
    assert "5" in details["postal_code"] and "Zeichen" in details["postal_code"]
    assert Case.objects.count() == 0


def test_submission_without_required_data_names_the_missing_fields(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant, bauherr_name="", flurstueck="")
    response = post(applicant_client, case_url(case.pk, "submit/"))
    assert response.status_code == 400
    assert error_fields(response) == {"bauherr_name", "flurstueck"}
    assert {e["detail"] for e in errors_of(response)} == {"Dieses Feld ist für die Einreichung erforderlich."}
    case.refresh_from_db()
    assert case.state == "draft" and case.file_number == ""


def test_forbidden_transitions_answer_409_in_german(applicant: Any, applicant_client: Client) -> None:
    case = submitted_case(applicant)
    response = post(applicant_client, case_url(case.pk, "submit/"))
    assert response.status_code == 409
    [error] = errors_of(response)
    assert error["code"] == "transition_not_allowed"
    assert error["detail"] == "„Einreichen“ ist im Status „Eingegangen – in Vollständigkeitsprüfung“ nicht möglich."
    assert post(applicant_client, case_url(case.pk, "resubmit/")).status_code == 409
    response = patch(applicant_client, case_url(case.pk), {"description": "Doch etwas anderes"})
    assert response.status_code == 409
    assert "kann gerade nicht geändert werden" in errors_of(response)[0]["detail"]


def test_mass_assignment_of_protected_fields_is_refused(
    applicant: Any, applicant_client: Client, other_tenant: Any
) -> None:
    someone = UserFactory(tenant=applicant.tenant)
    protected = {
        "tenant": str(other_tenant.pk),
        "applicant": someone.pk,
        "state": "complete",
        "file_number": "63-2026-99999",
        "id": str(uuid.uuid4()),
        "round": 5,
    }
    response = post(applicant_client, f"{API}/applications/", {**VALID_VORHABEN, **protected})
    assert response.status_code == 400
    assert error_fields(response) == set(protected)
    assert {e["detail"] for e in errors_of(response)} == {"Unbekanntes oder nicht änderbares Feld."}
    assert Case.objects.count() == 0

    case = draft_case(applicant)
    response = patch(applicant_client, case_url(case.pk), protected)
    assert response.status_code == 400 and error_fields(response) == set(protected)
    case.refresh_from_db()
    assert (case.tenant_id, case.applicant_id, case.state, case.file_number, case.round) == (
        applicant.tenant_id,
        applicant.pk,
        "draft",
        "",
        0,
    )


@pytest.mark.parametrize(
    "body",
    [
        "{nicht json",
        "[1, 2, 3]",
        "null",
        "17",
        '"text"',
        "[" * 50_000,
        '{"units": ' + "9" * 5000 + "}",
        b"\xff\xfe\x00{",
    ],
)
def test_garbage_bodies_are_400_not_500(applicant: Any, applicant_client: Client, body: Any) -> None:
    case = draft_case(applicant)
    for method, url in (("post", f"{API}/applications/"), ("patch", case_url(case.pk))):
        response = getattr(applicant_client, method)(url, data=body, content_type="application/json")
        assert response.status_code == 400, (method, body[:20], response.content[:300])
        errors_of(response)


@pytest.mark.parametrize(
    "data",
    [
        {"units": "viele"},
        {"units": 1.5},
        {"units": [1]},
        {"bauherr_name": {"a": 1}},
        {"bauherr_name": None},
        {"height_m": "NaN"},
        {"height_m": "1e400"},
        {"height_m": float("inf")},
        {"height_m": "12345678901.5"},
        {"detached": "vielleicht"},
        {"description": "x" * 100_000},
        {"street": "Lindenweg\x00"},
        {"k" * 10_000: 1},
    ],
)
def test_wrong_types_and_huge_values_are_field_errors(
    applicant: Any, applicant_client: Client, data: dict[str, Any]
) -> None:
    case = draft_case(applicant)
    response = patch(applicant_client, case_url(case.pk), data)
    assert response.status_code == 400, response.content[:300]
    if data.get("height_m") == float("inf"):  # json.dumps writes Infinity, which is no JSON: a parse error
        assert errors_of(response)[0]["code"] == "parse_error"
    else:
        assert error_fields(response), errors_of(response)


def test_number_overflow_inside_valid_json_is_a_field_error(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    response = applicant_client.patch(
        case_url(case.pk), data='{"height_m": 1e400, "units": 1e400}', content_type="application/json"
    )
    assert response.status_code == 400 and error_fields(response) == {"height_m", "units"}


def test_oversized_body_is_refused_without_500(applicant_client: Client) -> None:
    body = json.dumps({**VALID_VORHABEN, "description": "x" * (3 * 1024 * 1024)})
    response = applicant_client.post(f"{API}/applications/", data=body, content_type="application/json")
    assert response.status_code in (400, 413), response.status_code
    assert Case.objects.count() == 0


def test_unsupported_media_type_and_method(applicant: Any, applicant_client: Client) -> None:
    response = applicant_client.post(f"{API}/applications/", data="bauherr_name=X", content_type="text/plain")
    assert response.status_code == 415 and errors_of(response)[0]["code"] == "unsupported_media_type"
    case = draft_case(applicant)
    response = applicant_client.delete(case_url(case.pk))
    assert response.status_code == 405
    assert errors_of(response)[0]["detail"] == 'Methode "DELETE" nicht erlaubt.'


@pytest.mark.parametrize(
    "path",
    [
        "/applications/123/",
        "/applications/../../etc/passwd",
        "/documents/%00/",
        "/findings/not-a-uuid/review/",
        "/gibt-es-nicht/",
        "/applications/" + "a" * 5000 + "/",
    ],
)
def test_malformed_ids_and_unknown_paths_are_structured_404(applicant_client: Client, path: str) -> None:
    response = applicant_client.get(API + path)
    assert response.status_code == 404
    assert errors_of(response) == [{"code": "not_found", "detail": "Nicht gefunden."}]


def test_nachforderung_input_is_validated(applicant: Any, clerk_client: Client) -> None:
    case = submitted_case(applicant)
    foreign = submitted_case().check_runs.get().findings.first()
    url = case_url(case.pk, "nachforderung/")
    response = post(clerk_client, url, {"items": [], "deadline": "2001-01-01"})
    assert response.status_code == 400 and error_fields(response) == {"items", "deadline"}
    response = post(
        clerk_client,
        url,
        {"items": [{"title": "Lageplan", "reason": "unleserlich", "extra": 1}], "deadline": "morgen"},
    )
    assert response.status_code == 400 and error_fields(response) == {"items.0.extra", "deadline"}
    response = post(
        clerk_client,
        url,
        {
            "items": [
                {"title": "Lageplan", "reason": "unleserlich"},
                {"title": "Schnitt", "reason": "fehlt", "document_type": "0000", "finding": "kein-befund"},
            ],
            "deadline": "2099-01-01",
        },
    )
    assert response.status_code == 400
    assert error_fields(response) == {"items.1.document_type", "items.1.finding"}
    response = post(
        clerk_client,
        url,
        {
            "items": [{"title": "Lageplan", "reason": "unleserlich", "finding": str(foreign.pk)}],
            "deadline": "2099-01-01",
        },
    )
    assert response.status_code == 400 and error_fields(response) == {"items"}
    response = post(clerk_client, url, {"items": [{"title": "Lageplan"}] * 101, "deadline": "2099-01-01"})
    assert response.status_code == 400 and error_fields(response) == {"items"}
    case.refresh_from_db()
    assert case.state == "submitted" and not case.nachforderungen.exists()


def test_list_parameters_are_bounded_and_forgiving(applicant: Any, applicant_client: Client) -> None:
    for _ in range(3):
        draft_case(applicant)
    for query in ("?limit=abc&offset=-1", "?limit=-5", "?offset=" + "9" * 500, "?limit=1000000"):
        response = get(applicant_client, f"{API}/applications/{query}")
        assert response.status_code == 200, (query, response.content[:200])
        assert response.json()["count"] == 3
    response = get(applicant_client, f"{API}/applications/?limit=2")
    assert len(response.json()["results"]) == 2 and response.json()["next"]
