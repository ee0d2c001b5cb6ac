"""The clerk's workspace through the Django test client: queue, case view, review, Nachforderung, history."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role
from bauantrag.cases import actions
from bauantrag.cases.models import Case, CaseState, Finding, FindingReview, Nachforderung
from bauantrag.cases.running_due import store as store_running_due
from tests.conftest import login
from tests.factories import UserFactory, draft_case, nachforderung_case, run_actions_now, submitted_case
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def findings_of(case: Case) -> list[Finding]:
    return list(Finding.objects.filter(check_run__case=case, check_run__round=case.round))


def test_staff_without_totp_is_sent_to_the_second_factor(clerk: Any) -> None:
    client = Client()
    response = client.post("/konto/anmelden/", {"username": clerk.username, "password": "Richtig-Langes-Passwort-2026"})
    assert response.status_code == 302
    response = client.get("/bauaufsicht/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/2fa/")
    page = client.get(response["Location"]).content.decode()
    assert "Einmalcode aus der Authenticator-App" in page and '<html lang="de">' in page


def test_staff_without_device_sees_the_setup_with_qr_code(tenant: Any) -> None:
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    clerk.totpdevice_set.all().delete()
    client = Client()
    client.post("/konto/anmelden/", {"username": clerk.username, "password": "Richtig-Langes-Passwort-2026"})
    page = client.get("/konto/2fa/").content.decode()
    assert "<svg" in page and "Schlüssel von Hand" in page


def test_login_page_shows_a_german_error_summary(clerk: Any) -> None:
    response = Client().post("/konto/anmelden/", {"username": clerk.username, "password": "falsch"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Benutzername oder Passwort ist falsch." in html and 'class="error-summary"' in html


def test_queue_is_ordered_by_deadline_and_marks_overdue(clerk_client: Client, applicant: Any) -> None:
    later = submitted_case(applicant, street="Spätweg")
    earlier = submitted_case(applicant, street="Frühweg")
    draft_case(applicant, street="Entwurfsweg")
    Case.objects.filter(pk=earlier.pk).update(completeness_due=timezone.localdate() - dt.timedelta(days=2))
    Case.objects.filter(pk=later.pk).update(completeness_due=timezone.localdate() + dt.timedelta(days=5))
    store_running_due(Case.objects.all())  # rows changed with update() bypass the receivers
    html = clerk_client.get("/bauaufsicht/").content.decode()
    assert html.index("Frühweg") < html.index("Spätweg")
    assert "Entwurfsweg" not in html
    assert "überfällig" in html and html.count("überfällig") == 1
    for case in (earlier, later):
        statuses = [f.status for f in findings_of(case)]
        counts = f"{statuses.count('fail')} nicht erfüllt, {statuses.count('needs_review')} zu prüfen"
        row = html[html.index(case.file_number):]
        assert counts in row[: row.index("</tr>")]
    assert "<caption>" in html and 'scope="col"' in html


def test_queue_shows_no_case_of_another_kommune(clerk_client: Client, other_tenant: Any) -> None:
    submitted_case(UserFactory(tenant=other_tenant), street="Fremdweg")
    assert "Fremdweg" not in clerk_client.get("/bauaufsicht/").content.decode()


def test_case_view_shows_data_documents_and_findings(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert f"Vorgang {case.file_number}" in html
    assert "Einreichungsrunde 1" in html and "vorlage-1803.pdf" in html
    assert "<iframe" in html and "/ansicht/" in html and 'title="Betrachter für PDF-Bauvorlagen"' in html
    assert "Rechtsgrundlage:" in html and "Befund bewerten" in html
    assert "Vollständigkeit bestätigen" in html and "Nachforderung senden" in html


def test_review_confirm_and_override_with_reason(clerk_client: Client, applicant: Any, clerk: Any) -> None:
    case = submitted_case(applicant)
    first, second = findings_of(case)[:2]
    prefix = f"b{first.position}"
    response = clerk_client.post(f"/bauaufsicht/befunde/{first.pk}/bewertung/", {f"{prefix}-decision": "confirmed"})
    assert response.status_code == 302
    review = FindingReview.objects.get(finding=first)
    assert review.decision == "confirmed" and review.status == first.status and review.reviewer == clerk

    other_status = "pass" if second.status != "pass" else "fail"
    prefix = f"b{second.position}"
    response = clerk_client.post(
        f"/bauaufsicht/befunde/{second.pk}/bewertung/",
        {f"{prefix}-decision": "overridden", f"{prefix}-status": other_status, f"{prefix}-reason": "Vor Ort geprüft."},
    )
    assert response.status_code == 302
    override = FindingReview.objects.get(finding=second)
    assert override.status == other_status and override.reason == "Vor Ort geprüft."
    second.refresh_from_db()
    assert second.status != other_status  # the original finding stays as it was
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "abweichend bewertet" in html and "Vor Ort geprüft." in html and "bestätigt" in html


def test_override_without_reason_is_refused_with_a_field_error(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    finding = findings_of(case)[0]
    prefix = f"b{finding.position}"
    other_status = "pass" if finding.status != "pass" else "fail"
    response = clerk_client.post(
        f"/bauaufsicht/befunde/{finding.pk}/bewertung/",
        {f"{prefix}-decision": "overridden", f"{prefix}-status": other_status, f"{prefix}-reason": "  "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte begründen Sie die abweichende Bewertung." in html
    assert f'href="#id_{prefix}-reason"' in html
    assert not FindingReview.objects.filter(finding=finding).exists()


def test_nachforderung_form_is_prefilled_from_completeness_findings(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant, documents=("1803",))
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/nachforderung/").content.decode()
    assert "Baubeschreibung" in html and "checked" in html
    expected = (timezone.localdate() + dt.timedelta(days=28)).year  # a month later, same or next year
    assert f'value="{expected}' in html or f'value="{expected + 1}' in html
    assert "§ 71 Abs. 1 Satz 2 BauO NRW" in html


def test_nachforderung_validation_and_sending(clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant, documents=("1803",))
    url = f"/bauaufsicht/vorgaenge/{case.pk}/nachforderung/"
    base = {"weitere-TOTAL_FORMS": "3", "weitere-INITIAL_FORMS": "0", "message": "Bitte nachreichen."}
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = clerk_client.post(url, {**base, "deadline": past})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte nennen Sie mindestens eine fehlende oder mangelhafte Unterlage." in html
    response = clerk_client.post(url, {**base, "deadline": past, "weitere-0-title": "Statik"})
    assert "Bitte geben Sie den Grund an" in response.content.decode()
    assert not Nachforderung.objects.filter(case=case).exists()

    future = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    suggestion = next(f for f in findings_of(case) if f.rule == "baupruefvo.completeness.baubeschreibung")
    page = clerk_client.get(url).content.decode()
    key = re.search(rf'value="({suggestion.pk}:\d+)"', page)
    assert key is not None
    response = clerk_client.post(url, {
        **base, "deadline": future, "suggested": [key.group(1)],
        "weitere-0-document_type": "2705", "weitere-0-reason": "Für Ihr Vorhaben erforderlich.",
    })
    assert response.status_code == 302
    nachforderung = Nachforderung.objects.get(case=case)
    assert [i["document_type"] for i in nachforderung.items] == [key.group(1).split(":")[1], "2705"]
    assert nachforderung.items[0]["title"].startswith("Baubeschreibung")
    assert nachforderung.items[0]["finding"] == str(suggestion.pk)
    assert nachforderung.items[1]["title"].startswith("Brandschutzkonzept")
    case.refresh_from_db()
    assert case.state == CaseState.NACHFORDERUNG


def test_forbidden_transition_shows_the_german_message(clerk_client: Client, applicant: Any) -> None:
    case = nachforderung_case(applicant)
    response = clerk_client.post(f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/", follow=True)
    html = response.content.decode()
    assert "„Vollständigkeit bestätigen“ ist im Status „Nachforderung offen“ nicht möglich." in html
    assert 'role="alert"' in html


def test_resubmission_marks_new_documents_and_changed_fields(clerk_client: Client, applicant: Any) -> None:
    case = nachforderung_case(applicant)
    from bauantrag.documents.actions import upload_document

    upload_document(applicant, case, pdf_upload("baubeschreibung.pdf"), "1502")
    with run_actions_now():
        actions.update_application(applicant, case, {"storeys_full": 1})
        actions.resubmit(applicant, case)
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Einreichungsrunde 2" in html and "neu seit der Nachforderung" in html
    assert html.count("neu seit der Nachforderung") == 1
    assert "Geänderte Angaben seit der Nachforderung" in html and "Vollgeschosse" in html
    url = f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/"
    page = clerk_client.post(url).content.decode()  # first the list of open findings, then the confirmation
    shown = re.findall(r'name="befund" value="([0-9a-f-]+)"', page)
    response = clerk_client.post(url, {"bestaetigt": "1", "befund": shown}, follow=True)
    assert "Die Vollständigkeit des Antrags wurde bestätigt." in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE


def test_history_lists_who_when_what_before_after(clerk_client: Client, applicant: Any) -> None:
    case = nachforderung_case(applicant)
    html = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/protokoll/").content.decode()
    for label in ("Antrag angelegt", "Bauvorlage hochgeladen", "Antrag eingereicht", "Nachforderung versandt",
                  "Automatische Vorprüfung abgeschlossen"):
        assert label in html
    assert applicant.username in html and "Nachforderung offen" in html and "Status" in html


def test_other_kommune_clerk_and_applicant_get_404_on_case_pages(applicant: Any, other_tenant: Any) -> None:
    case = submitted_case(applicant)
    finding = findings_of(case)[0]
    stranger = login(Client(), UserFactory(tenant=other_tenant, role=Role.CLERK))
    for url in (f"/bauaufsicht/vorgaenge/{case.pk}/", f"/bauaufsicht/vorgaenge/{case.pk}/protokoll/",
                f"/bauaufsicht/vorgaenge/{case.pk}/nachforderung/"):
        assert stranger.get(url).status_code == 404
    review_url = f"/bauaufsicht/befunde/{finding.pk}/bewertung/"
    assert stranger.post(review_url, {"b0-decision": "confirmed"}).status_code == 404
    assert stranger.post(f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/").status_code == 404
    owner = login(Client(), applicant)
    assert owner.get("/bauaufsicht/").status_code == 403
    assert owner.get(f"/bauaufsicht/vorgaenge/{case.pk}/").status_code == 404  # own case, wrong side
