"""The Content-Security-Policy holds in a real browser: the main pages of every role run with no violation.

Chromium reports each blocked inline script or style, foreign source and framing on the console and as a
`securitypolicyviolation` event; both are collected on every page (the applicant's, the clerk's with the PDF viewer
frame, the Kommune's administration, the operator's admin, the error pages) and must stay empty."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role
from bauantrag.cases.models import Finding
from tests.browser.test_lifecycle_decision import account, staff_login
from tests.factories import draft_case, submitted_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser

WATCH = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + " " + e.blockedURI);
});"""


class Watched:
    def __init__(self, browser: Browser) -> None:
        context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
        context.add_init_script(WATCH)
        self.page: Page = context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda message: self.console.append(message.text))
        self.violations: list[str] = []
        self.visited: list[str] = []

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status < 500, (url, response and response.status)
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), url
        self.page.wait_for_load_state("networkidle")
        self.collect(url)

    def collect(self, url: str) -> None:
        self.visited.append(url)
        self.violations += [f"{url}: {v}" for v in self.page.evaluate("window.__cspViolations || []")]
        self.violations += [f"{url}: {text}" for text in self.console if "Content Security Policy" in text]
        self.console.clear()


def test_main_pages_run_without_a_csp_violation(live_server: Any, browser: Browser, tenant: Any) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    tenant.map_wms_url = "https://www.wms.nrw.de/geobasis/wms_nw_dop"
    tenant.map_wms_layers = "nw_dop_rgb"
    tenant.map_wms_attribution = "© Geobasis NRW"
    tenant.save()
    applicant = account(tenant, Role.APPLICANT)
    case = submitted_case(applicant)
    draft = draft_case(applicant)
    document = case.documents.first()
    finding = Finding.objects.filter(check_run__case=case).first()
    letter = case.letters.first()
    assert document is not None and finding is not None and letter is not None

    a = Watched(browser)
    a.visit(base + "/")
    loop.log_in(a.page, base, applicant.username, axe, "Antragsteller/in")
    a.collect("login")
    a.visit(f"{base}/antraege/{draft.pk}/lage/")
    assert a.page.locator(".leaflet-container").count() == 1  # the drawing map ran (Leaflet, Geoman, our script)
    for path in ("/antraege/", "/antraege/neu/", f"/antraege/{case.pk}/", f"/antraege/{case.pk}/lage/",
                 f"/antraege/{case.pk}/eingangsbestaetigung/", f"/post/vorgang/{case.pk}/", "/regelwerk/",
                 f"/dokumente/{document.pk}/text/", "/gibt-es-nicht/"):
        a.visit(base + path)

    admin = account(tenant, Role.TENANT_ADMIN)
    c = Watched(browser)
    staff_login(c.page, base, admin, axe, "Administration")
    c.collect("2fa")
    for path in ("/bauaufsicht/", f"/bauaufsicht/vorgaenge/{case.pk}/", f"/bauaufsicht/vorgaenge/{case.pk}/protokoll/",
                 f"/bauaufsicht/vorgaenge/{case.pk}/nachforderung/", f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/",
                 f"/dokumente/vorgang/{case.pk}/suche/?q=Haus", f"/post/schreiben/{letter.pk}/", "/post/vorlagen/",
                 "/post/vorlagen/nachforderung/", "/post/textbausteine/", "/post/briefkopf/", "/plaene/",
                 "/flurstuecke/", "/statistik/", "/gebuehren/", "/gebuehren/tarif/", f"/gebuehren/vorgaenge/{case.pk}/",
                 "/beteiligung/fachstellen/", "/kommune/archiv/", "/kommune/karte/", "/kommune/schnittstelle/"):
        c.visit(base + path)
    c.page.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    c.page.wait_for_load_state("networkidle")
    assert any(frame.url.endswith("/ansicht/") for frame in c.page.frames)  # the PDF viewer frame was allowed
    c.collect("PDF-Betrachter")
    c.page.goto(base + "/kommune/schnittstelle/")
    c.page.get_by_label("Bezeichnung").fill("Fachverfahren")
    c.page.get_by_role("button", name="Zugang anlegen").click()
    assert c.page.locator("#issued-token").inner_text().startswith("bau_")
    c.collect("API-Zugang angelegt")

    operator = account(None, Role.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    o = Watched(browser)
    staff_login(o.page, base, operator, axe, "Betrieb")
    o.collect("2fa")
    for path in ("/verwaltung/", "/verwaltung/accounts/tenant/", f"/verwaltung/accounts/tenant/{tenant.pk}/change/",
                 "/verwaltung/accounts/user/", f"/verwaltung/accounts/user/{applicant.pk}/change/",
                 "/verwaltung/accounts/user/add/", "/verwaltung/otp_totp/totpdevice/"):
        o.visit(base + path)

    visited = len(a.visited) + len(c.visited) + len(o.visited)
    assert visited >= 40
    assert not (a.violations + c.violations + o.violations), "\n".join(a.violations + c.violations + o.violations)
