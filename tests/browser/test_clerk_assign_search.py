"""A clerk's morning in Debian's Chromium, with axe-core (WCAG 2.1 AA) on each page: finds a case by its Flurstück
in the queue's search, opens it, takes it ("Mir zuweisen") and finds it under "Mir zugewiesen" (issue 16)."""

from __future__ import annotations

import os
from typing import Any, cast

import pytest
from playwright.sync_api import Browser, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role, User
from bauantrag.cases.models import Case
from tests.browser.test_lifecycle_decision import staff_login
from tests.factories import UserFactory, submitted_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser


def test_a_clerk_finds_a_case_by_flurstueck_and_takes_it(live_server: Any, browser: Browser, tenant: Any) -> None:
    base, axe = live_server.url, loop.Accessibility()
    applicant = cast(User, UserFactory(tenant=tenant, role=Role.APPLICANT))  # type: ignore[no-untyped-call]
    clerk = cast(User, UserFactory(tenant=tenant, role=Role.CLERK,  # type: ignore[no-untyped-call]
                                   first_name="Stefan", last_name="Sachbearbeiter"))
    wanted = submitted_case(applicant, letters=False, flur="3", flurstueck="45/6")
    submitted_case(applicant, letters=False)  # Lindenweg, Flur 7, Flurstück 123/4: not found

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    staff_login(page, base, clerk, axe, "Sachbearbeitung")
    page.goto(base + "/bauaufsicht/")
    axe.check(page, "Eingangskorb")
    page.get_by_label("Suche nach Aktenzeichen, Adresse, Flurstück oder Name").fill("Flur 3 Flurstück 45/6")
    page.get_by_role("button", name="Liste aktualisieren").click()
    expect(page.get_by_role("status")).to_contain_text("1 Vorgang zu „Flur 3 Flurstück 45/6“ gefunden")
    axe.check(page, "Eingangskorb, Suche")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("nicht zugewiesen")
    page.get_by_role("link", name=wanted.file_number).click()
    axe.check(page, "Vorgang")
    page.get_by_role("button", name="Mir zuweisen").click()
    expect(page.get_by_text("Zuständig ist jetzt: Stefan Sachbearbeiter.")).to_be_visible()
    expect(page.get_by_role("button", name="Mir zuweisen")).to_have_count(0)
    assert Case.objects.get(pk=wanted.pk).assignee_id == clerk.pk

    page.get_by_role("link", name="Zurück zum Eingangskorb").click()
    page.get_by_role("link", name="Mir zugewiesen").click()
    expect(page.get_by_role("link", name="Mir zugewiesen")).to_have_attribute("aria-current", "page")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr").first).to_contain_text("Stefan Sachbearbeiter")
    axe.check(page, "Eingangskorb, mir zugewiesen")
    page.get_by_role("link", name="Nicht zugewiesen").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr").first).not_to_contain_text(wanted.file_number)
