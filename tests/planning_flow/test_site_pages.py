"""The step „Lage und Gebäudegrundriss“ through the real pages: save, preview, refuse broken input."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from lxml import etree

from bauantrag.audit.models import AuditEvent
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, Vorhaben
from tests.factories import draft_case
from tests.planning_flow.helpers import PASSING, import_blankenese, site_of, vorhaben_of

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def svg_of(html: str) -> Any:
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match, "no SVG map on the page"
    return etree.fromstring(match.group(0).encode())


def paths(svg: Any, css_class: str) -> list[Any]:
    return [p for p in svg.iter(f"{SVG}path") if p.get("class") == css_class]


def site_url(case: Case) -> str:
    return f"/antraege/{case.pk}/lage/"


def test_applicant_saves_a_site_and_sees_the_preview_with_footprint_and_plan(
    applicant_client: Client, applicant: Any, tenant: Any
) -> None:
    import_blankenese(tenant)
    case = draft_case(applicant, **vorhaben_of(PASSING))
    page = applicant_client.get(site_url(case)).content.decode()
    assert "auf der Karte zeichnen" in page and "EPSG:25832" in page and "<svg" not in page
    response = applicant_client.post(site_url(case), {"site_json": json.dumps(site_of(PASSING))})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Vorhaben.objects.get(pk=case.pk).site == site_of(PASSING)
    event = AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_UPDATED).latest("created_at")
    assert event.after["site"]["buildings"][0]["id"] == "Wohnhaus"
    page = applicant_client.get(site_url(case)).content.decode()
    svg = svg_of(page)
    assert len(paths(svg, "footprint")) == 1
    assert paths(svg, "parcel") and paths(svg, "baugrenze")
    assert any("WA" in (t.text or "") and "GRZ" in (t.text or "") for t in svg.iter(f"{SVG}text"))
    assert "Blankenese29_Testplan_60" in page and "Lageplan-Geometrie entfernen" in page
    detail = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert len(paths(svg_of(detail), "footprint")) == 1


def test_upload_of_a_geojson_file_is_accepted(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    upload = SimpleUploadedFile("lage.geojson", json.dumps({"site": site_of(PASSING)}).encode(), "application/json")
    response = applicant_client.post(site_url(case), {"site_json": "", "site_file": upload})
    assert response.status_code == 302
    assert Vorhaben.objects.get(pk=case.pk).site == site_of(PASSING)
    page = applicant_client.get(site_url(case)).content.decode()
    assert "kein Bebauungsplan hinterlegt" in page  # the tenant has no plan: the map shows the site only


def _out_of_range() -> str:
    site = site_of(PASSING)
    site["parcel"] = [[[7.1, 51.5], [7.2, 51.5], [7.2, 51.6], [7.1, 51.5]]]
    return json.dumps(site)


def _with_plan_path() -> str:
    return json.dumps({**site_of(PASSING), "plan": "../../../../etc/passwd"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"parcel": [[[553161.69, 5935013.36],', "Ungültiges JSON: Zeile 1"),
        (_out_of_range(), "/site/parcel/0/0/0: muss mindestens 100000 sein, gefunden 7.1"),
        (_with_plan_path(), "/site/plan: Ein Dateipfad zum Bebauungsplan wird auf dem Server nicht angenommen"),
        (json.dumps({**site_of(PASSING), "buildings": []}), "/site/buildings: hat zu wenige Einträge"),
        ("", "Bitte fügen Sie die Geometrie ein"),
    ],
)
def test_broken_input_gives_a_german_field_error_and_changes_nothing(
    applicant_client: Client, applicant: Any, text: str, expected: str
) -> None:
    case = draft_case(applicant)
    assert applicant_client.post(site_url(case), {"site_json": json.dumps(site_of(PASSING))}).status_code == 302
    events = AuditEvent.objects.count()
    response = applicant_client.post(site_url(case), {"site_json": text})
    assert response.status_code == 400
    html = response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert expected in html
    assert 'class="error-text" id="id_site_json_error"' in html and 'href="#id_site_json"' in html
    assert Vorhaben.objects.get(pk=case.pk).site == site_of(PASSING)
    assert AuditEvent.objects.count() == events


def test_a_file_with_another_ending_is_refused(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant)
    upload = SimpleUploadedFile("lage.txt", json.dumps(site_of(PASSING)).encode())
    response = applicant_client.post(site_url(case), {"site_file": upload})
    assert response.status_code == 400
    assert "Endung .json oder .geojson" in response.content.decode()
    assert Vorhaben.objects.get(pk=case.pk).site is None


def test_the_site_can_be_removed_and_other_applicants_get_404(
    applicant_client: Client, applicant: Any, tenant: Any
) -> None:
    case = draft_case(applicant, site=site_of(PASSING))
    other = draft_case(site=site_of(PASSING))
    assert applicant_client.get(site_url(other)).status_code == 404
    assert applicant_client.post(site_url(other), {"remove": "1"}).status_code == 404
    assert applicant_client.post(site_url(case), {"remove": "1"}).status_code == 302
    assert Vorhaben.objects.get(pk=case.pk).site is None
    assert Vorhaben.objects.get(pk=other.pk).site == site_of(PASSING)


def test_editing_the_project_data_keeps_the_site(applicant_client: Client, applicant: Any) -> None:
    case = draft_case(applicant, site=site_of(PASSING))
    form = applicant_client.get(f"/antraege/{case.pk}/bearbeiten/").content.decode()
    assert 'name="site"' not in form
    data = {k: ("" if v is None else str(v)) for k, v in vorhaben_of(PASSING).items()}
    data.update({"plan_conforming": "True", "access_secured": "True", "detached": "True", "underground": "False",
                 "has_aufenthaltsraum": "True", "description": "Geändert"})
    assert applicant_client.post(f"/antraege/{case.pk}/bearbeiten/", data).status_code == 302
    vorhaben = Vorhaben.objects.get(pk=case.pk)
    assert vorhaben.description == "Geändert" and vorhaben.site == site_of(PASSING)


def test_a_site_added_after_a_nachforderung_is_listed_as_a_change_for_the_clerk(
    applicant_client: Client, applicant: Any, clerk_client: Client
) -> None:
    from tests.factories import nachforderung_case

    case = nachforderung_case(applicant)
    assert applicant_client.post(site_url(case), {"site_json": json.dumps(site_of(PASSING))}).status_code == 302
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Lageplan-Geometrie angegeben (Grundstück, Gebäude „Wohnhaus“)" in page
    assert "553161" not in page.split("<svg")[0]  # the coordinates are drawn, not printed in the change list
    history = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/protokoll/")
    assert history.status_code == 200 and "553161" not in history.content.decode()
