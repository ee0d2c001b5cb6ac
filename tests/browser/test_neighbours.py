"""The clerk records a neighbour in the browser, judges their interests affected and drafts the Benachrichtigung;
the neighbours page, the case page section and the letter editor pass axe-core."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role
from bauantrag.correspondence.models import Letterhead, LetterKind
from bauantrag.neighbours.models import Affected, Neighbour
from tests.browser.test_lifecycle_decision import account, staff_login
from tests.factories import complete_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser


def test_the_clerk_records_a_neighbour_and_drafts_the_notification(
    live_server: Any, browser: Browser, tenant: Any,
) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    Letterhead.objects.create(tenant=tenant, street="Rathausplatz 1", postal_code="59423", city="Musterstadt",
                              court_name="Verwaltungsgericht Arnsberg")
    case = complete_case(account(tenant, Role.APPLICANT))
    clerk = account(tenant, Role.CLERK)

    page = browser.new_page()
    staff_login(page, base, clerk, axe, "Sachbearbeitung")
    page.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    expect(page.get_by_role("heading", name="Nachbarn und Öffentlichkeit (§ 72 BauO NRW)")).to_be_visible()
    page.get_by_role("link", name="Nachbarbeteiligung bearbeiten").click()
    axe.check(page, "Nachbarbeteiligung")

    form = page.locator("form:has(input[value=add])")
    form.get_by_label("Name").fill("Petra Nachbar")
    form.get_by_label("Anrede").select_option("frau")
    form.get_by_label("Straße und Hausnummer").fill("Lindenweg 14")
    form.get_by_label("Postleitzahl").fill("59423")
    form.get_by_label("Ort").fill("Unna")
    form.get_by_label("Flurstück").fill("Gemarkung Unna, Flur 7, Flurstück 124")
    form.get_by_role("button", name="Erfassen").click()
    expect(page.locator(".messages")).to_contain_text("Die Nachbarin / der Nachbar ist erfasst.")
    expect(page.get_by_role("main")).to_contain_text("Einschätzung offen: Belange berührt? (zu prüfen)")

    page.get_by_text("Angaben und Einschätzung").click()
    page.get_by_label("Öffentlich-rechtlich geschützte Belange berührt?").select_option(Affected.YES)
    page.get_by_label("Begründung").fill("Abweichung von der Abstandsfläche zur Westgrenze")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("main")).to_contain_text("zu benachrichtigen – Benachrichtigung noch nicht entworfen")
    axe.check(page, "Nachbarbeteiligung mit Nachbarin")

    page.get_by_label("Beantragte Abweichungen und Befreiungen (steht in der Benachrichtigung)").fill(
        "Abweichung von der Tiefe der Abstandsfläche an der Westseite (§ 6 Abs. 5 BauO NRW)")
    page.get_by_role("button", name="Benachrichtigung entwerfen").click()
    expect(page.get_by_role("main")).to_contain_text("Sehr geehrte Frau Nachbar,")
    expect(page.get_by_role("main")).to_contain_text("Petra Nachbar, Lindenweg 14, 59423 Unna")
    axe.check(page, "Benachrichtigung (Entwurf)")
    page.close()

    neighbour = Neighbour.objects.get(case=case)
    assert neighbour.notification_letter is not None
    assert neighbour.notification_letter.kind == LetterKind.NACHBAR_BENACHRICHTIGUNG
    assert axe.checked == ["Anmeldung (Sachbearbeitung)", "Nachbarbeteiligung", "Nachbarbeteiligung mit Nachbarin",
                           "Benachrichtigung (Entwurf)"]
