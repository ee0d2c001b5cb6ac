"""The rest of the lifecycle, through to the delivered Bescheid, as real people click it in Debian's Chromium, with
axe-core (WCAG 2.1 AA) on every new page.

Starts from a complete case (submission and Nachforderung are test_full_loop's). Applicant: writes to the Bauaufsicht
in the Postfach. Clerk (TOTP): sees the unread message on the case page, replies, asks the Brandschutzdienststelle for
a Stellungnahme on two of the Bauvorlagen. Fachstelle (TOTP): sees only this request and only the two Bauvorlagen,
agrees with one Nebenbestimmung. Clerk: sees the answer, prepares the Baugenehmigung (the Nebenbestimmung prefilled),
sends it from the letter editor. Applicant: the case is "Genehmigt"; the Bescheid in the Postfach is downloaded and
read back: Aktenzeichen, Nebenbestimmung, Rechtsbehelfsbelehrung, and the bytes match the stored SHA-256.
Set BAUANTRAG_SCREENSHOTS=1 to write screenshots to docs/screenshots/.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, cast

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

import tests.browser.test_full_loop as loop
from bauantrag.accounts.models import Role, User
from bauantrag.accounts.totp import current_code
from bauantrag.audit.service import verify_tenant
from bauantrag.beteiligung import actions as beteiligung_actions
from bauantrag.beteiligung.deadlines import deadline_for
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Fachstelle, FachstelleKind, Verdict
from bauantrag.cases.models import CaseState, Decision
from bauantrag.correspondence.models import Letter, Letterhead, LetterKind, LetterState, Message
from tests.factories import UserFactory, complete_case, run_actions_now

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

browser = loop.browser  # the fixture: Debian's Chromium through Playwright

NEBENBESTIMMUNG = "Rauchwarnmelder in allen Aufenthaltsräumen und Fluren einbauen"
NEBENBESTIMMUNG_BASIS = "§ 47 Abs. 3 BauO NRW"
SHARED = ("vorlage-1803.pdf", "vorlage-2002.pdf")  # the two Bauvorlagen the Fachstelle may see


def account(tenant: Any, role: str, **fields: Any) -> User:
    return cast(User, UserFactory(tenant=tenant, role=role, **fields))  # type: ignore[no-untyped-call]


def staff_login(page: Page, base: str, user: User, axe: loop.Accessibility, who: str) -> None:
    loop.log_in(page, base, user.username, axe, who)
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    page.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=user, confirmed=True))
    )
    page.get_by_role("button", name="Bestätigen").click()


def pdf_text(data: bytes) -> str:
    """All pages' text read back with pdfium, whitespace collapsed (line breaks are layout)."""
    document = pdfium.PdfDocument(data)
    try:
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_lifecycle_through_to_the_bescheid(live_server: Any, browser: Browser, tenant: Any) -> None:
    base = live_server.url
    axe = loop.Accessibility()
    tenant.authority_name = "Untere Bauaufsichtsbehörde der Stadt Musterstadt"
    tenant.save()
    Letterhead.objects.create(
        tenant=tenant, department="Fachbereich Planen und Bauen", street="Rathausplatz 1", postal_code="59423",
        city="Musterstadt", court_name="Verwaltungsgericht Arnsberg", court_address="Jägerstraße 1, 59821 Arnsberg",
    )
    applicant = account(tenant, Role.APPLICANT, first_name="Erika", last_name="Mustermann")
    clerk = account(tenant, Role.CLERK, first_name="Stefan", last_name="Sachbearbeiter")
    case = complete_case(applicant)
    brandschutz = Fachstelle.objects.create(tenant=tenant, name="Brandschutzdienststelle",
                                            kind=FachstelleKind.BRANDSCHUTZ, deadline_months=1)
    feuerwehr = account(tenant, Role.AGENCY, first_name="Frieda", last_name="Feuer")
    brandschutz.members.add(feuerwehr)
    # Another Fachstelle of the same Kommune, asked about another case: the Brandschutzdienststelle must not see it.
    naturschutz = Fachstelle.objects.create(tenant=tenant, name="Untere Naturschutzbehörde",
                                            kind=FachstelleKind.NATURSCHUTZ)
    naturschutz.members.add(account(tenant, Role.AGENCY))
    other_case = complete_case(account(tenant, Role.APPLICANT))
    with run_actions_now():
        beteiligung_actions.request_beteiligung(clerk, other_case, naturschutz,
                                                documents=list(other_case.documents.all()[:1]), message="Bitte.")

    # --- 1. Applicant: a question in the Postfach -------------------------------------------------------------
    a = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    loop.log_in(a, base, applicant.username, axe, "Antragsteller/in")
    expect(a.get_by_role("heading", level=1)).to_have_text("Meine Bauanträge")
    a.get_by_role("link", name=case.file_number, exact=True).click()
    expect(a.get_by_role("heading", level=1)).to_have_text(f"Bauantrag {case.file_number}")
    a.get_by_role("link", name="Postfach öffnen und der Bauaufsicht schreiben").click()
    expect(a.get_by_role("heading", level=1)).to_have_text(f"Postfach zum Bauantrag {case.file_number}")
    axe.check(a, "Postfach (Antragsteller/in)")
    a.get_by_label("Betreff").fill("Frage zum Carport")
    a.get_by_label("Nachricht", exact=True).fill("Darf der Carport ein begrüntes Flachdach bekommen?")
    a.get_by_role("button", name="Nachricht senden").click()
    expect(a.locator(".message")).to_contain_text("Ihre Nachricht wurde gesendet.")
    expect(a.get_by_role("heading", level=1)).to_have_text("Frage zum Carport")
    axe.check(a, "Unterhaltung (Antragsteller/in)")

    # --- 2. Clerk: sees the unread message on the case page and replies ---------------------------------------
    c = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(c, base, clerk, axe, "Sachbearbeitung")
    expect(c.get_by_role("heading", level=1)).to_have_text("Eingangskorb der Bauaufsicht")
    c.get_by_role("link", name=case.file_number, exact=True).click()
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Vorgang {case.file_number}")
    postfach = c.locator("section", has=c.locator("#postfach-h"))
    expect(c.locator("#postfach-h")).to_contain_text("1 ungelesen")
    expect(postfach.get_by_role("row", name="Frage zum Carport")).to_contain_text("1 neu")
    axe.check(c, "Vorgang mit ungelesener Nachricht")
    postfach.get_by_role("link", name="Frage zum Carport").click()
    expect(c.get_by_role("heading", level=1)).to_have_text("Frage zum Carport")
    expect(c.get_by_role("main")).to_contain_text("begrüntes Flachdach")
    expect(c.locator(".timeline .badge-new")).to_have_count(1)
    axe.check(c, "Unterhaltung (Sachbearbeitung)")
    c.get_by_label("Nachricht", exact=True).fill("Ja, ein begrüntes Flachdach ist zulässig.")
    c.get_by_role("button", name="Antwort senden").click()
    expect(c.locator(".message")).to_contain_text("Ihre Antwort wurde gesendet.")
    expect(c.locator(".timeline > li")).to_have_count(2)
    c.get_by_role("link", name="Zum Vorgang").click()
    expect(c.locator("#postfach-h")).not_to_contain_text("ungelesen")

    # --- 3. Clerk: asks the Brandschutzdienststelle about two of the Bauvorlagen ------------------------------
    c.goto(f"{base}/beteiligung/vorgaenge/{case.pk}/anfragen/")
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Fachstelle beteiligen – Vorgang {case.file_number}")
    due = deadline_for(brandschutz, timezone.localdate())
    fachstelle = c.get_by_label("Fachstelle", exact=True)
    expect(fachstelle.locator("option", has_text="Brandschutzdienststelle")).to_have_text(
        f"Brandschutzdienststelle – Frist bis {due:%d.%m.%Y}")
    expect(c.get_by_label("Anschreiben")).to_contain_text("wir bitten Sie um Ihre Stellungnahme")
    axe.check(c, "Fachstelle beteiligen")
    fachstelle.select_option(str(brandschutz.pk))
    for name in SHARED:
        c.get_by_label(name).check()
    c.get_by_role("button", name="Fachstelle um Stellungnahme bitten").click()
    expect(c.locator(".message")).to_contain_text(
        f"„Brandschutzdienststelle“ wurde um eine Stellungnahme bis zum {due:%d.%m.%Y} gebeten.")
    beteiligung = Beteiligung.objects.get(case=case)
    assert beteiligung.deadline == due
    assert sorted(d.display_name for d in beteiligung.documents.all()) == list(SHARED)

    # --- 4. Fachstelle: only this request, only the two Bauvorlagen; agrees with a Nebenbestimmung ------------
    f = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(f, base, feuerwehr, axe, "Fachstelle")
    f.get_by_role("navigation").get_by_role("link", name="Beteiligungen").click()
    expect(f.get_by_role("heading", level=1)).to_have_text("Beteiligungen")
    expect(f.locator("main tbody tr")).to_have_count(1)
    expect(f.get_by_role("main")).not_to_contain_text(other_case.file_number)
    axe.check(f, "Beteiligungen der Fachstelle")
    f.get_by_role("link", name=case.file_number, exact=True).click()
    expect(f.get_by_role("heading", level=1)).to_have_text(f"Beteiligung zum Vorgang {case.file_number}")
    shared = f.get_by_role("table", name="Bauvorlagen, die die Bauaufsicht für diese Beteiligung freigegeben hat")
    expect(shared.locator("tbody tr")).to_have_count(2)
    for name in SHARED:
        expect(shared).to_contain_text(name)
    expect(f.get_by_role("main")).not_to_contain_text("Mustermann")  # no personal data of the Bauherrschaft
    axe.check(f, "Beteiligung (Fachstelle)")
    f.get_by_label("Zustimmung mit Nebenbestimmungen").check()
    f.locator("#id_nb-0-text").fill(NEBENBESTIMMUNG)
    f.locator("#id_nb-0-legal_basis").fill(NEBENBESTIMMUNG_BASIS)
    f.get_by_role("button", name="Stellungnahme abgeben").click()
    expect(f.locator(".message")).to_contain_text("Ihre Stellungnahme wurde an die Bauaufsicht übermittelt.")
    expect(f.get_by_role("main")).to_contain_text(NEBENBESTIMMUNG)
    beteiligung.refresh_from_db()
    assert beteiligung.status == BeteiligungStatus.ANSWERED
    assert beteiligung.stellungnahme.verdict == Verdict.ZUSTIMMUNG_NEBENBESTIMMUNGEN

    # --- 5. Clerk: sees the answer, prepares and sends the Baugenehmigung -------------------------------------
    c.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    panel = c.locator("section", has=c.locator("#beteiligung-h"))
    expect(panel).to_contain_text("1 von 1 Stellungnahme eingegangen, 1 mit Nebenbestimmungen")
    expect(panel.get_by_role("row", name="Brandschutzdienststelle")).to_contain_text(
        "Zustimmung mit Nebenbestimmungen (1 Nebenbestimmung)")
    expect(panel).to_contain_text(NEBENBESTIMMUNG)
    axe.check(c, "Vorgang mit Stellungnahme")
    c.get_by_role("link", name="Entscheidung vorbereiten").click()
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Entscheidung vorbereiten – Vorgang {case.file_number}")
    expect(c.get_by_role("main")).to_contain_text("1 Nebenbestimmung aus den Stellungnahmen der Fachstellen ist "
                                                  "vorausgefüllt.")
    expect(c.get_by_label("Nebenbestimmung 1", exact=True)).to_have_value(NEBENBESTIMMUNG)
    axe.check(c, "Entscheidung vorbereiten")
    loop.screenshot(c, "entscheidung.png")
    c.get_by_label("Baugenehmigung erteilen").check()
    c.get_by_role("button", name="Bescheid entwerfen").click()
    expect(c.locator(".message-success")).to_contain_text("Der Entwurf des Bescheids ist angelegt.")
    expect(c.locator(".message-warning")).to_contain_text("kein Siegelzertifikat eingerichtet")
    expect(c.get_by_role("heading", level=1)).to_have_text(f"Baugenehmigung ({case.file_number})")
    expect(c.get_by_label("Text des Schreibens")).to_contain_text(NEBENBESTIMMUNG)
    expect(c.get_by_role("main")).to_contain_text("Rechtsbehelfsbelehrung")
    expect(c.get_by_role("main")).to_contain_text("Verwaltungsgericht Arnsberg")
    axe.check(c, "Bescheid (Entwurf)")
    case.refresh_from_db()
    assert case.state == CaseState.COMPLETE  # only sending decides
    c.get_by_role("button", name="Schreiben endgültig versenden").click()
    expect(c.locator(".message-success")).to_contain_text("Das Schreiben wurde versandt.")
    expect(c.locator(".facts").first).to_contain_text("versandt – unveränderlich")
    axe.check(c, "Bescheid (versandt)")
    letter = Letter.objects.get(case=case, kind=LetterKind.BAUGENEHMIGUNG)
    assert letter.state == LetterState.SENT and len(letter.sha256) == 64
    expect(c.get_by_role("main")).to_contain_text(letter.sha256)
    c.get_by_role("link", name="Zurück zum Vorgang").click()
    decided = c.locator("section", has=c.locator("#entscheidung-h"))
    expect(decided).to_contain_text("Baugenehmigung erteilt")
    expect(decided).to_contain_text(NEBENBESTIMMUNG)
    axe.check(c, "Vorgang abgeschlossen")

    # --- 6. Applicant: "Genehmigt", the Bescheid in the Postfach, downloaded and read back ---------------------
    a.goto(f"{base}/antraege/{case.pk}/")
    expect(a.locator(".facts").first).to_contain_text("Genehmigt")
    result = a.locator("section", has=a.locator("#ergebnis-h"))
    expect(result).to_contain_text("Baugenehmigung erteilt")
    expect(result).to_contain_text(NEBENBESTIMMUNG)
    pdf_url = f"/post/schreiben/{letter.pk}/pdf/"
    expect(result.get_by_role("link", name="Bescheid öffnen")).to_have_attribute("href", pdf_url)
    inbox = a.locator("section", has=a.locator("#postfach-h"))
    expect(inbox.get_by_role("link", name="Baugenehmigung vom")).to_have_attribute("href", pdf_url)
    axe.check(a, "Antrag genehmigt")
    loop.screenshot(a, "antrag-genehmigt.png")
    inbox.get_by_role("link", name="Postfach öffnen und der Bauaufsicht schreiben").click()
    bescheid_row = a.get_by_role("row", name=letter.subject)
    expect(bescheid_row).to_contain_text("Schreiben")
    expect(bescheid_row).to_contain_text("1 neu")
    expect(a.get_by_role("row", name="Frage zum Carport")).to_contain_text("1 neu")  # the clerk's reply
    axe.check(a, "Postfach mit Bescheid")
    bescheid_row.get_by_role("link", name=letter.subject).click()
    expect(a.get_by_role("heading", level=1)).to_have_text(letter.subject)
    axe.check(a, "Nachricht mit Bescheid")
    with a.expect_download() as download_info:
        a.get_by_role("link", name="Schreiben „Baugenehmigung“ als PDF herunterladen").click()
    download = download_info.value
    data = Path(download.path()).read_bytes()
    assert download.suggested_filename.endswith(".pdf")
    assert data.startswith(b"%PDF-")
    assert hashlib.sha256(data).hexdigest() == letter.sha256
    text = pdf_text(data)
    for expected in (case.file_number, "Baugenehmigung", NEBENBESTIMMUNG, "Rechtsbehelfsbelehrung",
                     "Verwaltungsgericht Arnsberg"):
        assert expected in text, f"{expected!r} not in the Bescheid: {text[:2000]}"

    # --- 7. The record ----------------------------------------------------------------------------------------
    case.refresh_from_db()
    letter.refresh_from_db()
    assert case.state == CaseState.APPROVED
    assert case.decision == Decision.APPROVED
    assert case.decision_letter_id == letter.pk
    assert case.closed_at is not None and case.retention_until is None  # § 74 Abs. 5 Satz 3 BauO NRW
    assert [c_["text"] for c_ in case.decision_conditions] == [NEBENBESTIMMUNG]
    assert letter.retrieved_at is not None and letter.retrieved_by_id == applicant.pk  # Bekanntgabe by retrieval
    assert Message.objects.filter(case=case, letter=letter).count() == 1
    assert verify_tenant(tenant) == []
    print(f"\naxe-core: 0 violations (WCAG 2.0/2.1 A+AA) on {len(axe.checked)} pages: {', '.join(axe.checked)}")
