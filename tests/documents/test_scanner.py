"""Virus scanner (SECURITY.md row 4): EICAR refused, scanner down or slow → refused (fail closed), none → marked."""

from __future__ import annotations

import socketserver
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.cases import actions
from bauantrag.documents.models import Document, ScanStatus
from tests.conftest import login
from tests.documents.helpers import API, EICAR, _Clamd, closed_port, fake_clamd, nothing_stored, upload
from tests.factories import add_documents, clerk_for, draft_case, run_actions_now
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db

NOT_SCANNED = "nicht auf Schadsoftware geprüft"


def _last_event(client: Client, case: Any) -> dict[str, Any]:
    result: dict[str, Any] = client.get(f"{API}/applications/{case.pk}/history/").json()["results"][-1]
    return result


def test_eicar_in_a_pdf_is_refused(settings: Any, applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    infected = minimal_pdf() + b"%" + EICAR + b"\n"
    with fake_clamd() as clamd:
        settings.DOCUMENT_CLAMD = f"tcp://127.0.0.1:{clamd.server_address[1]}"
        response = upload(applicant_client, case, "lageplan.pdf", infected)
    assert response.status_code == 400
    assert response.json()["errors"][0]["detail"].startswith("Schadsoftware erkannt (Eicar-Test-Signature)")
    assert clamd.received == [infected]  # the whole file went through the INSTREAM protocol
    assert nothing_stored()
    event = _last_event(applicant_client, case)
    assert event["event"] == "document.rejected"


def test_clean_file_is_marked_as_scanned(settings: Any, applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    with fake_clamd() as clamd:
        settings.DOCUMENT_CLAMD = f"tcp://127.0.0.1:{clamd.server_address[1]}"
        response = upload(applicant_client, case, "lageplan.pdf", minimal_pdf())
    assert response.status_code == 201
    assert Document.objects.get().scan_status == ScanStatus.CLEAN
    assert NOT_SCANNED not in applicant_client.get(f"/antraege/{case.pk}/").content.decode()


def test_unix_socket_scanner(settings: Any, applicant: Any, applicant_client: Client, tmp_path: Path) -> None:
    case = draft_case(applicant)
    path = tmp_path / "clamd.ctl"
    server = socketserver.ThreadingUnixStreamServer(str(path), _Clamd)
    server.mode = "normal"  # type: ignore[attr-defined]
    server.received = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.DOCUMENT_CLAMD = f"unix://{path}"
        refused = upload(applicant_client, case, "lageplan.pdf", minimal_pdf() + b"%" + EICAR)
        accepted = upload(applicant_client, case, "lageplan.pdf", minimal_pdf())
    finally:
        server.shutdown()
        server.server_close()
    assert refused.status_code == 400 and "Schadsoftware erkannt" in refused.json()["errors"][0]["detail"]
    assert accepted.status_code == 201


@pytest.mark.parametrize("failure", ["down", "timeout", "bad-address"])
def test_scanner_unavailable_fails_closed(
    settings: Any, applicant: Any, applicant_client: Client, failure: str
) -> None:
    case = draft_case(applicant)
    settings.DOCUMENT_CLAMD_TIMEOUT = 0.5
    started = time.monotonic()
    with fake_clamd("hang") as slow:
        settings.DOCUMENT_CLAMD = {
            "down": f"tcp://127.0.0.1:{closed_port()}",
            "timeout": f"tcp://127.0.0.1:{slow.server_address[1]}",
            "bad-address": "http://clamd.example/",
        }[failure]
        response = upload(applicant_client, case, "lageplan.pdf", minimal_pdf())
        page = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/", {
            "file": SimpleUploadedFile("lageplan.pdf", minimal_pdf()), "document_type": "1803"})
    assert time.monotonic() - started < 5
    message = "Virenprüfung derzeit nicht möglich – bitte später erneut versuchen."
    assert response.status_code == 400 and response.json()["errors"][0]["detail"] == message
    assert page.status_code == 400 and message in page.content.decode()
    assert nothing_stored()


def test_without_scanner_documents_are_marked_not_scanned(settings: Any, applicant: Any) -> None:
    settings.DOCUMENT_CLAMD = ""
    case = draft_case(applicant)
    add_documents(case)
    with run_actions_now():
        actions.submit(applicant, case)
    assert {d.scan_status for d in case.documents.all()} == {ScanStatus.NOT_SCANNED}
    clerk = login(Client(), clerk_for(case.tenant))
    page = clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert page.count(NOT_SCANNED) == case.documents.count() == 7
