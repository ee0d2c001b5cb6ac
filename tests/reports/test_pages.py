"""The page /statistik/: only for the administration of the Kommune, accessible charts, validated filter."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.reports.events import ReportEvent
from bauantrag.reports.periods import default_period
from tests.conftest import login
from tests.factories import TenantFactory, UserFactory
from tests.reports.conftest import Dataset

pytestmark = pytest.mark.django_db

URLS = ("/statistik/", "/statistik/export.csv", "/statistik/vorgaenge.csv", "/statistik/ueberfaellig.csv")


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.DESIGNER, Role.CLERK, Role.AGENCY])
def test_other_roles_of_the_kommune_are_turned_away(tenant: Any, role: str) -> None:
    client = login(Client(), UserFactory(tenant=tenant, role=role))
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 403, url
    assert not AuditEvent.objects.filter(event=ReportEvent.REPORT_EXPORTED).exists()


def test_the_platform_administrator_is_turned_away() -> None:
    client = login(Client(), UserFactory(tenant=None, role=Role.PLATFORM_ADMIN))
    for url in URLS:
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_the_login() -> None:
    for url in URLS:
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/"), url


def test_only_get_is_allowed(admin_client: Client) -> None:
    assert admin_client.post("/statistik/").status_code == 405
    assert admin_client.post("/statistik/export.csv").status_code == 405


def test_the_navigation_shows_the_link_to_the_administration_only(admin_client: Client, clerk_client: Client) -> None:
    assert 'href="/statistik/"' in admin_client.get("/bauaufsicht/").content.decode()
    assert 'href="/statistik/"' not in clerk_client.get("/bauaufsicht/").content.decode()


def test_the_page_shows_charts_with_text_alternatives(admin_client: Client, dataset: Dataset) -> None:
    response = admin_client.get("/statistik/", {"von": "2025-01", "bis": "2025-06"})
    assert response.status_code == 200
    html = response.content.decode()
    svgs = re.findall(r"<svg[^>]*>", html)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby=" in svg
    for chart_id in ("chart-eingang", "chart-erstpruefung", "chart-dauer"):
        assert f'<title id="{chart_id}-title">' in html and f'<desc id="{chart_id}-desc">' in html
    assert html.count("<figure>") == 3 and html.count("<figcaption>") == 3
    assert "<script" not in html.split("<main", 1)[1]  # no chart library
    # The figures as text: months, counts, the share, medians in German notation.
    assert "<th scope=\"row\">Jan 2025</th><td>2</td>" in html
    assert "60 %" in html  # complete at the first check
    assert "<td>19,6</td>" in html  # 90th percentile Eingang -> Vollständigkeit, in the table
    assert "19,6 Tage</text>" in html  # ... and the same figure in the chart
    assert "Eingang → Vollständigkeit bestätigt" in html
    # Overdue, with links to the cases.
    d = dataset.cases["D"]
    assert f'<a href="/bauaufsicht/vorgaenge/{d.pk}/">{dataset.file_number("D")}</a>' in html
    assert dataset.file_number("D") in html and dataset.file_number("E") in html
    assert dataset.file_number("F2") not in html  # Beispielstadt's overdue case
    # Export links carry the chosen period.
    assert "/statistik/vorgaenge.csv?von=2025-01&amp;bis=2025-06" in html


def test_the_page_works_without_any_case_and_shows_the_default_period(admin_client: Client) -> None:
    response = admin_client.get("/statistik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keine Vollständigkeitsprüfung ist überfällig." in html
    period = default_period(timezone.localdate())
    assert f'value="{period.first.iso()}"' in html and f'value="{period.last.iso()}"' in html
    assert html.count("<tr><th scope=\"row\">") >= 12  # twelve months, each with 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"von": "2025-13"}, "Den Monat 13 gibt es nicht"),
        ({"von": "abc"}, "Bitte geben Sie den Monat im Format JJJJ-MM an"),
        ({"von": "2025-06", "bis": "2025-01"}, "darf nicht nach dem Monat"),
        ({"von": "2000-01", "bis": "2020-01"}, "höchstens 120 Monate"),
        ({"bis": "9" * 5000}, "Bitte geben Sie den Monat im Format JJJJ-MM an"),
        ({"von": "2025-01\x00"}, "Nullzeichen sind nicht erlaubt"),
    ],
)
def test_bad_filter_input_gives_400_with_a_german_message(admin_client: Client, query: dict[str, str],
                                                          message: str) -> None:  # fmt: skip
    for url in URLS[:3]:
        response = admin_client.get(url, query)
        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "Bitte korrigieren Sie die folgenden Angaben" in html
        assert message in html
    assert not AuditEvent.objects.filter(event=ReportEvent.REPORT_EXPORTED).exists()


def test_another_kommunes_administration_sees_only_its_own_figures(dataset: Dataset) -> None:
    other = TenantFactory(slug="drittstadt")
    client = login(Client(), UserFactory(tenant=other, role=Role.TENANT_ADMIN))
    html = client.get("/statistik/", {"von": "2025-01", "bis": "2025-06"}).content.decode()
    for key in "ABCDEH":
        assert dataset.file_number(key) not in html
    assert "<dt>Anträge eingegangen</dt><dd>0</dd>" in html


def test_admin_fixture_is_a_tenant_admin(admin: User) -> None:
    assert admin.role == Role.TENANT_ADMIN and admin.requires_mfa
