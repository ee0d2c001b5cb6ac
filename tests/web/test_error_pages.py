"""German error pages in the project's look (400, 403, 404, 500, CSRF failure), each under the CSP."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings

from tests.factories import UserFactory, submitted_case

pytestmark = pytest.mark.django_db

ENGLISH = (b"Not Found", b"Forbidden", b"Bad Request", b"Server Error", b"CSRF verification failed",
           b"The requested resource", b"More information is available")


def assert_our_page(response: Any, status: int, heading: str) -> None:
    body = response.content
    assert response.status_code == status
    assert heading.encode() in body, body[:600]
    assert b'<html lang="de">' in body and b"bauantrag/site.css" in body
    assert not [text for text in ENGLISH if text in body]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_404_and_403_pages(tenant: Any) -> None:
    assert_our_page(Client().get("/gibt-es-nicht/"), 404, "Seite nicht gefunden")
    applicant = UserFactory(tenant=tenant)
    client = Client()
    client.force_login(applicant)
    assert_our_page(client.get("/kommune/schnittstelle/"), 403, "Kein Zugriff")
    # An id of another person's case: 404, never the case.
    foreign = submitted_case(UserFactory(tenant=tenant))
    page = client.get(f"/antraege/{foreign.pk}/")
    assert_our_page(page, 404, "Seite nicht gefunden")
    assert foreign.file_number.encode() not in page.content


def test_400_page_for_a_forged_host_header() -> None:
    assert_our_page(Client().get("/", HTTP_HOST="angreifer.example"), 400, "Ungültige Anfrage")


def test_csrf_failure_page() -> None:
    response = Client(enforce_csrf_checks=True).post("/konto/anmelden/", {"username": "x", "password": "y"})
    assert_our_page(response, 403, "Das Formular konnte nicht angenommen werden")


@override_settings(ROOT_URLCONF="tests.web.error_urls")
def test_500_page() -> None:
    response = Client(raise_request_exception=False).get("/kaputt/")
    assert_our_page(response, 500, "Ein Fehler ist aufgetreten")
    assert b"ein Programmfehler" not in response.content
