"""The clerk's page of a Bauvorlage's values with the source marked, and the panel on the case page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from bauantrag.accounts.models import Role
from bauantrag.assist.extraction.highlight import excerpt, mark
from bauantrag.assist.models import ExtractedValue
from tests.assist.extraction.helpers import submitted_with_baubeschreibung
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(document: Any) -> str:
    return f"/assistenz/dokument/{document.pk}/angaben/"


def test_mark_escapes_all_text_and_marks_by_offsets() -> None:
    text = "Bauherr: <script>alert(1)</script> & Söhne"
    start = text.index("<script>")
    html = str(mark(text, start, start + len("<script>alert(1)</script>")))
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert html.startswith("Bauherr: <span class=\"visually-hidden\">")
    assert html.endswith("</span> &amp; Söhne")
    assert "<script>" not in html


def test_excerpt_cuts_long_pages_at_line_breaks() -> None:
    text = "\n".join(f"Zeile {i}" for i in range(200))
    start = text.index("Zeile 100")
    cut = excerpt(text, start, start + len("Zeile 100"), context=40)
    assert cut.cut_before and cut.cut_after
    assert str(cut.html).startswith("Zeile 9") and "<mark>Zeile 100</mark>" in str(cut.html)


def test_clerk_sees_every_value_with_its_span_marked(tenant: Any, clerk_client: Client) -> None:
    _case, document = submitted_with_baubeschreibung(tenant)
    response = clerk_client.get(_url(document))
    assert response.status_code == 200
    html = response.content.decode()
    vollgeschosse = ExtractedValue.objects.get(document=document, field="vollgeschosse")
    assert f'id="wert-{vollgeschosse.pk}"' in html
    assert "<mark>3 Vollgeschosse</mark>" in html
    # the page text is escaped, the value in the heading too: no markup from the document gets through
    assert "<mark>Bauherrschaft: Schulz &amp; Partner &lt;Bau&gt; GmbH</mark>" in html
    assert "<Bau>" not in html
    assert "Seite 2" in html


def test_stale_span_is_not_marked(tenant: Any, clerk_client: Client) -> None:
    _case, document = submitted_with_baubeschreibung(tenant)
    document.pages.filter(number=2).update(text="ganz anderer Text")
    html = clerk_client.get(_url(document)).content.decode()
    assert "<mark>3 Vollgeschosse</mark>" not in html
    assert "Fundstelle lautete" in html


def test_case_page_panel_links_to_the_sources(tenant: Any, clerk_client: Client) -> None:
    case, document = submitted_with_baubeschreibung(tenant)
    response = clerk_client.get(reverse("workspace:case", kwargs={"case_id": case.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-labelledby="angaben-h"' in html
    assert "Angaben aus den Bauvorlagen" in html
    value = ExtractedValue.objects.get(document=document, field="vollgeschosse")
    assert f'href="{_url(document)}#wert-{value.pk}"' in html
    assert "Fundstelle anzeigen" in html
    assert "Abweichungen zwischen Formular und Bauvorlagen" in html


def test_foreign_and_applicant_side_users_get_404(tenant: Any, other_tenant: Any) -> None:
    case, document = submitted_with_baubeschreibung(tenant)
    for user in (
        UserFactory(tenant=other_tenant, role=Role.CLERK),
        UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN),
        UserFactory(tenant=tenant, role=Role.AGENCY),
        UserFactory(tenant=tenant, role=Role.APPLICANT),
        case.applicant,  # the case's own designer: this is a page of the Bauaufsicht
    ):
        response = login(Client(), user).get(_url(document))
        assert response.status_code == 404, user.role
    assert Client().get(_url(document)).status_code == 302  # to the login


def test_unknown_document_is_404(clerk_client: Client) -> None:
    assert clerk_client.get("/assistenz/dokument/00000000-0000-0000-0000-000000000000/angaben/").status_code == 404
