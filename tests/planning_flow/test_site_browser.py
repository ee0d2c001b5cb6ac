"""In Debian's Chromium with axe-core: the applicant's „Lage und Gebäudegrundriss“ page with its preview, and
the clerk's case view with the Lageplan map of a checked, violating application."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, expect

from bauantrag.accounts.totp import current_code
from tests.browser.test_full_loop import Accessibility, browser, log_in
from tests.factories import UserFactory, add_documents, clerk_for, draft_case, run_actions_now
from tests.planning_flow.helpers import DOCUMENTS, VIOLATING, import_blankenese, site_of, vorhaben_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["browser"]  # the fixture, used by name


def test_site_page_and_clerk_map_are_accessible(live_server: Any, browser: Browser, tenant: Any) -> None:
    import_blankenese(tenant)
    applicant = UserFactory(tenant=tenant)
    case = draft_case(applicant, **vorhaben_of(VIOLATING))
    axe = Accessibility()
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, applicant.username, axe, "Antragsteller/in")
    page.goto(f"{live_server.url}/antraege/{case.pk}/lage/")
    page.get_by_label("Lageplan-Geometrie als JSON").fill("{kaputt")
    page.get_by_role("button", name="Geometrie speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Ungültiges JSON")
    axe.check(page, "Lage mit Fehler")
    page.get_by_label("Lageplan-Geometrie als JSON").fill(json.dumps(site_of(VIOLATING)))
    page.get_by_role("button", name="Geometrie speichern").click()
    expect(page.get_by_role("img", name="Lageplan des Vorhabens")).to_be_visible()
    axe.check(page, "Lage mit Vorschau")

    add_documents(case, DOCUMENTS)
    from bauantrag.cases import actions

    with run_actions_now():
        actions.submit(applicant, case)
    clerk = clerk_for(tenant)
    staff = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    log_in(staff, live_server.url, clerk.username, axe, "Sachbearbeitung")
    staff.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=clerk, confirmed=True))
    )
    staff.get_by_role("button", name="Bestätigen").click()
    staff.goto(f"{live_server.url}/bauaufsicht/vorgaenge/{case.pk}/")
    site_map = staff.get_by_role("img", name="Lageplan des Vorhabens")
    expect(site_map).to_be_visible()
    assert site_map.bounding_box()["height"] > 300  # type: ignore[index]
    expect(staff.locator("ul.map-problems li")).to_have_count(3)
    axe.check(staff, "Vorgang mit Lageplan")
