"""The Kommune's administrator changes the text of a letter in the browser, previews it on a real case and saves
it; the next letter of that kind is written from the new version and records it (axe-core on every page)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role
from bauantrag.correspondence.models import Letter, Letterhead, LetterKind, LetterTemplate
from tests.browser.test_lifecycle_decision import account, pdf_text, staff_login
from tests.correspondence.conftest import stored_pdf
from tests.factories import submitted_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser

NEW_SENTENCE = "Ihre Unterlagen liegen jetzt bei Frau Schreiber, Zimmer 204."


def test_the_kommune_changes_a_template_and_the_next_letter_uses_it(
    live_server: Any, browser: Browser, tenant: Any,
) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    Letterhead.objects.create(tenant=tenant, street="Rathausplatz 1", postal_code="59423", city="Musterstadt",
                              court_name="Verwaltungsgericht Arnsberg")
    applicant = account(tenant, Role.APPLICANT)
    earlier = submitted_case(applicant, bauherr_anrede="frau")
    admin = account(tenant, Role.TENANT_ADMIN)

    page = browser.new_page()
    staff_login(page, base, admin, axe, "Verwaltung")
    page.get_by_role("link", name="Vorlagen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vorlagen der Schreiben")
    axe.check(page, "Vorlagen")
    page.get_by_role("link", name="„Eingangsbestätigung“ bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vorlage: Eingangsbestätigung")
    axe.check(page, "Vorlage bearbeiten")
    body = page.get_by_label("Text des Schreibens")
    text = body.input_value()
    assert text.startswith("Bauvorhaben: {{ vorhaben }}") and "Mit freundlichen Grüßen" in text
    body.fill(text.replace("Mit freundlichen Grüßen", NEW_SENTENCE + "\n\nMit freundlichen Grüßen"))
    page.get_by_label("Vorschau mit dem Vorgang").select_option(str(earlier.pk))
    page.get_by_role("button", name="Vorschau").click()
    preview = page.get_by_test_id("vorschau")
    expect(preview).to_contain_text(NEW_SENTENCE)
    expect(preview).to_contain_text("Sehr geehrte Frau Mustermann,")
    expect(page.get_by_role("main")).to_contain_text(f"Eingangsbestätigung – Ihr Bauantrag, Aktenzeichen "
                                                     f"{earlier.file_number}")
    axe.check(page, "Vorschau")
    assert not LetterTemplate.objects.exists()  # the preview saved nothing
    page.get_by_label("Änderungsvermerk").fill("Zimmer der Sachbearbeitung genannt")
    page.get_by_role("button", name="Als neue Fassung speichern").click()
    expect(page.locator(".message")).to_contain_text("Fassung 1 gespeichert")
    expect(page.get_by_role("main")).to_contain_text("Zimmer der Sachbearbeitung genannt")
    page.close()

    later = submitted_case(applicant, bauherr_anrede="frau", street="Ahornweg")
    letter = Letter.objects.get(case=later, kind=LetterKind.EINGANGSBESTAETIGUNG)
    assert letter.template == LetterTemplate.objects.get(version=1)
    assert NEW_SENTENCE in pdf_text(stored_pdf(letter))
    first = Letter.objects.get(case=earlier, kind=LetterKind.EINGANGSBESTAETIGUNG)
    assert first.template is None and NEW_SENTENCE not in pdf_text(stored_pdf(first))
    assert axe.checked == ["Anmeldung (Verwaltung)", "Vorlagen", "Vorlage bearbeiten", "Vorschau"]
