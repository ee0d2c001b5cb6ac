"""The whole loop as real people click it, in Debian's Chromium, with axe-core on every page.

Applicant: log in, create, upload PDFs, submit, see Aktenzeichen and pre-check. Clerk: log in with TOTP,
open the case from the queue, confirm one finding, override another, send a Nachforderung. Applicant:
upload the missing Bauvorlage, resubmit. Clerk: sees it marked as new, confirms completeness. Applicant:
sees "Vollständig". Set BAUANTRAG_SCREENSHOTS=1 to write screenshots to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from bauantrag.cases.models import Case, CaseState, Finding
from tests.factories import PASSWORD, UserFactory
from tests.files import minimal_pdf

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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# The applicant uploads all Bauvorlagen of a vereinfachtes Verfahren but the Baubeschreibung (1502).
FIRST_UPLOADS = ("1801", "1803", "2001", "2002", "2003", "2201", "0401")


class Accessibility:
    """Runs axe-core on each page and remembers what it checked."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.checked: list[str] = []

    def check(self, page: Page, label: str) -> None:
        results = self.axe.run(page, options=AXE_OPTIONS)
        self.checked.append(label)
        assert results.violations_count == 0, f"{label} ({page.url}):\n{results.generate_report()}"


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Inside Playwright's sync API the ORM runs in another context (greenlet) and opens its own
        # database connection; close it, or PostgreSQL refuses to drop the test database.
        connections.close_all()


