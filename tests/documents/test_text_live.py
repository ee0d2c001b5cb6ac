"""The live progress in a real browser (Debian's Chromium): the status updates without a reload while the text
is read, is announced politely (role="status"), links to the text when done; axe-core finds no violation on the
case page, the text page and the clerk's search."""

from __future__ import annotations

import os
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect, sync_playwright

from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from bauantrag.cases import actions
from bauantrag.documents.models import Document, TextStatus
from bauantrag.documents.reading import read_document_text
from tests.documents.textfiles import store_unchecked, text_pdf
from tests.factories import PASSWORD, UserFactory, draft_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


def _log_in(page: Page, base: str, user: Any) -> None:
    page.goto(base + "/")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()


def _accessible(page: Page, label: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{label}:\n{results.generate_report()}"


def test_the_status_updates_live_while_the_text_is_read(live_server: Any, tenant: Any) -> None:
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT)
    case = draft_case(applicant)
    pages = ["<h1>Baubeschreibung</h1><p>Flurstück 123/4, Größe 612 m².</p>", "<p>Grenzabstand 3,00 m</p>"]
    document = store_unchecked(case, "Baubeschreibung.pdf", text_pdf(pages), "application/pdf")
    assert document.text_status == TextStatus.PENDING

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = chromium.new_context(locale="de-DE").new_page()
            _log_in(page, live_server.url, applicant)
            page.goto(f"{live_server.url}/antraege/{case.pk}/")
            status = page.locator(f'[data-text-status-url="/dokumente/{document.pk}/text-status/"]')
            expect(status).to_have_text("Text wird in Kürze gelesen")
            expect(status).to_have_attribute("role", "status")
            _accessible(page, "Antrag mit Bauvorlage, deren Text noch gelesen wird")

            Document.objects.filter(pk=document.pk).update(text_status=TextStatus.RUNNING, text_pages_total=2,
                                                           text_pages_done=1)
            expect(status).to_have_text("Text wird gelesen: Seite 2 von 2", timeout=10_000)

            Document.objects.filter(pk=document.pk).update(text_status=TextStatus.PENDING, text_pages_total=None,
                                                           text_pages_done=0)
            assert read_document_text(document.pk) == TextStatus.DONE
            cell = page.locator("small.text-status").first
            expect(cell).to_contain_text("Text gelesen (2 Seiten)", timeout=10_000)
            cell.get_by_role("link", name="Text anzeigen").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Text der Bauvorlage „Baubeschreibung.pdf“")
            expect(page.locator("#seite-1")).to_contain_text("Flurstück 123/4")
            _accessible(page, "Text der Bauvorlage")

            actions.submit(applicant, case)
            clerk = UserFactory(tenant=tenant, role=Role.CLERK)
            clerk_page = chromium.new_context(locale="de-DE").new_page()
            _log_in(clerk_page, live_server.url, clerk)
            clerk_page.get_by_label("Einmalcode aus der Authenticator-App").fill(
                current_code(TOTPDevice.objects.get(user=clerk, confirmed=True)))
            clerk_page.get_by_role("button", name="Bestätigen").click()
            expect(clerk_page.get_by_role("heading", level=1)).to_have_text("Eingangskorb der Bauaufsicht")
            clerk_page.goto(f"{live_server.url}/bauaufsicht/vorgaenge/{case.pk}/")
            _accessible(clerk_page, "Vorgang mit Volltextsuche")
            clerk_page.get_by_label("Suchbegriff").fill("Grenzabstand")
            clerk_page.get_by_role("button", name="Suchen").click()
            expect(clerk_page.locator("mark")).to_have_text("Grenzabstand")
            _accessible(clerk_page, "Suchergebnis")
        finally:
            chromium.close()
            connections.close_all()
