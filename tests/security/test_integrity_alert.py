"""A stored file that fails its integrity check is refused (409), recorded, and the operator is alerted by e-mail
through a real SMTP server: once per file and quarter of an hour, never a 500 when the mail server is down."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from bauantrag.documents.models import Document
from tests.documents.helpers import API, stored_files, upload
from tests.factories import draft_case
from tests.files import minimal_pdf
from tests.notifications.conftest import SmtpServer
from tests.notifications.conftest import smtp_server_factory as smtp_server_factory

pytestmark = pytest.mark.django_db

OPERATOR = "sicherheit@betrieb.example"


def _tampered_document(applicant: Any, client: Client) -> Document:
    case = draft_case(applicant)
    response = upload(client, case, "lageplan.pdf", minimal_pdf("Lageplan Musterstraße 1"))
    assert response.status_code == 201, response.content
    [path] = stored_files()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return Document.objects.get(pk=response.json()["id"])


def test_the_operator_gets_one_mail_per_tampered_file_and_the_download_stays_refused(
    applicant: Any, applicant_client: Client, settings: Any, smtp_server_factory: Callable[[bool], SmtpServer],
) -> None:
    cache.clear()
    server = smtp_server_factory(True)
    settings.SECURITY_ALERT_MAIL = OPERATOR
    document = _tampered_document(applicant, applicant_client)
    first = applicant_client.get(f"{API}/documents/{document.pk}/content/")
    again = applicant_client.get(f"/dokumente/{document.pk}/")
    assert first.status_code == 409 and again.status_code == 409
    assert len(server.inbox.envelopes) == 1, "a second request for the same file within the interval sends no mail"
    assert server.inbox.envelopes[0].rcpt_tos == [OPERATOR]
    assert "Sicherheitsmeldung" in server.inbox.subject(0)
    body = server.inbox.everything(0)
    assert document.storage_name in body and "Integritätsprüfung nicht bestanden" in body
    assert "Musterstraße" not in body, "the alert names the file, never its content"


def test_without_an_address_or_with_the_mail_server_down_the_refusal_is_still_a_409(
    applicant: Any, applicant_client: Client, settings: Any, smtp_server_factory: Callable[[bool], SmtpServer],
    caplog: Any,
) -> None:
    cache.clear()
    smtp_server_factory(False)  # Django points at a port where nothing listens
    settings.SECURITY_ALERT_MAIL = OPERATOR
    document = _tampered_document(applicant, applicant_client)
    with caplog.at_level("ERROR", logger="bauantrag.security"):
        response = applicant_client.get(f"{API}/documents/{document.pk}/content/")
    assert response.status_code == 409
    assert "could not be mailed" in caplog.text and "verändert" in caplog.text
    settings.SECURITY_ALERT_MAIL = ""
    cache.clear()
    assert applicant_client.get(f"{API}/documents/{document.pk}/content/").status_code == 409
