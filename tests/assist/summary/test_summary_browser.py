"""In Debian's Chromium with axe-core: the tenant administrator switches the language model on, the clerk reads
the summary panel with its drafts, asks the model (the test's OpenAI-compatible server) and gets its suggestion."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from bauantrag.accounts.models import Role, User
from bauantrag.accounts.totp import current_code
from tests.assist.summary.conftest import FakeLlm
from tests.browser.test_full_loop import AXE_OPTIONS, Accessibility, browser, log_in
from tests.factories import UserFactory, add_documents, clerk_for, draft_case, run_actions_now
from tests.planning_flow.helpers import DOCUMENTS, VIOLATING, import_blankenese, site_of, vorhaben_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["browser"]  # the fixture, used by name


def staff_page(browser: Browser, base: str, user: User, axe: Accessibility, who: str) -> Page:
    page = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, base, user.username, axe, who)
    page.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=user, confirmed=True))
    )
    page.get_by_role("button", name="Bestätigen").click()
    return page


def test_admin_switches_on_and_clerk_gets_summary_drafts_and_suggestion(
    live_server: Any, browser: Browser, tenant: Any, fake_llm: FakeLlm, llm_allowed: None
) -> None:
    import_blankenese(tenant)
    applicant = UserFactory(tenant=tenant)
    case = draft_case(applicant, **vorhaben_of(VIOLATING))
    from bauantrag.cases import actions
    from bauantrag.cases.models import Vorhaben

    Vorhaben.objects.filter(case=case).update(site=site_of(VIOLATING))
    add_documents(case, DOCUMENTS[:3])
    with run_actions_now():
        actions.submit(applicant, case)
    case.refresh_from_db()
    axe = Accessibility()

    admin = staff_page(browser, live_server.url, UserFactory(tenant=tenant, role=Role.TENANT_ADMIN), axe, "Admin")
    admin.get_by_role("link", name="Sprachmodell").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Sprachmodell der Kommune")
    admin.get_by_label("Zusammenfassungen mit dem Sprachmodell anbieten").check()
    admin.get_by_label("Adresse des Sprachmodell-Servers").fill("http://169.254.169.254")
    admin.get_by_label("Name des Modells").fill("llama3.1:8b")
    admin.get_by_role("button", name="Einstellungen speichern").click()
    expect(admin.get_by_role("alert")).to_contain_text("nicht erlaubt")
    axe.check(admin, "Sprachmodell mit Fehler")
    admin.get_by_label("Adresse des Sprachmodell-Servers").fill(fake_llm.url)
    admin.get_by_label("API-Schlüssel").fill("sk-browser")
    admin.get_by_role("button", name="Einstellungen speichern").click()
    expect(admin.locator(".message")).to_contain_text("Einstellungen des Sprachmodells wurden gespeichert")
    expect(admin.get_by_role("main")).to_contain_text("API-Schlüssel: gesetzt")
    assert "sk-browser" not in admin.content()
    axe.check(admin, "Sprachmodell gespeichert")

    clerk = staff_page(browser, live_server.url, clerk_for(tenant), axe, "Sachbearbeitung")
    clerk.goto(f"{live_server.url}/bauaufsicht/vorgaenge/{case.pk}/")
    panel = clerk.get_by_role("region", name="Zusammenfassung")
    expect(panel).to_contain_text("Nicht erfüllt: Nachweis der Bauvorlageberechtigung")
    expect(panel).to_contain_text("Quelle: Vorprüfung Runde 1, Befund baunvo.19.grz")
    panel.get_by_text("Entwurf: Anhörung vor Ablehnung (§ 28 VwVfG NRW)").click()
    expect(panel.get_by_label("Text des Entwurfs").nth(1)).to_be_visible()
    results = axe.axe.run(clerk, context="#zusammenfassung", options=AXE_OPTIONS)  # only this panel's part
    assert results.violations_count == 0, results.generate_report()
    panel.get_by_role("button", name="Zusammenfassung mit Sprachmodell erstellen").click()
    heading = clerk.get_by_role("heading", level=2, name="Vorschlag eines Sprachmodells")
    expect(heading).to_contain_text(f"Modell llama3.1:8b, Kommune-Server 127.0.0.1:{fake_llm.port}")
    expect(clerk.get_by_role("main")).to_contain_text("Neubau eines Einfamilienhauses in Unna [F3]")
    axe.check(clerk, "Zusammenfassung mit Vorschlag des Sprachmodells")
    [request] = fake_llm.received
    assert case.file_number in request.prompt and json.loads(request.body)["model"] == "llama3.1:8b"
