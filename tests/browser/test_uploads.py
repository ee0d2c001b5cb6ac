"""Issue 16: several Bauvorlagen at once in Chromium; the upload script offers one kind per file."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from bauantrag.accounts.models import Role
from tests.browser.test_full_loop import Accessibility, browser, log_in, screenshot  # noqa: F401 (fixture)
from tests.browser.test_small_screens import assert_no_sideways_scroll
from tests.factories import UserFactory, draft_case
from tests.files import minimal_pdf

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_several_files_each_with_its_kind(
    live_server: Any, browser: Browser, tmp_path: Path, tenant: Any, width: int  # noqa: F811 (the fixture)
) -> None:
    axe = Accessibility()
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT)
    case = draft_case(applicant)
    files = []
    for name in ("Lageplan.pdf", "Baubeschreibung.pdf"):
        files.append(tmp_path / name)
        files[-1].write_bytes(minimal_pdf(name))
    page = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900}).new_page()
    log_in(page, live_server.url, applicant.username, axe, "Antragsteller/in")
    page.goto(f"{live_server.url}/antraege/{case.pk}/")
    kinds = page.locator("#id_document_type")
    expect(kinds.locator("optgroup").first).to_have_attribute("label", "Für Ihr Verfahren verlangt")
    page.locator("#id_file").set_input_files([str(f) for f in files])
    expect(kinds).to_be_hidden()  # replaced by one choice per file
    page.get_by_label("Art von „Lageplan.pdf“").select_option("1801")
    page.get_by_label("Art von „Baubeschreibung.pdf“").select_option("1502")
    axe.check(page, "Mehrere Dateien gewählt")
    screenshot(page, f"bauvorlagen-mehrere-{width}.png")
    page.get_by_role("button", name="Bauvorlage hochladen").click()
    expect(page.locator(".message").first).to_contain_text("Hochgeladen: „Lageplan.pdf“, „Baubeschreibung.pdf“.")
    assert sorted(case.documents.values_list("display_name", "document_type")) == [
        ("Baubeschreibung.pdf", "1502"), ("Lageplan.pdf", "1801")]
    expect(page.get_by_role("button", name=re.compile(r"^Ersetzen\s*: Lageplan\.pdf$"))).to_be_visible()
    assert_no_sideways_scroll(page, "Nach dem Hochladen")
    axe.check(page, "Nach dem Hochladen (Löschen und Ersetzen vor der Einreichung)")
