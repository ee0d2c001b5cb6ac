"""Submit with a site: the pre-check runs against the Kommune's imported plan; the clerk sees the map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bauantrag.cases import precheck
from bauantrag.cases.models import Case, CheckRun
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from tests.factories import add_documents, draft_case, run_actions_now
from tests.planning_flow.helpers import DOCUMENTS, PASSING, VIOLATING, import_blankenese, site_of, vorhaben_of
from tests.planning_flow.test_site_pages import paths, svg_of

pytestmark = pytest.mark.django_db
RULES = ("baunvo.19.grz", "baunvo.23.baugrenze", "bauo_nrw.6.abstandsflaechen")


def submit_through_pages(client: Client, applicant: Any, example: Path) -> tuple[Case, CheckRun]:
    case = draft_case(applicant, **vorhaben_of(example))
    assert client.post(f"/antraege/{case.pk}/lage/", {"site_json": json.dumps(site_of(example))}).status_code == 302
    add_documents(case, DOCUMENTS)
    with run_actions_now():
        assert client.post(f"/antraege/{case.pk}/einreichen/").status_code == 302
    run = CheckRun.objects.get(case=case)
    assert run.status == "done", run.error
    return case, run


def statuses(run: CheckRun) -> dict[str, str]:
    return dict(run.findings.values_list("rule", "status"))


@pytest.mark.parametrize(
    ("example", "expected"),
    [
        (PASSING, {"baunvo.19.grz": "pass", "baunvo.23.baugrenze": "pass", "bauo_nrw.6.abstandsflaechen": "pass"}),
        (VIOLATING, {"baunvo.19.grz": "fail", "baunvo.23.baugrenze": "fail", "bauo_nrw.6.abstandsflaechen": "fail"}),
    ],
)
def test_the_precheck_uses_the_tenants_plan(
    applicant_client: Client, applicant: Any, tenant: Any, example: Path, expected: dict[str, str]
) -> None:
    record = import_blankenese(tenant)
    _case, run = submit_through_pages(applicant_client, applicant, example)
    assert run.plan == record
    found = statuses(run)
    assert {rule: found[rule] for rule in RULES} == expected
    lage = run.findings.get(rule="bplan.lage")  # „bitte prüfen“: the test plan is not marked as in force
    assert lage.status == "needs_review" and "Baugebiet WA" in lage.message and "Rechtsstand" in lage.message
    assert lage.evidence["plan"] == "Blankenese29_Testplan_60" and lage.evidence["areas"][0]["special_use"] == "1200"
    assert run.input["vorhaben"]["site"] == site_of(example)
    count = run.findings.count()
    run.status = "pending"
    run.save()
    precheck.execute(str(run.pk))  # a redelivered task: the same findings again, no duplicates
    run.refresh_from_db()
    assert run.findings.count() == count and statuses(run) == found and run.plan == record


def test_the_clerk_sees_the_map_with_every_abstandsflaeche_and_the_violations(
    applicant_client: Client, applicant: Any, tenant: Any, clerk_client: Client
) -> None:
    import_blankenese(tenant)
    case, run = submit_through_pages(applicant_client, applicant, VIOLATING)
    walls = run.findings.get(rule="bauo_nrw.6.abstandsflaechen").evidence["walls"]
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    svg = svg_of(page)
    assert len(paths(svg, "footprint")) == 1
    assert len(paths(svg, "abstandsflaeche")) == len(walls) == 4
    assert paths(svg, "problem") and paths(svg, "baugrenze") and paths(svg, "parcel")
    assert svg.get("role") == "img" and svg.find("{http://www.w3.org/2000/svg}title") is not None
    assert "Rot markierte Überschreitungen" in page
    assert "jenseits der Baugrenze" in page and "der Abstandsfläche (Tiefe" in page
    assert "Bebauungsplan aus dem Planregister: Blankenese29_Testplan_60" in page
    detail = applicant_client.get(f"/antraege/{case.pk}/").content.decode()
    assert len(paths(svg_of(detail), "abstandsflaeche")) == 4


def test_another_kommunes_plan_is_never_used(
    applicant_client: Client, applicant: Any, other_tenant: Any, clerk_client: Client
) -> None:
    import_blankenese(other_tenant)
    case, run = submit_through_pages(applicant_client, applicant, PASSING)
    assert run.plan is None and PlanRecord.objects.filter(tenant=case.tenant).count() == 0
    found = statuses(run)
    assert found["bplan.lage"] == "needs_review" and "baunvo.19.grz" not in found
    assert found["bauo_nrw.6.abstandsflaechen"] in ("pass", "needs_review")
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "kein Bebauungsplan hinterlegt" in page and "Blankenese29" not in page


def test_without_a_site_no_planning_findings_and_no_map(applicant: Any, tenant: Any, clerk_client: Client) -> None:
    import_blankenese(tenant)
    case = draft_case(applicant)
    add_documents(case)
    with run_actions_now():
        from bauantrag.cases import actions

        actions.submit(applicant, case)
    run = CheckRun.objects.get(case=case)
    assert run.plan is None and not run.findings.filter(rule__startswith="bplan").exists()
    assert "<svg" not in clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
