"""Issue 16: the upload form offers the kinds of Bauvorlage the Verfahrensart demands first, the full list after."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.cases import actions
from tests.factories import draft_case
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def _groups(page: str) -> dict[str, list[str]]:
    select = page.split('id="id_document_type"', 1)[1].split("</select>", 1)[0]
    return {label: re.findall(r'<option value="(\d+)"', body)
            for label, body in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)}


def test_the_kinds_this_procedure_needs_come_first(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)  # a vereinfachtes Verfahren with every answer given
    groups = _groups(applicant_client.get(f"/antraege/{case.pk}/").content.decode())
    short, rest = groups["Für Ihr Verfahren verlangt"], groups["Alle weiteren Arten (XBau-Codeliste)"]
    assert {"1502", "1801", "2201"} <= set(short)  # Baubeschreibung, Lageplan, Kostenermittlung
    assert len(short) < 30 < len(rest) and not set(short) & set(rest)
    # Both lists are accepted: a kind from the short list and one only in the full list.
    for code, name in ((short[0], "a.pdf"), (rest[0], "b.pdf")):
        response = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/",
                                         {"document_type": code, "file": pdf_upload(name)})
        assert response.status_code == 302, response.content.decode()[:500]
    assert sorted(case.documents.values_list("document_type", flat=True)) == sorted([short[0], rest[0]])


def test_without_a_verfahrensart_the_full_list_only(applicant: Any, applicant_client: Client) -> None:
    case = actions.create_application(applicant, {"description": "Noch fast leer"})
    page = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert _groups(page) == {}
    assert page.count('<option value="') > 30


def test_several_files_at_once_each_with_its_kind(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    fake = SimpleUploadedFile("gefaelscht.pdf", b"<html><body>kein PDF</body></html>", "application/pdf")
    response = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/", {
        "file": [pdf_upload("Lageplan.pdf"), fake, pdf_upload("Baubeschreibung.pdf")],
        "document_type": ["1801", "2001", "1502"],
    }, follow=True)
    page = response.content.decode()
    assert "Hochgeladen: „Lageplan.pdf“, „Baubeschreibung.pdf“." in page
    assert "„gefaelscht.pdf“ wurde nicht angenommen:" in page  # the same checks as a single upload
    assert sorted(case.documents.values_list("display_name", "document_type")) == [
        ("Baubeschreibung.pdf", "1502"), ("Lageplan.pdf", "1801")]


def test_several_files_with_one_kind_without_javascript(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    response = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/", {
        "file": [pdf_upload("Grundriss EG.pdf"), pdf_upload("Grundriss OG.pdf")], "document_type": "2001",
    })
    assert response.status_code == 302
    assert list(case.documents.values_list("document_type", flat=True)) == ["2001", "2001"]
