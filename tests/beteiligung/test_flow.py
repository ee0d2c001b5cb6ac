"""The whole Beteiligung through the pages: the clerk asks the Brandschutzdienststelle, sharing two Bauvorlagen; its
member sees only this request and only these two files, answers with Nebenbestimmungen; the clerk sees the result
and the Nebenbestimmungen in the case."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Stellungnahme
from bauantrag.beteiligung.results import conditions_for_case
from bauantrag.notifications.models import NotificationEvent, NotificationLog
from tests.beteiligung.conftest import complete_case_with_documents, document_content
from tests.conftest import login
from tests.factories import UserFactory, run_actions_now

pytestmark = pytest.mark.django_db


def body(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return str(response.content.decode())


def test_clerk_asks_agency_answers_clerk_sees_the_result(kommune: Any) -> None:
    case = kommune.case
    lageplan, brandschutz_doc = kommune.documents("1803", "0401")
    secret = kommune.documents("2001")[0]
    clerk = login(Client(), kommune.clerk)

    # The case page offers the request, with the deadline rule of each Fachstelle in the choice.
    page = clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/")
    assert page.status_code == 200
    html = body(page)
    assert 'id="beteiligung-h"' in html and "Noch keine Fachstelle beteiligt." in html
    assert re.search(r"Brandschutzdienststelle – Frist bis \d\d\.\d\d\.\d{4}", html)

    with run_actions_now():
        response = clerk.post(f"/beteiligung/vorgaenge/{case.pk}/anfragen/", {
            "bt-fachstelle": str(kommune.brandschutz.pk), "bt-documents": [str(lageplan.pk), str(brandschutz_doc.pk)],
            "bt-deadline": "", "bt-message": "Bitte prüfen Sie den Brandschutz.",
        })
    assert response.status_code == 302, body(response)[:2000]
    beteiligung = Beteiligung.objects.get(case=case)
    assert beteiligung.fachstelle == kommune.brandschutz
    assert set(beteiligung.documents.all()) == {lageplan, brandschutz_doc}
    assert beteiligung.status == BeteiligungStatus.REQUESTED
    notified = NotificationLog.objects.filter(case=case, event=NotificationEvent.BETEILIGUNG)
    assert sorted(n.recipient for n in notified) == ["bsd@kreis.example", "feuer@kreis.example"]
    assert {n.link_path for n in notified} == {f"/beteiligung/{beteiligung.pk}/"}

    # Another case of the Kommune, sent to another Fachstelle: not in the Brandschutz inbox.
    other_case = complete_case_with_documents(UserFactory(tenant=case.tenant), kommune.clerk, street="Ulmenweg")
    actions.request_beteiligung(kommune.clerk, other_case, kommune.naturschutz,
                                documents=list(other_case.documents.all()[:1]), message="Bitte prüfen.")

    agency = login(Client(), kommune.brandschutz_member)
    inbox = body(agency.get("/beteiligung/"))
    assert case.file_number in inbox and other_case.file_number not in inbox
    home = agency.get("/")  # a Fachstelle's start page is its inbox
    assert home.status_code == 302 and home["Location"] == "/beteiligung/"
    assert 'href="/beteiligung/"' in body(agency.get("/beteiligung/"))  # the navigation link for the Fachstelle

    page = agency.get(f"/beteiligung/{beteiligung.pk}/")
    assert page.status_code == 200
    html = body(page)
    assert "vorlage-1803.pdf" in html and "vorlage-0401.pdf" in html
    assert "vorlage-2001.pdf" not in html  # not shared
    assert case.vorhaben.description in html and "Lindenweg 12" in html
    assert case.vorhaben.bauherr_name not in html and kommune.applicant.email not in html  # no personal data

    shared = agency.get(f"/beteiligung/{beteiligung.pk}/dokumente/{brandschutz_doc.pk}/")
    assert shared.status_code == 200
    assert b"".join(shared.streaming_content) == document_content("0401")
    assert shared["Content-Disposition"].startswith("attachment;")
    assert shared["Content-Security-Policy"] == "sandbox"
    assert agency.get(f"/beteiligung/{beteiligung.pk}/dokumente/{secret.pk}/").status_code == 404
    # The case itself and the ordinary document routes stay closed to the Fachstelle.
    assert agency.get(f"/dokumente/{lageplan.pk}/").status_code == 404
    assert agency.get(f"/bauaufsicht/vorgaenge/{case.pk}/").status_code == 404
    assert agency.get(f"/beteiligung/vorgaenge/{case.pk}/anfragen/").status_code == 404

    # Three rows for Nebenbestimmungen; "weitere" adds three, keeping what was typed.
    assert html.count('name="nb-') >= 6 and 'name="nb-TOTAL_FORMS" value="3"' in html
    more = agency.post(f"/beteiligung/{beteiligung.pk}/", {
        "verdict": "zustimmung_nebenbestimmungen", "text": "Entwurf", "nb-TOTAL_FORMS": "3",
        "nb-INITIAL_FORMS": "0", "nb-0-text": "Rauchwarnmelder", "weitere_zeilen": "1",
    })
    assert more.status_code == 200
    more_html = body(more)
    assert 'name="nb-TOTAL_FORMS" value="6"' in more_html and "Rauchwarnmelder" in more_html
    assert not Stellungnahme.objects.exists()

    answer = agency.post(f"/beteiligung/{beteiligung.pk}/", {
        "verdict": "zustimmung_nebenbestimmungen", "text": "Keine Bedenken bei Beachtung der Auflagen.",
        "nb-TOTAL_FORMS": "6", "nb-INITIAL_FORMS": "0",
        "nb-0-text": "Rauchwarnmelder in allen Aufenthaltsräumen", "nb-0-legal_basis": "§ 47 Abs. 3 BauO NRW",
        "nb-1-text": "", "nb-1-legal_basis": "",
        "nb-4-text": "Zufahrt für die Feuerwehr freihalten", "nb-4-legal_basis": "§ 5 BauO NRW",
    })
    assert answer.status_code == 302, body(answer)[:3000]
    beteiligung.refresh_from_db()
    assert beteiligung.status == BeteiligungStatus.ANSWERED
    stellungnahme = beteiligung.stellungnahme
    assert stellungnahme.author == kommune.brandschutz_member and not stellungnahme.late
    assert stellungnahme.conditions == [
        {"text": "Rauchwarnmelder in allen Aufenthaltsräumen", "legal_basis": "§ 47 Abs. 3 BauO NRW"},
        {"text": "Zufahrt für die Feuerwehr freihalten", "legal_basis": "§ 5 BauO NRW"},
    ]
    # Answered once: the form is gone, a second answer is refused.
    after = body(agency.get(f"/beteiligung/{beteiligung.pk}/"))
    assert "Stellungnahme abgeben" not in after and "Zustimmung mit Nebenbestimmungen" in after
    again = agency.post(f"/beteiligung/{beteiligung.pk}/", {"verdict": "zustimmung", "nb-TOTAL_FORMS": "0",
                                                             "nb-INITIAL_FORMS": "0"})
    assert again.status_code == 302 and Stellungnahme.objects.count() == 1

    # The clerk sees the result in the case.
    html = body(clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/"))
    assert "1 von 1 Stellungnahme eingegangen, 1 mit Nebenbestimmungen" in html
    assert "Rauchwarnmelder in allen Aufenthaltsräumen" in html and "§ 47 Abs. 3 BauO NRW" in html
    assert conditions_for_case(case) == [
        {"text": "Rauchwarnmelder in allen Aufenthaltsräumen", "legal_basis": "§ 47 Abs. 3 BauO NRW",
         "fachstelle": "Brandschutzdienststelle"},
        {"text": "Zufahrt für die Feuerwehr freihalten", "legal_basis": "§ 5 BauO NRW",
         "fachstelle": "Brandschutzdienststelle"},
    ]
    assert clerk.get(f"/beteiligung/{beteiligung.pk}/").status_code == 200
    assert clerk.get(f"/beteiligung/{beteiligung.pk}/dokumente/{lageplan.pk}/").status_code == 200

    events = list(AuditEvent.objects.filter(case_id=case.pk).values_list("event", flat=True))
    assert BeteiligungEvent.BETEILIGUNG_SENT in events and BeteiligungEvent.STELLUNGNAHME_SUBMITTED in events
    assert verify_tenant(case.tenant) == []


def test_gemeinde_answers_on_its_einvernehmen(kommune: Any) -> None:
    member = UserFactory(tenant=kommune.case.tenant, role="agency")
    kommune.gemeinde.members.add(member)
    beteiligung = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.gemeinde,
                                              documents=kommune.documents("1803"), message="Bitte um Einvernehmen.")
    agency = login(Client(), member)
    html = body(agency.get(f"/beteiligung/{beteiligung.pk}/"))
    assert "Einvernehmen erteilt" in html and "Einvernehmen versagt" in html
    assert 'value="zustimmung"' not in html
    assert "§ 36 Abs. 2 Satz 2 BauGB" in html
    refused = agency.post(f"/beteiligung/{beteiligung.pk}/", {"verdict": "einvernehmen_versagt", "text": "",
                                                             "nb-TOTAL_FORMS": "3", "nb-INITIAL_FORMS": "0"})
    assert refused.status_code == 400 and "Bitte begründen Sie Ihre Entscheidung." in body(refused)
    given = agency.post(f"/beteiligung/{beteiligung.pk}/", {"verdict": "einvernehmen_erteilt", "text": "",
                                                           "nb-TOTAL_FORMS": "3", "nb-INITIAL_FORMS": "0"})
    assert given.status_code == 302
    clerk = login(Client(), kommune.clerk)
    html = body(clerk.get(f"/bauaufsicht/vorgaenge/{kommune.case.pk}/"))
    assert "Gemeinde: Einvernehmen erteilt" in html


def test_clerk_withdraws_and_the_agency_loses_the_documents(kommune: Any) -> None:
    beteiligung = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                              documents=kommune.documents("1803"), message="Bitte prüfen.")
    clerk = login(Client(), kommune.clerk)
    response = clerk.post(f"/beteiligung/{beteiligung.pk}/zuruecknehmen/", {"reason": "Antrag geändert"})
    assert response.status_code == 302
    beteiligung.refresh_from_db()
    assert beteiligung.status == BeteiligungStatus.WITHDRAWN and beteiligung.withdraw_reason == "Antrag geändert"
    agency = login(Client(), kommune.brandschutz_member)
    page = agency.get(f"/beteiligung/{beteiligung.pk}/")
    assert page.status_code == 200 and "zurückgenommen" in body(page) and "Stellungnahme abgeben" not in body(page)
    lageplan = kommune.documents("1803")[0]
    assert agency.get(f"/beteiligung/{beteiligung.pk}/dokumente/{lageplan.pk}/").status_code == 404
    late = agency.post(f"/beteiligung/{beteiligung.pk}/", {"verdict": "zustimmung", "nb-TOTAL_FORMS": "0",
                                                          "nb-INITIAL_FORMS": "0"})
    assert late.status_code == 302 and not Stellungnahme.objects.exists()
    assert AuditEvent.objects.filter(event=BeteiligungEvent.BETEILIGUNG_WITHDRAWN, case_id=kommune.case.pk).count() == 1


def test_the_request_form_reports_errors_accessibly(kommune: Any) -> None:
    clerk = login(Client(), kommune.clerk)
    response = clerk.post(f"/beteiligung/vorgaenge/{kommune.case.pk}/anfragen/", {
        "bt-fachstelle": str(kommune.gemeinde.pk), "bt-documents": [], "bt-message": "",
        "bt-deadline": "2020-01-01",
    })
    assert response.status_code == 400
    html = body(response)
    assert 'class="error-summary"' in html and "Bitte wählen Sie mindestens eine Bauvorlage." in html
    assert not Beteiligung.objects.exists()


def test_no_request_before_the_case_is_complete(kommune: Any, tenant: Any) -> None:
    from tests.factories import submitted_case

    case = submitted_case(UserFactory(tenant=tenant))
    clerk = login(Client(), kommune.clerk)
    page = clerk.get(f"/beteiligung/vorgaenge/{case.pk}/anfragen/")
    assert page.status_code == 200 and "können keine Fachstellen beteiligt werden" in body(page)
    response = clerk.post(f"/beteiligung/vorgaenge/{case.pk}/anfragen/", {
        "bt-fachstelle": str(kommune.brandschutz.pk), "bt-documents": [str(case.documents.first().pk)],
        "bt-message": "Bitte prüfen.",
    })
    assert response.status_code == 302 and not Beteiligung.objects.exists()
    assert 'id="beteiligung-h"' not in body(clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/"))
