"""Issue 16, small screens: at 390 px (a phone) no page of the applicant and no clerk's case page pushes the page
sideways; wide tables scroll inside their own container. axe-core checks WCAG 2.1 AA on the same pages.

Set BAUANTRAG_SCREENSHOTS=1 to write the 390 px screenshots to docs/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from bauantrag.accounts.models import Role
from bauantrag.accounts.totp import current_code
from tests.browser.test_full_loop import Accessibility, browser, log_in, screenshot  # noqa: F401 (fixture)
from tests.factories import UserFactory, draft_case, nachforderung_case, submitted_case

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def assert_no_sideways_scroll(page: Page, label: str) -> None:
    """The document is no wider than the viewport; names the widest offenders when it is."""
    width = page.evaluate("document.documentElement.clientWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        offenders = page.evaluate(
            """(w) => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w + 1
                   && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                 .slice(0, 8).map(e => e.tagName + '.' + e.className + ' in ' + (e.parentElement || e).tagName + '.'
                   + (e.parentElement || e).className + ' ' + Math.round(e.getBoundingClientRect().right) + ': '
                   + (e.textContent || '').trim().slice(0, 60))""",
            width,
        )
        raise AssertionError(f"{label} ({page.url}): {scroll} px wide at {width} px viewport; {offenders}")


@pytest.fixture
def phone(browser: Browser) -> Iterator[Any]:  # noqa: F811 (the imported fixture)
    context = browser.new_context(locale="de-DE", viewport=PHONE, device_scale_factor=1)
    yield context
    context.close()


def test_applicant_pages_fit_a_phone(live_server: Any, phone: Any, tenant: Any) -> None:
    base, axe = live_server.url, Accessibility()
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT, first_name="Erika", last_name="Mustermann")
    submitted = submitted_case(applicant)
    answered = nachforderung_case(applicant)
    draft = draft_case(applicant)
    page = phone.new_page()
    log_in(page, base, applicant.username, axe, "Antragsteller/in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Bauanträge")
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 160, header  # the header stays small on a phone
    pages = [
        ("/antraege/", "Antragsliste"),
        ("/antraege/neu/", "Antragsformular"),
        (f"/antraege/{draft.pk}/", "Antrag (Entwurf)"),
        (f"/antraege/{draft.pk}/bearbeiten/", "Antrag bearbeiten"),
        (f"/antraege/{draft.pk}/lage/", "Lage des Vorhabens"),
        (f"/antraege/{submitted.pk}/", "Antrag eingereicht"),
        (f"/antraege/{submitted.pk}/eingangsbestaetigung/", "Eingangsbestätigung"),
        (f"/antraege/{answered.pk}/", "Antrag mit Nachforderung"),
    ]
    for path, label in pages:
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_sideways_scroll(page, label)
        axe.check(page, label)


def test_clerk_case_page_fits_a_phone(live_server: Any, phone: Any, tenant: Any) -> None:
    base, axe = live_server.url, Accessibility()
    clerk = UserFactory(tenant=tenant, role=Role.CLERK, first_name="Stefan", last_name="Sachbearbeiter")
    case = submitted_case(UserFactory(tenant=tenant, role=Role.APPLICANT))
    page = phone.new_page()
    log_in(page, base, clerk.username, axe, "Sachbearbeitung")
    page.get_by_label("Einmalcode aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=clerk, confirmed=True))
    )
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eingangskorb der Bauaufsicht")
    assert_no_sideways_scroll(page, "Eingangskorb")
    axe.check(page, "Eingangskorb")
    page.goto(f"{base}/bauaufsicht/vorgaenge/{case.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Vorgang {case.file_number}")
    assert_no_sideways_scroll(page, "Vorgang")
    axe.check(page, "Vorgang")
    page.get_by_role("button", name="Vollständigkeit bestätigen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vollständigkeit bestätigen")
    assert_no_sideways_scroll(page, "Vollständigkeit bestätigen")
    axe.check(page, "Vollständigkeit bestätigen")
    screenshot(page, "vollstaendigkeit-bestaetigen-390.png")
