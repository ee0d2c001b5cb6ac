"""``/regelwerk/`` in Debian's Chromium: axe-core (WCAG 2.1 A/AA) finds no violation, anonymous visitor."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from playwright.sync_api import Browser, expect, sync_playwright

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        connections.close_all()


def test_der_regelkatalog_ist_ohne_anmeldung_erreichbar_und_barrierefrei(live_server: Any, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(live_server.url + "/konto/anmelden/")
    page.get_by_role("link", name="Was wird geprüft? (Regelkatalog)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regelkatalog: Was die automatische Vorprüfung prüft")
    page.get_by_role("link", name="Abstandsflächen").click()
    expect(page.locator("#regel-bauo-nrw-6-abstandsflaechen")).to_be_in_viewport()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
