"""The plan register in Debian's Chromium, with axe-core on each page: a tenant administrator imports a broken
file and then a real plan through the form, and reads the plan's page with its map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, expect

from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from tests.browser.test_full_loop import Accessibility, browser, log_in
from tests.factories import UserFactory
from tests.plans.conftest import BLANKENESE, HAFENCITY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["browser"]  # the fixture, used by name


def test_an_administrator_imports_a_plan_and_reads_its_map(
    live_server: Any, browser: Browser, tenant: Any, tmp_path: Path
) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    axe = Accessibility()
    page = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server.url, admin.username, axe, "Administration")
    page.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=admin, confirmed=True))
    )
    page.get_by_role("button", name="Bestätigen").click()
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Bebauungspläne").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planregister: Bebauungspläne")
    axe.check(page, "Planregister (leer)")

    broken = tmp_path / "kaputt.gml"
    broken.write_bytes(HAFENCITY.read_bytes()[:5000])
    page.get_by_label("XPlanGML-Datei").set_input_files(str(broken))
    page.get_by_role("button", name="Plan übernehmen").click()
    expect(page.get_by_role("alert")).to_contain_text("Die Datei ist kein lesbarer XPlanGML-Plan. Zeile ")
    axe.check(page, "Planregister mit abgelehnter Datei")

    page.get_by_label("XPlanGML-Datei").set_input_files(str(BLANKENESE))
    page.get_by_role("button", name="Plan übernehmen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bebauungsplan Blankenese29_Testplan_60")
    plan_map = page.get_by_role("img", name="Karte des Bebauungsplans Blankenese29_Testplan_60")
    expect(plan_map).to_be_visible()
    assert plan_map.bounding_box()["height"] > 300  # type: ignore[index]
    expect(page.locator("table.plan-areas tbody tr")).to_have_count(43)  # 42 Baugebietsteilflächen, 1 Gemeinbedarf
    axe.check(page, "Bebauungsplan mit Karte")

    page.get_by_role("link", name="Zurück zum Planregister").click()
    expect(page.get_by_role("link", name="Blankenese29_Testplan_60")).to_be_visible()
    axe.check(page, "Planregister mit einem Plan")
