"""The postal addresses of Bauherrschaft and Entwurfsverfasser/in go in through the API as through the form and
come out in the letters' window (the letters themselves: tests/correspondence/test_letter_language.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.api.helpers import API, case_url, errors_of, patch, post
from tests.factories import VALID_VORHABEN

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "bauherr_anrede": "herr", "bauherr_street": "Birkenallee 5", "bauherr_postal_code": "59425",
    "bauherr_city": "Unna", "designer_name": "Anna Baumeister, Architektin", "designer_street": "Hansastraße 20",
    "designer_postal_code": "59423", "designer_city": "Unna",
}


def test_postal_addresses_through_the_api(applicant_client: Client) -> None:
    response = post(applicant_client, f"{API}/applications/", {**VALID_VORHABEN, **ADDRESSES})
    assert response.status_code == 201, response.content
    vorhaben = response.json()["vorhaben"]
    assert {key: vorhaben[key] for key in ADDRESSES} == ADDRESSES
    response = patch(applicant_client, case_url(response.json()["id"]), {"bauherr_anrede": "divers"})
    assert response.status_code == 400 and "bauherr_anrede" in str(errors_of(response))


def test_the_portal_form_asks_for_them(applicant: Any, applicant_client: Client) -> None:
    page = applicant_client.get("/antraege/neu/").content.decode()
    for label in ("Anrede der Bauherrschaft", "Anschrift der Bauherrschaft: Straße und Hausnummer",
                  "Entwurfsverfasser/in (Name)", "Anschrift Entwurfsverfasser/in: Ort"):
        assert label in page
