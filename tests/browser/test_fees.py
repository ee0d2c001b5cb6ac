"""The fee as people click it in Debian's Chromium, with axe-core (WCAG 2.1 AA) on every page of the fee module.

The Kommune's administration enters its tariff (figures of a TEST Kommune, not law: 6 Tausendstel, minimum 50 €,
Rohbauwert Wohngebäude 172 €/m³); the clerk opens the case, sees the calculation line by line (720 m³ × 172 €/m³ =
123.840,00 €; 6 Tausendstel = 743,04 €), fixes it with a Kassenzeichen and downloads the CSV for the cash system.
Set BAUANTRAG_SCREENSHOTS=1 to write screenshots to docs/screenshots/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role
from tests.browser.test_lifecycle_decision import account, staff_login
from tests.factories import submitted_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser


def new_page(browser: Browser) -> Page:
    return browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()


def enter_rate(page: Page, purpose: str, tarifstelle: str, label: str, kind: str, value: str) -> None:
    page.get_by_role("link", name="Neuer Gebührensatz").click()
    page.get_by_label("Wofür").select_option(purpose)
    page.get_by_label("Tarifstelle").fill(tarifstelle)
    page.get_by_label("Bezeichnung").fill(label)
    page.get_by_label("Art des Satzes").select_option(kind)
    page.get_by_label("Wert").fill(value)
    page.get_by_label("Gültig ab").fill("2026-01-01")
    page.get_by_label("Quelle").fill("Gebührensatzung der Testkommune")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebührentarif der Bauaufsicht")


def test_the_kommune_enters_its_tariff_and_the_clerk_fixes_the_fee(live_server: Any, browser: Browser,
                                                                    tenant: Any) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    admin = account(tenant, Role.TENANT_ADMIN, first_name="Paul", last_name="Verwalter")
    clerk = account(tenant, Role.CLERK, first_name="Stefan", last_name="Sachbearbeiter")
    case = submitted_case(account(tenant, Role.APPLICANT))

    a = new_page(browser)
    staff_login(a, base, admin, axe, "Administration")
    a.get_by_role("link", name="Gebührentarif").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Gebührentarif der Bauaufsicht")
    axe.check(a, "Gebührentarif (leer)")
    enter_rate(a, "vereinfachtes_verfahren", "3.1.4.2", "Vereinfachtes Verfahren", "promille", "6")
    a.get_by_role("link", name="Neuer Gebührensatz").click()
    axe.check(a, "Neuer Gebührensatz")
    a.go_back()
    enter_rate(a, "mindestgebuehr", "3.1.4", "Mindestgebühr", "fest", "50,00")
    a.get_by_role("link", name="Neuer Rohbauwert").click()
    a.get_by_label("Gebäudeart (Anhang 1)").select_option("1")
    a.get_by_label("Rohbauwert (Euro je m³ Brutto-Rauminhalt)").fill("172,00")
    a.get_by_label("Gültig ab").fill("2026-01-01")
    a.get_by_label("Quelle").fill("Rohbauwerte der Testkommune 2026")
    a.get_by_role("button", name="Speichern").click()
    expect(a.locator("main")).to_contain_text("Nr. 1 Wohngebäude")
    loop.screenshot(a, "gebuehrentarif.png")

    c = new_page(browser)
    staff_login(c, base, clerk, axe, "Sachbearbeitung")
    c.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    expect(c.locator("#gebuehr-h")).to_have_text("Gebühr")
    expect(c.locator("section", has=c.locator("#gebuehr-h"))).to_contain_text("743,04 €")
    c.get_by_role("link", name="Berechnung und Festsetzung der Gebühr").click()
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Gebühr zum Vorgang {case.file_number}")
    expect(c.locator("main")).to_contain_text("Brutto-Rauminhalt 720 m³ × Rohbauwert 172,00 €/m³")
    expect(c.locator("main")).to_contain_text("6 Tausendstel der Rohbausumme von 123.840,00 €")
    axe.check(c, "Gebühr des Vorgangs")
    loop.screenshot(c, "gebuehr-berechnung.png")
    c.get_by_role("button", name="Gebühr festsetzen und Kassenzeichen vergeben").click()
    expect(c.locator(".messages")).to_contain_text("Die Gebühr ist festgesetzt, Kassenzeichen BA-")
    axe.check(c, "Festgesetzte Gebühr")
    c.get_by_role("link", name="Gebühren", exact=True).click()
    expect(c.get_by_role("heading", level=1)).to_have_text("Festgesetzte Gebühren")
    axe.check(c, "Festgesetzte Gebühren")
    with c.expect_download() as download:
        c.get_by_role("button", name="Als CSV für das Kassenverfahren herunterladen").click()
    content = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert case.file_number in content and '"743,04"' in content
    assert len(axe.checked) >= 7