def screenshot(page: Page, name: str) -> None:
    if os.environ.get("BAUANTRAG_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def log_in(page: Page, base: str, username: str, axe: Accessibility, who: str) -> None:
    page.goto(base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")
    axe.check(page, f"Anmeldung ({who})")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()


def upload(page: Page, path: Path, code: str) -> None:
    page.locator("#id_document_type").select_option(code)
    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Bauvorlage hochladen").click()


def fill_application(page: Page) -> None:
    values = {
        "bauherr_name": "Erika Mustermann", "street": "Lindenweg", "house_number": "12", "postal_code": "59423",
        "city": "Unna", "gemarkung": "Unna", "flur": "7", "flurstueck": "123/4", "parcel_area_m2": "612",
        "description": "Neubau eines freistehenden Einfamilienhauses mit Carport",
        "units": "1", "dwellings": "1", "storeys_full": "2", "storeys_above_ground": "2", "height_m": "3,10",
        "structure_height_m": "8,90", "wall_height_mean_m": "6,20", "gross_floor_area_m2": "186",
        "largest_unit_floor_area_m2": "98", "largest_storey_area_m2": "98", "floor_area_m2": "186",
        "gross_volume_m3": "720",
    }
    for name, value in values.items():
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_project_kind").select_option("neubau")
    page.locator("#id_use").select_option("wohngebaeude")
    page.locator("#id_procedure_requested").select_option("vereinfachtes_verfahren")
    page.locator("#id_planning_area").select_option("innenbereich_34")
    for name, yes in (("plan_conforming", True), ("access_secured", True), ("detached", True),
                      ("underground", False), ("has_aufenthaltsraum", True)):
        page.locator(f"#id_{name}_{0 if yes else 1}").check()


def test_full_loop(live_server: Any, browser: Browser, tmp_path: Path, tenant: Any) -> None:
    base = live_server.url
    axe = Accessibility()
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT, first_name="Erika", last_name="Mustermann")
    clerk = UserFactory(tenant=tenant, role=Role.CLERK, first_name="Stefan", last_name="Sachbearbeiter")
    files = {}
    for code in (*FIRST_UPLOADS, "1502"):
        files[code] = tmp_path / f"Bauvorlage-{code}.pdf"
        files[code].write_bytes(minimal_pdf(f"Bauvorlage {code}"))
    fake = tmp_path / "Lageplan-gefaelscht.pdf"
    fake.write_bytes(b"<html><body>kein PDF</body></html>")

    # --- Applicant: log in, create the application, upload, submit ---------------------------------
    a = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900}).new_page()
    log_in(a, base, applicant.username, axe, "Antragsteller/in")
    expect(a.get_by_role("heading", level=1)).to_have_text("Meine Bauanträge")
    axe.check(a, "Antragsliste (leer)")
    a.get_by_role("main").get_by_role("link", name="Neuen Antrag stellen").click()
    axe.check(a, "Antragsformular")
    fill_application(a)
    a.locator("#id_height_m").fill("-3,10")
    a.get_by_role("button", name="Entwurf speichern").click()
    expect(a.locator(".error-summary")).to_contain_text("Höhe nach § 2 Abs. 3 Satz 2 BauO NRW")
    axe.check(a, "Antragsformular mit Fehlern")
    a.locator(".error-summary a").first.click()
    expect(a.locator("#id_height_m")).to_be_focused()
    a.locator("#id_height_m").fill("3,10")
    a.get_by_role("button", name="Entwurf speichern").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Bauantrag – Entwurf")
    axe.check(a, "Antrag (Entwurf)")

    upload(a, fake, "1803")
    expect(a.locator(".error-summary")).to_contain_text("Dateiformat nicht zulässig")
    axe.check(a, "Antrag mit abgelehntem Upload")
    for code in FIRST_UPLOADS:
        upload(a, files[code], code)
        expect(a.locator(".message")).to_contain_text(f"Bauvorlage-{code}.pdf")
    a.get_by_role("button", name="Antrag einreichen").click()
    case = Case.objects.get(applicant=applicant)
    assert case.state == CaseState.SUBMITTED
    expect(a.get_by_role("heading", level=1)).to_have_text(f"Bauantrag {case.file_number}")
    expect(a.locator(".message")).to_contain_text(case.file_number)
    check = a.locator("section", has=a.get_by_role("heading", name="Ergebnis der automatischen Vorprüfung"))
    expect(check).to_contain_text("nicht erfüllt")
    expect(check).to_contain_text("Baubeschreibung")
    expect(check).to_contain_text("Rechtsgrundlage")
    axe.check(a, "Antrag eingereicht, mit Vorprüfung")
    a.get_by_role("link", name="Eingangsbestätigung anzeigen und drucken").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Eingangsbestätigung")
    expect(a.get_by_role("main")).to_contain_text(case.file_number)
    axe.check(a, "Eingangsbestätigung")

    # --- Clerk: log in with TOTP, open the case, review, send a Nachforderung ----------------------
    c = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    log_in(c, base, clerk.username, axe, "Sachbearbeitung")
    expect(c.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    axe.check(c, "Zweiter Faktor")
    c.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=clerk, confirmed=True))
    )
    c.get_by_role("button", name="Bestätigen").click()
    expect(c.get_by_role("heading", level=1)).to_have_text("Eingangskorb der Bauaufsicht")
    axe.check(c, "Eingangskorb")
    c.get_by_role("link", name=case.file_number).click()
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Vorgang {case.file_number}")
    axe.check(c, "Vorgang")

    findings = {f.rule: f for f in Finding.objects.filter(check_run__case=case)}
    confirmed = findings["baupruefvo.completeness.baubeschreibung"]
    overridden = next(f for f in findings.values() if f.status == "pass")
    item = c.locator(f"#befund-{confirmed.pk}")
    item.get_by_text("Befund bewerten").click()
    item.get_by_label("Befund bestätigen").check()
    item.get_by_role("button", name="Bewertung speichern").click()
    expect(c.locator(".message")).to_contain_text("Bewertung des Befunds wurde gespeichert")
    expect(c.locator(f"#befund-{confirmed.pk} .review")).to_contain_text("bestätigt")
    item = c.locator(f"#befund-{overridden.pk}")
    item.get_by_text("Befund bewerten").click()
    item.get_by_label("Abweichend bewerten").check()
    item.get_by_label("Abweichende Bewertung").select_option("needs_review")
    item.get_by_role("button", name="Bewertung speichern").click()
    expect(c.locator(".error-summary")).to_contain_text("Bitte begründen Sie die abweichende Bewertung.")
    axe.check(c, "Vorgang mit Fehler in der Bewertung")
    item = c.locator(f"#befund-{overridden.pk}")
    item.get_by_label("Abweichend bewerten").check()
    item.get_by_label("Abweichende Bewertung").select_option("needs_review")
    item.get_by_label("Begründung").fill("Angabe im Lageplan nicht nachvollziehbar, bitte vor Ort prüfen.")
    item.get_by_role("button", name="Bewertung speichern").click()
    expect(c.locator(f"#befund-{overridden.pk} .review")).to_contain_text("abweichend bewertet")
    expect(c.locator(f"#befund-{overridden.pk}")).to_contain_text(overridden.message)
    screenshot(c, "sachbearbeitung-vorgang.png")

    c.get_by_role("link", name="Nachforderung senden").click()
    expect(c.get_by_role("heading", level=1)).to_contain_text("Nachforderung zum Vorgang")
    axe.check(c, "Nachforderung")
    suggestions = c.locator("#id_suggested input[type=checkbox]")
    for i in range(suggestions.count()):
        box = suggestions.nth(i)
        if not box.evaluate("el => el.value").startswith(str(confirmed.pk)):
            box.uncheck()
    c.get_by_label("Ergänzender Hinweis im Schreiben (freiwillig)").fill("Bitte reichen Sie die Baubeschreibung nach.")
    c.get_by_role("button", name="Nachforderung senden").click()
    expect(c.locator(".message")).to_contain_text("Nachforderung wurde an die Bauherrschaft gesendet")
    expect(c.get_by_role("main")).to_contain_text("Nachforderung offen")

    # --- Applicant: answer the Nachforderung --------------------------------------------------------
    a.goto(f"{base}/antraege/{case.pk}/")
    notice = a.locator("section", has=a.get_by_role("heading", name="Nachforderung der Bauaufsicht"))
    expect(notice).to_contain_text("Bitte reichen Sie die Baubeschreibung nach.")
    expect(notice).to_contain_text("Baubeschreibung")
    axe.check(a, "Antrag mit offener Nachforderung")
    upload(a, files["1502"], "1502")
    expect(a.locator(".message")).to_contain_text("Bauvorlage-1502.pdf")
    a.get_by_role("button", name="Unterlagen erneut einreichen").click()
    expect(a.locator(".message")).to_contain_text("erneut eingereicht")
    expect(a.locator(".facts").first).to_contain_text("Eingegangen")

    # --- Clerk: sees the new document, confirms completeness ---------------------------------------
    c.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    second_round = c.get_by_role("table", name="Einreichungsrunde 2")
    expect(second_round).to_be_visible()
    new_row = second_round.get_by_role("row", name="Bauvorlage-1502.pdf")
    expect(new_row).to_contain_text("neu seit der Nachforderung")
    axe.check(c, "Vorgang nach erneuter Einreichung")
    c.get_by_role("button", name="Vollständigkeit bestätigen", exact=True).click()
    # First the open findings are named (issue 16); the confirmation is a second, explicit step.
    expect(c.get_by_role("heading", level=1)).to_contain_text("Vollständigkeit bestätigen – Vorgang")
    axe.check(c, "Vollständigkeit bestätigen: offene Befunde")
    c.get_by_role("button", name=re.compile(r"Vollständigkeit (jetzt )?bestätigen$")).click()
    expect(c.locator(".message")).to_contain_text("Vollständigkeit des Antrags wurde bestätigt")
    c.get_by_role("link", name="Protokoll des Vorgangs").click()
    expect(c.get_by_role("main")).to_contain_text("Vollständigkeit bestätigt")
    axe.check(c, "Protokoll")

    # --- Applicant: sees "Vollständig" --------------------------------------------------------------
    a.goto(f"{base}/antraege/{case.pk}/")
    expect(a.locator(".facts").first).to_contain_text("Vollständig")
    axe.check(a, "Antrag vollständig")
    screenshot(a, "antrag-status.png")
    a.goto(f"{base}/antraege/")
    expect(a.get_by_role("main")).to_contain_text(case.file_number)
    axe.check(a, "Antragsliste")
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE
    print(f"\naxe-core: 0 violations (WCAG 2.0/2.1 A+AA) on {len(axe.checked)} pages: {', '.join(axe.checked)}")
