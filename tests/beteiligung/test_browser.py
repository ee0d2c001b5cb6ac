"""The Beteiligung as people click it, in Debian's Chromium, with axe-core (WCAG 2.1 AA) on every page: the clerk
asks the Brandschutzdienststelle from the case page, its member answers with two Nebenbestimmungen (one of them in
a row added with "weitere"), the clerk sees the result in the case."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.totp import current_code
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser  # the fixture: Debian's Chromium through Playwright


def staff_login(page: Page, base: str, user: Any, axe: loop.Accessibility, who: str) -> None:
    loop.log_in(page, base, user.username, axe, who)
    page.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=user, confirmed=True))
    )
    page.get_by_role("button", name="Bestätigen").click()


def test_beteiligung_in_the_browser(live_server: Any, browser: Browser, kommune: Any) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    case = kommune.case

    c = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(c, base, kommune.clerk, axe, "Sachbearbeitung")
    c.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    panel = c.locator("section", has=c.get_by_role("heading", name="Beteiligung der Fachstellen"))
    expect(panel).to_contain_text("Noch keine Fachstelle beteiligt.")
    panel.get_by_text("Weitere Fachstelle beteiligen").click()
    axe.check(c, "Vorgang mit Beteiligungsformular")
    panel.get_by_label("Fachstelle", exact=True).select_option(str(kommune.brandschutz.pk))
    panel.get_by_label("vorlage-1803.pdf").check()
    panel.get_by_label("vorlage-0401.pdf").check()
    panel.get_by_role("button", name="Fachstelle um Stellungnahme bitten").click()
    expect(c.locator(".message")).to_contain_text("Brandschutzdienststelle")
    beteiligung = Beteiligung.objects.get(case=case)

    a = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(a, base, kommune.brandschutz_member, axe, "Fachstelle")
    a.get_by_role("navigation").get_by_role("link", name="Beteiligungen").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Beteiligungen")
    axe.check(a, "Beteiligungen der Fachstelle")
    a.get_by_role("link", name=case.file_number).click()
    expect(a.get_by_role("heading", level=1)).to_have_text(f"Beteiligung zum Vorgang {case.file_number}")
    expect(a.get_by_role("table", name="Bauvorlagen, die die Bauaufsicht für diese Beteiligung freigegeben hat")
           ).to_contain_text("vorlage-0401.pdf")
    axe.check(a, "Beteiligung (Fachstelle)")
    a.get_by_label("Zustimmung mit Nebenbestimmungen").check()
    a.get_by_role("button", name="Stellungnahme abgeben").click()
    expect(a.locator(".error-summary")).to_contain_text("Bitte nennen Sie mindestens eine Nebenbestimmung.")
    axe.check(a, "Stellungnahme mit Fehlern")
    a.locator("#id_nb-0-text").fill("Rauchwarnmelder in allen Aufenthaltsräumen")
    a.locator("#id_nb-0-legal_basis").fill("§ 47 Abs. 3 BauO NRW")
    a.get_by_role("button", name="Weitere Nebenbestimmungen (3 Zeilen mehr)").click()
    expect(a.locator("#id_nb-5-text")).to_be_visible()
    expect(a.locator("#id_nb-0-text")).to_have_value("Rauchwarnmelder in allen Aufenthaltsräumen")
    a.locator("#id_nb-5-text").fill("Feuerwehrzufahrt freihalten")
    a.get_by_role("button", name="Stellungnahme abgeben").click()
    expect(a.locator(".message")).to_contain_text("Ihre Stellungnahme wurde an die Bauaufsicht übermittelt.")
    axe.check(a, "Beteiligung beantwortet")
    loop.screenshot(a, "beteiligung-fachstelle.png")
    beteiligung.refresh_from_db()
    assert beteiligung.status == BeteiligungStatus.ANSWERED
    assert [row["text"] for row in beteiligung.stellungnahme.conditions] == [
        "Rauchwarnmelder in allen Aufenthaltsräumen", "Feuerwehrzufahrt freihalten"]

    c.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    expect(panel).to_contain_text("1 von 1 Stellungnahme eingegangen, 1 mit Nebenbestimmungen")
    expect(panel).to_contain_text("Feuerwehrzufahrt freihalten")
    axe.check(c, "Vorgang mit Ergebnis der Beteiligung")
    c.locator("#beteiligung-h").scroll_into_view_if_needed()
    loop.screenshot(c, "beteiligung-vorgang.png")
    c.goto(f"{base}/beteiligung/")
    axe.check(c, "Beteiligungen (Sachbearbeitung)")
    c.goto(f"{base}/beteiligung/fachstellen/")
    axe.check(c, "Verzeichnis der Fachstellen (lesend)")

    admin = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(admin, base, kommune.admin, axe, "Administration")
    admin.get_by_role("navigation").get_by_role("link", name="Fachstellen").click()
    admin.get_by_role("link", name="Brandschutzdienststelle").click()
    axe.check(admin, "Fachstelle bearbeiten")
    admin.get_by_label("Bezeichnung").fill("")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.locator(".error-summary")).to_be_visible()
    axe.check(admin, "Fachstelle mit Fehlern")
