"""The site through the API, the map in `bauantrag check --format html`, and the demo's planning case."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client
from lxml import etree

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases.models import Case, Vorhaben
from tests.api.helpers import case_url, errors_of, patch
from tests.factories import draft_case
from tests.planning_flow.helpers import PASSING, ROOT, VIOLATING, site_of

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.django_db
def test_the_api_accepts_a_site_and_refuses_a_plan_path_and_bad_coordinates(
    applicant_client: Client, applicant: Any
) -> None:
    case = draft_case(applicant)
    response = patch(applicant_client, case_url(case.pk), {"site": site_of(PASSING)})
    assert response.status_code == 200, response.content
    assert response.json()["vorhaben"]["site"] == site_of(PASSING)
    bad = site_of(PASSING)
    bad["buildings"][0]["wall_heights_m"] = [6.2]
    for body, text in (
        ({"site": {**site_of(PASSING), "plan": "/etc/passwd"}}, "/site/plan:"),
        ({"site": {**site_of(PASSING), "crs": "EPSG:4326"}}, '/site/crs: muss "EPSG:25832" sein'),
        ({"site": bad}, "/site/buildings/0/wall_heights_m: 1 Wandhöhen angegeben"),
        ({"site": "Lindenweg 12"}, "/site:"),
    ):
        response = patch(applicant_client, case_url(case.pk), body)
        assert response.status_code == 400, response.content
        errors = errors_of(response)
        assert any(e.get("field") == "site" and text in e["detail"] for e in errors), errors
    assert Vorhaben.objects.get(pk=case.pk).site == site_of(PASSING)


def test_check_html_contains_the_map_with_the_violations() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bauantrag.cli", "check", "--format", "html", str(VIOLATING)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    html = result.stdout
    assert "<svg" in html and "<h2>Lageplan</h2>" in html and "jenseits der Baugrenze" in html
    svg = etree.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0).encode())  # type: ignore[union-attr]
    classes = [p.get("class") for p in svg.iter(f"{SVG}path")]
    assert classes.count("footprint") == 1 and classes.count("abstandsflaeche") == 4 and "problem" in classes


@pytest.mark.django_db
def test_the_demo_loads_with_a_checked_planning_case(client: Client) -> None:
    from bauantrag.demo import seed as demo
    from tests.conftest import login
    from tests.factories import PASSWORD

    assert demo.load() is not None
    case = Case.objects.get(vorhaben__street="Süllbergsweg")
    run = case.check_runs.get()
    assert run.status == "done" and run.plan is not None and run.plan.tenant == case.tenant
    found = dict(run.findings.values_list("rule", "status"))
    assert found["baunvo.19.grz"] == "pass" and found["baunvo.23.baugrenze"] == "pass"
    assert found["bauo_nrw.6.abstandsflaechen"] == "pass"
    assert Tenant.objects.get(slug="musterstadt").plans.count() == 1
    clerk = User.objects.get(username="sachbearbeitung@musterstadt.example")
    clerk.set_password(PASSWORD)  # the login helper knows the test password, not the demo's
    clerk.save()
    page = login(client, clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Lageplan und Bebauungsplan" in page and 'class="abstandsflaeche"' in page
    assert "Hamburger Testplan" in page
