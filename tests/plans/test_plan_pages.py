"""The plan register's pages, through real HTTP with real logins: import, list, detail, who may see what."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.test import Client

from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.plans import storage
from bauantrag.plans.actions import import_plan
from bauantrag.plans.events import PlanEvent
from bauantrag.plans.models import Bebauungsplan
from tests.conftest import login
from tests.factories import UserFactory
from tests.plans.conftest import BPLAN004, EIDELSTEDT, REAL_PLANS, upload

pytestmark = pytest.mark.django_db


def facts(html: bytes) -> dict[str, str]:
    doc = lxml.html.fromstring(html)
    terms = doc.xpath('//dl[@class="facts"]/dt')
    return {" ".join(t.text_content().split()): " ".join(t.getnext().text_content().split()) for t in terms}


def table_rows(html: bytes, css_class: str) -> list[list[str]]:
    doc = lxml.html.fromstring(html)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in doc.xpath(f'//table[contains(@class, "{css_class}")]/tbody/tr')
    ]


@pytest.mark.parametrize(("path", "name", "version", "areas"), REAL_PLANS, ids=[p[0].parent.name + "/" + p[0].name
                                                                                for p in REAL_PLANS])
def test_a_tenant_admin_imports_every_real_plan_through_the_page(
    admin_client: Client, tenant: Any, tenant_admin: User, path: Path, name: str, version: str, areas: int
) -> None:
    response = upload(admin_client, path)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Bebauungsplan.objects.get(tenant=tenant)
    assert response["Location"] == f"/plaene/{plan.pk}/"
    assert (plan.name, plan.xplan_version, plan.imported_by) == (name, version, tenant_admin)
    assert plan.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert storage.read(tenant.pk, plan.storage_name) == path.read_bytes()
    assert len([f for f in plan.features["features"] if f["properties"]["layer"] == "area"]) == areas

    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert f"Der Bebauungsplan „{name}“ wurde in das Planregister übernommen." in text
    assert f"<h1>Bebauungsplan {name}</h1>" in text
    assert len(table_rows(page.content, "plan-areas")) == areas
    listing = admin_client.get("/plaene/")
    assert listing.status_code == 200 and f'href="/plaene/{plan.pk}/">{name}</a>' in listing.content.decode()
    event = AuditEvent.objects.get(event=PlanEvent.PLAN_IMPORTED)
    assert (event.tenant, event.actor, event.subject_id) == (tenant, tenant_admin, str(plan.pk))
    assert event.after["sha256"] == plan.sha256 and event.after["areas"] == areas
    assert verify_tenant(tenant) == []


def test_the_detail_page_shows_the_plans_values(admin_client: Client, tenant_admin: User) -> None:
    admin_client.user_name = tenant_admin.display_name()  # type: ignore[attr-defined]
    plan_url = upload(admin_client, EIDELSTEDT)["Location"]
    page = admin_client.get(plan_url)
    shown = facts(page.content)
    assert shown["Name"] == "Eidelstedt 4" and shown["Gemeinde"] == "Hamburg (AGS 02000000)"
    assert (shown["Rechtsstand"], shown["In Kraft seit"]) == ("in Kraft getreten", "16.10.1973")
    assert shown["XPlanGML-Version"] == "4.1"
    assert shown["Koordinatensystem der Datei"] == "urn:adv:crs:ETRS89_UTM32 → EPSG:25832"
    assert shown["Inhalte"].startswith("4 Baugebietsteilflächen, 1 weitere Flächen für Gebäude, 9 überbaubare")
    assert shown["Geändert durch"] == "„Eidelstedt 4 (textliche Änderung)“ (Änderung)"
    assert shown["Übernommen"].endswith(f"Uhr, {admin_client.user_name}")  # type: ignore[attr-defined]
    rows = table_rows(page.content, "plan-areas")
    assert sorted({row[1] for row in rows}) == [
        "Fläche für den Gemeinbedarf (§ 9 Abs. 1 Nr. 5 BauGB)", "GE – Gewerbegebiet", "GI – Industriegebiet"
    ]
    gi = next(row for row in rows if row[1] == "GI – Industriegebiet")
    assert gi[0].endswith("GI") and gi[3] == "0,8"  # Nr. with abbreviation; GRZ in German notation
    assert "Höhe baulicher Anlagen 23 m (absolut über NHN (DHHN92))" in gi[7]
    assert any(row[4] == "2,4" and row[5] == "6" for row in rows), rows  # GFZ 2,4 and Z 6 of Eidelstedt 4


def test_the_detail_page_lists_values_set_for_buildable_areas(admin_client: Client) -> None:
    page = admin_client.get(upload(admin_client, BPLAN004)["Location"])
    areas = table_rows(page.content, "plan-areas")
    assert [(row[1], row[3], row[6]) for row in areas] == [
        ("WA – allgemeines Wohngebiet", "0,9", "geschlossene Bauweise"),
        ("WA – allgemeines Wohngebiet", "0,6", "geschlossene Bauweise"),
        ("Fläche mit besonderem Nutzungszweck (§ 9 Abs. 1 Nr. 9 BauGB) (Kiosk)", "1", "–"),
    ]
    buildable = table_rows(page.content, "plan-buildable")
    assert len(buildable) == 7
    assert buildable[0][4:] == ["7", "Gebäudehöhe 30 m (absolut über NHN (DHHN92))"]
    # each lies in one of the two Baugebietsteilflächen or in the Nutzungszweckfläche of the kiosk
    assert {row[0] for row in buildable} == {"1", "2", "3"}


def test_the_original_file_can_be_downloaded(admin_client: Client) -> None:
    plan_url = upload(admin_client, BPLAN004)["Location"]
    response = admin_client.get(plan_url + "xplan.gml")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == BPLAN004.read_bytes()
    assert response["Content-Disposition"].startswith('attachment; filename="xplan.gml"')
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_clerk_may_view_but_not_import(tenant: Any, clerk_client: Client) -> None:
    plan = import_plan(None, tenant, "xplan.gml", BPLAN004.read_bytes())
    listing = clerk_client.get("/plaene/")
    assert listing.status_code == 200
    assert plan.name in listing.content.decode() and 'name="file"' not in listing.content.decode()
    assert clerk_client.get(f"/plaene/{plan.pk}/").status_code == 200
    response = upload(clerk_client, EIDELSTEDT)
    assert response.status_code == 403
    assert Bebauungsplan.objects.count() == 1


def test_the_register_link_is_in_the_navigation_of_the_bauaufsicht(clerk_client: Client,
                                                                   admin_client: Client) -> None:
    for client in (clerk_client, admin_client):
        assert '<a href="/plaene/">Bebauungspläne</a>' in client.get("/bauaufsicht/").content.decode()


def test_another_kommune_sees_nothing(tenant: Any, other_tenant: Any) -> None:
    plan = import_plan(None, tenant, "xplan.gml", BPLAN004.read_bytes())
    for role in (Role.CLERK, Role.TENANT_ADMIN):
        client = login(Client(), UserFactory(tenant=other_tenant, role=role))
        assert client.get(f"/plaene/{plan.pk}/").status_code == 404
        assert client.get(f"/plaene/{plan.pk}/xplan.gml").status_code == 404
        listing = client.get("/plaene/")
        assert listing.status_code == 200 and plan.name not in listing.content.decode()


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.DESIGNER, Role.AGENCY])
def test_applicants_and_fachstellen_have_no_register(tenant: Any, role: Role) -> None:
    plan = import_plan(None, tenant, "xplan.gml", BPLAN004.read_bytes())
    client = login(Client(), UserFactory(tenant=tenant, role=role))
    assert client.get("/plaene/").status_code == 403
    assert client.get(f"/plaene/{plan.pk}/").status_code == 404
    assert upload(client, EIDELSTEDT).status_code == 403
    assert Bebauungsplan.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login() -> None:
    response = Client().get("/plaene/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")
