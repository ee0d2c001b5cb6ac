"""What applicant and clerk see of the text: status in the document tables, the live status, the text page,
the clerk's full-text search (escaped, with the hit marked), and the API fields."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document, TextStatus
from tests.conftest import login
from tests.documents.helpers import API, stored_files
from tests.documents.textfiles import store_unchecked, text_pdf, upload_and_read
from tests.factories import UserFactory, clerk_for, draft_case, run_actions_now

pytestmark = pytest.mark.django_db

PAGES = [
    "<h1>Baubeschreibung</h1><p>Größe des Grundstücks: 612 m². Die Grundflächenzahl beträgt 0,4.</p>",
    "<h1>Lageplan</h1><p>Flurstück 123/4, Gemarkung Unna. Abstand zur Grenze 3,00 m.</p>"
    "<p>&lt;script&gt;alert('x')&lt;/script&gt; &lt;b&gt;fett&lt;/b&gt; Grenzabstand</p>",
]


def _submitted_with_text(applicant: Any) -> tuple[Any, Document]:
    case = draft_case(applicant)
    document = upload_and_read(case, "Baubeschreibung.pdf", text_pdf(PAGES))
    assert document.text_status == TextStatus.DONE, document.text_error
    with run_actions_now():
        actions.submit(applicant, case)
    case.refresh_from_db()
    return case, document


def test_applicant_and_clerk_see_the_text_status_in_their_tables(applicant: Any, applicant_client: Client) -> None:
    case, document = _submitted_with_text(applicant)
    waiting = store_unchecked(case, "Nachtrag.pdf", text_pdf(PAGES[:1]), "application/pdf")

    portal = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert "Text gelesen (2 Seiten)" in portal and f"/dokumente/{document.pk}/text/" in portal
    assert "Text wird in Kürze gelesen" in portal
    assert f'data-text-status-url="/dokumente/{waiting.pk}/text-status/"' in portal
    assert "bauantrag/text_status.js" in portal  # the live update, only while something is being read

    clerk_client = login(Client(), clerk_for(case.tenant))
    workspace = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/")
    assert workspace.status_code == 200
    html = workspace.content.decode()
    assert "Text gelesen (2 Seiten)" in html and "Text wird in Kürze gelesen" in html
    assert "Volltextsuche in den Bauvorlagen" in html and f"/dokumente/vorgang/{case.pk}/suche/" in html
    assert "Text gelesen: 1 von 2 Bauvorlagen; 1 wird noch gelesen" in html


def test_the_status_endpoint_answers_the_owner_and_hides_from_others(
    applicant: Any, applicant_client: Client, other_tenant: Any,
) -> None:
    case, document = _submitted_with_text(applicant)
    url = f"/dokumente/{document.pk}/text-status/"
    data = applicant_client.get(url).json()
    assert data == {
        "status": "done", "pages_total": 2, "pages_done": 2, "label": "Text gelesen (2 Seiten)", "final": True,
        "text_url": f"/dokumente/{document.pk}/text/", "text_link_label": "Text anzeigen",
    }
    for stranger in (UserFactory(tenant=case.tenant, role=Role.APPLICANT), clerk_for(other_tenant),
                     UserFactory(tenant=case.tenant, role=Role.AGENCY)):
        client = login(Client(), stranger)
        assert client.get(url).status_code == 404
        assert client.get(f"/dokumente/{document.pk}/text/").status_code == 404
        assert client.get(f"/dokumente/vorgang/{case.pk}/suche/?q=Flurst").status_code == 404
    assert Client().get(url).status_code == 302  # not logged in: to the login page


def test_the_text_page_shows_each_page_escaped(applicant: Any, applicant_client: Client) -> None:
    case, document = _submitted_with_text(applicant)
    clerk_client = login(Client(), clerk_for(case.tenant))
    for client in (clerk_client, applicant_client):
        response = client.get(f"/dokumente/{document.pk}/text/?q=grenz")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="seite-1"' in html and 'id="seite-2"' in html
        assert "Größe des Grundstücks: 612 m²" in html and "Textebene des PDF" in html
        assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "&lt;b&gt;fett&lt;/b&gt;" in html
        assert "<mark>Grenz</mark>e" in html and "<mark>Grenz</mark>abstand" in html


def test_the_clerk_finds_a_term_with_page_and_marked_snippet(applicant: Any) -> None:
    case, document = _submitted_with_text(applicant)
    clerk_client = login(Client(), clerk_for(case.tenant))

    response = clerk_client.get(f"/dokumente/vorgang/{case.pk}/suche/", {"q": "flurstück 123"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 Seite mit „flurstück 123“" in html
    row = re.search(r"<tr>\s*<th scope=\"row\">Baubeschreibung.pdf</th>(.*?)</tr>", html, re.S)
    assert row is not None, html
    assert "Seite 2" in row.group(1)
    assert f"/dokumente/{document.pk}/text/?q=flurst%C3%BCck%20123#seite-2" in row.group(1)
    assert "<mark>Flurstück 123</mark>/4, Gemarkung Unna" in row.group(1)

    escaped = clerk_client.get(f"/dokumente/vorgang/{case.pk}/suche/", {"q": "<script>"}).content.decode()
    assert "<mark>&lt;script&gt;</mark>alert(&#x27;x&#x27;)" in escaped
    assert "<script>alert" not in escaped and "„&lt;script&gt;“" in escaped

    nothing = clerk_client.get(f"/dokumente/vorgang/{case.pk}/suche/", {"q": "Tiefgarage"}).content.decode()
    assert "Kein Treffer für „Tiefgarage“" in nothing
    too_short = clerk_client.get(f"/dokumente/vorgang/{case.pk}/suche/", {"q": "a"})
    assert too_short.status_code == 400 and "mindestens 2 Zeichen" in too_short.content.decode()


def test_applicants_cannot_search(applicant: Any, applicant_client: Client) -> None:
    case, _document = _submitted_with_text(applicant)
    assert applicant_client.get(f"/dokumente/vorgang/{case.pk}/suche/?q=Flurst").status_code == 404


def test_the_api_shows_the_safe_upload_and_text_fields(applicant: Any, applicant_client: Client) -> None:
    _case, document = _submitted_with_text(applicant)
    data = applicant_client.get(f"{API}/documents/{document.pk}/").json()
    assert data["text_status"] == "done" and data["text_pages_total"] == 2 and data["text_pages_done"] == 2
    assert data["scan_status"] == "not_scanned" and data["active_content"] == {}
    assert data["detected_type"] == document.detected_type
    assert "storage_name" not in data and "text_error" not in data


def test_serving_a_damaged_file_is_recorded_in_the_audit_trail(applicant: Any, applicant_client: Client) -> None:
    _case, document = _submitted_with_text(applicant)
    [path] = [p for p in stored_files() if p.name == document.storage_name]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert applicant_client.get(f"/dokumente/{document.pk}/").status_code == 409
    assert applicant_client.get(f"{API}/documents/{document.pk}/content/").status_code == 409
    damaged = AuditEvent.objects.filter(event=DocumentEvent.DOCUMENT_DAMAGED, subject_id=str(document.pk))
    assert sorted(e.after["while"] for e in damaged) == ["api", "download"]
    assert {e.actor_id for e in damaged} == {applicant.pk}
