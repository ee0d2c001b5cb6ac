"""The whole life of an application, driven only through the HTTP API by the applicant and the clerk."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.api.helpers import API, case_url, errors_of, get, patch, post
from tests.factories import COMPLETE_DOCUMENTS, VALID_VORHABEN, run_actions_now
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def upload(client: Client, case_id: str, code: str, name: str | None = None) -> Any:
    return client.post(
        case_url(case_id, "documents/"),
        {"file": pdf_upload(name or f"vorlage-{code}.pdf"), "document_type": code},
    )


def test_application_from_draft_to_complete(applicant: Any, applicant_client: Client, clerk_client: Client) -> None:
    # The applicant creates a draft from the Vorhaben data.
    response = post(applicant_client, f"{API}/applications/", VALID_VORHABEN)
    assert response.status_code == 201, response.content
    created = response.json()
    case_id = created["id"]
    assert response["Location"] == case_url(case_id)
    assert created["state"] == "draft" and created["state_label"] == "Entwurf"
    assert created["file_number"] == "" and created["round"] == 0
    assert created["vorhaben"]["bauherr_name"] == "Erika Mustermann"
    assert created["vorhaben"]["parcel_area_m2"] == "612.00"
    assert created["possible_actions"] == ["submit"]

    # A change to the Vorhaben while it is a draft.
    response = patch(applicant_client, case_url(case_id), {"description": "Einfamilienhaus mit Garage"})
    assert response.status_code == 200, response.content
    assert response.json()["vorhaben"]["description"] == "Einfamilienhaus mit Garage"

    # The clerk does not see drafts.
    assert get(clerk_client, case_url(case_id)).status_code == 404

    # Bauvorlagen, all but the Baubeschreibung (1502).
    for code in COMPLETE_DOCUMENTS:
        if code != "1502":
            response = upload(applicant_client, case_id, code)
            assert response.status_code == 201, response.content
    documents = get(applicant_client, case_url(case_id, "documents/")).json()
    assert documents["count"] == len(COMPLETE_DOCUMENTS) - 1
    assert {d["content_type"] for d in documents["results"]} == {"application/pdf"}

    # Submission: Aktenzeichen, deadline, pre-check in the background.
    with run_actions_now():
        response = post(applicant_client, case_url(case_id, "submit/"))
    assert response.status_code == 200, response.content
    submitted = response.json()
    assert submitted["state"] == "submitted" and submitted["round"] == 1
    assert submitted["file_number"].startswith("63-")
    assert dt.date.fromisoformat(submitted["completeness_due"]) > timezone.localdate()

    check = get(applicant_client, case_url(case_id, "check/")).json()["check_run"]
    assert check["status"] == "done" and check["finished"] is True and check["round"] == 1
    findings_page = get(applicant_client, case_url(case_id, "findings/")).json()
    assert findings_page["check_run"]["ruleset_version"]
    assert findings_page["check_run"]["procedure"]
    findings = findings_page["findings"]
    assert findings, "the pre-check produced no findings"
    for finding in findings:
        assert finding["rule"] and finding["legal_basis"] and finding["message"]
        assert finding["status"] in {"pass", "fail", "needs_review"} and finding["reviews"] == []

    # The clerk sees the case in the list and reviews findings.
    listed = get(clerk_client, f"{API}/applications/").json()
    assert [c["id"] for c in listed["results"]] == [case_id]
    first, second = findings[0], findings[1]
    response = post(clerk_client, f"{API}/findings/{first['id']}/review/", {"decision": "confirmed"})
    assert response.status_code == 201, response.content
    assert response.json()["decision"] == "confirmed" and response.json()["status"] == first["status"]

    other_status = "fail" if second["status"] != "fail" else "pass"
    response = post(
        clerk_client,
        f"{API}/findings/{second['id']}/review/",
        {"decision": "overridden", "status": other_status},
    )
    assert response.status_code == 400
    assert [e["field"] for e in errors_of(response)] == ["reason"]
    assert "begründen" in errors_of(response)[0]["detail"]
    response = post(
        clerk_client,
        f"{API}/findings/{second['id']}/review/",
        {"decision": "overridden", "status": other_status, "reason": "Abstand vor Ort nachgemessen."},
    )
    assert response.status_code == 201, response.content

    # The review sits beside the finding, never over it. It is the authority's internal assessment:
    # the clerk sees it, the applicant sees the finding without it.
    detail = get(clerk_client, f"{API}/findings/{second['id']}/").json()
    assert detail["status"] == second["status"] and detail["case_id"] == case_id
    assert [(r["decision"], r["status"], r["reason"]) for r in detail["reviews"]] == [
        ("overridden", other_status, "Abstand vor Ort nachgemessen.")
    ]
    as_applicant = get(applicant_client, f"{API}/findings/{second['id']}/").json()
    assert as_applicant["status"] == second["status"] and as_applicant["reviews"] == []

    # Nachforderung of the missing Baubeschreibung.
    deadline = (timezone.localdate() + dt.timedelta(days=21)).isoformat()
    response = post(
        clerk_client,
        case_url(case_id, "nachforderung/"),
        {
            "items": [
                {
                    "document_type": "1502",
                    "title": "Baubeschreibung",
                    "reason": "Sie fehlt.",
                    "finding": first["id"],
                }
            ],
            "message": "Bitte reichen Sie die Baubeschreibung nach.",
            "deadline": deadline,
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["items"][0] == {
        "document_type": "1502",
        "title": "Baubeschreibung",
        "reason": "Sie fehlt.",
        "finding": first["id"],
    }
    assert get(applicant_client, case_url(case_id)).json()["state"] == "nachforderung"
    open_requests = get(applicant_client, case_url(case_id, "nachforderungen/")).json()["results"]
    assert [(n["deadline"], n["answered_at"]) for n in open_requests] == [(deadline, None)]

    # The applicant answers: uploads the Baubeschreibung and resubmits.
    response = upload(applicant_client, case_id, "1502", "Baubeschreibung.pdf")
    assert response.status_code == 201, response.content
    assert response.json()["round"] == 2
    with run_actions_now():
        response = post(applicant_client, case_url(case_id, "resubmit/"))
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted" and response.json()["round"] == 2
    assert get(applicant_client, case_url(case_id, "nachforderungen/")).json()["results"][0]["answered_at"]
    findings_page = get(clerk_client, case_url(case_id, "findings/")).json()
    assert findings_page["check_run"]["round"] == 2 and findings_page["check_run"]["status"] == "done"
    assert all(f["reviews"] == [] for f in findings_page["findings"])  # a new round, new findings

    # The clerk confirms completeness: refused while a finding is open and not acknowledged, with the list
    # (issue 16); then confirmed with every open finding acknowledged; doing it twice is a forbidden transition.
    still_open = [f for f in findings_page["findings"] if f["status"] != "pass"]
    assert still_open, "the round-2 pre-check must leave a finding open for this step"
    response = post(clerk_client, case_url(case_id, "confirm-completeness/"))
    assert response.status_code == 400
    refusal = errors_of(response)
    assert sorted(e["finding_id"] for e in refusal) == sorted(f["id"] for f in still_open)
    assert {e["code"] for e in refusal} == {"open_finding"}
    assert {e["field"] for e in refusal} == {"acknowledged_open_findings"}
    assert refusal[0]["detail"].startswith("Offener Befund (")
    partly = post(clerk_client, case_url(case_id, "confirm-completeness/"),
                  {"acknowledged_open_findings": [f["id"] for f in still_open][1:]})
    assert partly.status_code == 400 and len(errors_of(partly)) == 1
    assert get(clerk_client, case_url(case_id)).json()["state"] == "submitted"
    response = post(clerk_client, case_url(case_id, "confirm-completeness/"),
                    {"acknowledged_open_findings": [f["id"] for f in still_open]})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "complete" and response.json()["completed_at"]
    response = post(clerk_client, case_url(case_id, "confirm-completeness/"))
    assert response.status_code == 409
    assert errors_of(response) == [
        {
            "code": "transition_not_allowed",
            "detail": "„Vollständigkeit bestätigen“ ist im Status „Vollständig“ nicht möglich.",
        }
    ]

    # The history tells the story, with German labels; the clerk sees every step and who took it.
    history = get(clerk_client, case_url(case_id, "history/") + "?limit=200").json()["results"]
    events = [entry["event"] for entry in history]
    for expected in (
        "case.created",
        "case.updated",
        "document.uploaded",
        "case.submitted",
        "check.finished",
        "finding.reviewed",
        "nachforderung.sent",
        "case.resubmitted",
        "case.complete",
    ):
        assert expected in events, expected
    assert events[0] == "case.created"
    # After the confirmation: the decision date (§ 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW), then only the
    # Vollständigkeitsbestätigung letter is filed (correspondence).
    last_complete = max(i for i, e in enumerate(events) if e == "case.complete")
    assert events[last_complete + 1] == "case.decision_due", events[last_complete:]
    assert all(e.startswith("letter.") for e in events[last_complete + 2:]), events[last_complete:]
    complete = history[last_complete]
    assert complete["event_label"] == "Vollständigkeit bestätigt"
    assert complete["before"] == {"state": "submitted"} and complete["after"] == {"state": "complete"}
    assert complete["actor_label"].endswith(">") and complete["created_at"]

    # The applicant's history leaves out internal steps and names the authority, not the clerk.
    theirs = get(applicant_client, case_url(case_id, "history/") + "?limit=200").json()["results"]
    assert "finding.reviewed" not in [entry["event"] for entry in theirs]
    assert [e["event"] for e in theirs[-2:]] == ["case.complete", "case.decision_due"]
    assert theirs[-1]["actor_label"] == "Bauaufsicht"
    assert theirs[0]["event"] == "case.created" and theirs[0]["actor_label"] == applicant.display_name()
    assert all("<" not in entry["actor_label"] for entry in theirs)
