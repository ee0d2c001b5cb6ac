"""In Debian's Chromium with axe-core: the applicant draws the parcel and a building footprint on the Leaflet map
(Leaflet-Geoman draw mode, real mouse clicks), saves, and sees the server's preview with the footprint."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from bauantrag.cases.models import Vorhaben
from tests.browser.test_full_loop import Accessibility, browser, log_in
from tests.factories import UserFactory, draft_case
from tests.planning_flow.helpers import PASSING, import_blankenese, vorhaben_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["browser"]  # the fixture, used by name


def draw(page: Page, tool: str, corners: list[tuple[float, float]]) -> None:
    """Choose the tool, click the corners (fractions of the map's size) and the first corner again to close."""
    page.get_by_role("button", name=tool).click()
    page.locator("#site-draw-map").evaluate("node => node.scrollIntoView({block: 'center'})")
    box = page.locator("#site-draw-map").bounding_box()
    assert box is not None
    for x, y in [*corners, corners[0]]:
        page.mouse.click(box["x"] + x * box["width"], box["y"] + y * box["height"])
        page.wait_for_timeout(350)


def test_applicant_draws_parcel_and_footprint_on_the_map(live_server: Any, browser: Browser, tenant: Any) -> None:
    import_blankenese(tenant)
    applicant = UserFactory(tenant=tenant)
    case = draft_case(applicant, **vorhaben_of(PASSING))
    axe = Accessibility()
    page = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}).new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, live_server.url, applicant.username, axe, "Antragsteller/in")
    page.goto(f"{live_server.url}/antraege/{case.pk}/lage/")
    site_map = page.get_by_role("region", name="Karte zum Zeichnen von Grundstück und Gebäuden")
    expect(site_map).to_be_visible()
    expect(page.locator("#site-draw-map path").first).to_be_attached()  # the plan's areas, from the map data
    expect(page.get_by_text("zeigt nur die Daten dieser Anwendung")).to_be_visible()
    expect(page.get_by_label("Lageplan-Geometrie als JSON")).to_be_visible()  # the keyboard alternative stays
    axe.check(page, "Lage mit Zeichenkarte")

    draw(page, "Grundstück zeichnen", [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7)])
    expect(page.get_by_role("status")).to_contain_text("Grundstück gezeichnet")
    draw(page, "Gebäude zeichnen", [(0.45, 0.45), (0.55, 0.45), (0.55, 0.55), (0.45, 0.55)])
    expect(page.get_by_role("status")).to_contain_text("Gebäude 1 gezeichnet")
    page.get_by_label("Bezeichnung").fill("Wohnhaus")
    page.get_by_label("Wandhöhe im Mittel (m)").fill("6,5")
    axe.check(page, "Lage nach dem Zeichnen")
    page.get_by_role("button", name="Zeichnung speichern").click()

    expect(page.get_by_text("Die gezeichnete Lageplan-Geometrie wurde gespeichert.")).to_be_visible()
    preview = page.get_by_role("img", name="Lageplan des Vorhabens")
    expect(preview).to_be_visible()
    expect(preview.locator("path.footprint")).to_have_count(1)
    site = Vorhaben.objects.get(pk=case.pk).site
    assert [b["id"] for b in site["buildings"]] == ["Wohnhaus"]
    assert site["buildings"][0]["wall_height_mean_m"] == 6.5
    east, north = site["parcel"][0][0]
    assert 500000 < east < 600000 and 5900000 < north < 6000000  # EPSG:25832, in Hamburg
    assert all(round(v, 2) == v for ring in site["parcel"] for p in ring for v in p)
    expect(page.locator("[data-list] li")).to_have_count(2)  # reloaded from the map data
    axe.check(page, "Lage mit gespeicherter Zeichnung")
    assert all(url.startswith(live_server.url) for url in requests), "nothing may be loaded from elsewhere"
