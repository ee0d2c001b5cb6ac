"""Drafts of the body text of a Nachforderung (§ 71 Abs. 1 BauO NRW) and an Anhörung (§ 28 VwVfG NRW)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.assist.summary.letters import ANHOERUNG, NACHFORDERUNG, draft_letter_text
from bauantrag.cases.deadlines import one_month_later
from bauantrag.cases.models import CheckRun
from bauantrag.rules.calendar import is_working_day
from tests.factories import COMPLETE_DOCUMENTS, add_documents, draft_case, run_actions_now, submitted_case
from tests.planning_flow.helpers import DOCUMENTS, VIOLATING, import_blankenese, site_of, vorhaben_of

pytestmark = pytest.mark.django_db


def test_the_nachforderung_names_each_missing_bauvorlage_with_its_basis_and_the_consequence() -> None:
    case = submitted_case(documents=("1803", "2001"))
    run = case.check_runs.get()
    open_findings = list(run.findings.filter(rule__startswith="baupruefvo.completeness.").exclude(status="pass"))
    draft = draft_letter_text(case, NACHFORDERUNG)
    assert draft.generated_by == "template" and draft.grounds == len(open_findings) >= 4 and not draft.note
    assert case.file_number in draft.text and "Lindenweg 12, 59423 Unna" in draft.text
    for finding in open_findings:
        assert finding.legal_basis in draft.text
        assert f"Vorprüfung Runde 1, Befund {finding.rule}" in draft.sources
    flurkarte = "1. Auszug aus dem Liegenschaftskataster (Flurkarte) (§ 10 Abs. 1 Satz 1 Nr. 1 i.V.m. § 2 BauPrüfVO NRW"
    assert flurkarte in draft.text
    assert "Baubeschreibung (§ 10 Abs. 1 Satz 1 Nr. 4 i.V.m. § 5 Abs. 1 BauPrüfVO NRW) – fehlt." in draft.text
    assert "Bauzeichnungen (Grundrisse, Schnitte, Ansichten) (§ 10 Abs. 1 Satz 1 Nr. 3 i.V.m. § 4 BauPrüfVO NRW): " \
           "Teilweise vorhanden" in draft.text  # partly present: the finding's explanation
    assert draft.text.count("Sehr geehrte Damen und Herren,") == 1 and draft.text.endswith("Mit freundlichen Grüßen")
    assert "Lageplan (" not in draft.text  # present: not asked for
    assert "gilt der Antrag als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW)" in draft.text
    assert "(§ 71 Abs. 1 Satz 2 BauO NRW)" in draft.text
    deadline = one_month_later(timezone.localdate())
    while not is_working_day(deadline):
        deadline += dt.timedelta(days=1)
    assert f"bis zum {deadline:%d.%m.%Y}" in draft.text


def test_a_complete_case_has_nothing_to_ask_for() -> None:
    # with the Flurkarte and the Erklärung zum Brandschutz (§ 68 Abs. 4 BauO NRW 2024)
    case = submitted_case(documents=(*COMPLETE_DOCUMENTS, "1802", "2712"))
    completeness = case.check_runs.get().findings.filter(rule__startswith="baupruefvo.completeness.")
    assert completeness.exists() and not completeness.exclude(status="pass").exists()
    draft = draft_letter_text(case, NACHFORDERUNG)
    assert draft.grounds == 0 and draft.sources == ()
    assert draft.note == "Die Vorprüfung nennt keine fehlenden oder unvollständigen Bauvorlagen."
    anhoerung = draft_letter_text(case, ANHOERUNG)
    assert anhoerung.grounds == 0 and "keine nicht erfüllten planungsrechtlichen Befunde" in anhoerung.note
    with pytest.raises(ValueError, match="unknown letter kind"):
        draft_letter_text(case, "bescheid")


def test_the_anhoerung_names_the_failing_planning_law_findings(
    applicant_client: Client, applicant: Any, tenant: Any
) -> None:
    import_blankenese(tenant)
    case = draft_case(applicant, **vorhaben_of(VIOLATING))
    site = {"site_json": json.dumps(site_of(VIOLATING))}
    assert applicant_client.post(f"/antraege/{case.pk}/lage/", site).status_code == 302
    add_documents(case, DOCUMENTS)
    with run_actions_now():
        assert applicant_client.post(f"/antraege/{case.pk}/einreichen/").status_code == 302
    run = CheckRun.objects.get(case=case)
    failing = {f.rule: f for f in run.findings.filter(status="fail")}
    assert {"baunvo.19.grz", "baunvo.23.baugrenze", "bauo_nrw.6.abstandsflaechen"} <= set(failing)
    case.refresh_from_db()
    draft = draft_letter_text(case, ANHOERUNG)
    assert draft.grounds == len([r for r in failing if r.startswith(("baunvo.", "bplan.", "bauo_nrw.6.",
                                                                      "bauo_nrw.2.6."))])  # fmt: skip
    assert "§ 28 Abs. 1 VwVfG NRW" in draft.text and "§ 74 Abs. 1 BauO NRW" in draft.text
    assert "beabsichtigen wir, Ihren Bauantrag abzulehnen" in draft.text
    for rule in ("baunvo.19.grz", "baunvo.23.baugrenze", "bauo_nrw.6.abstandsflaechen"):
        finding = failing[rule]
        assert f"{finding.legal_basis}: {' '.join(finding.message.split())}" in draft.text
        assert f"Vorprüfung Runde 1, Befund {rule}" in draft.sources
    assert "bplan.lage" not in " ".join(draft.sources)  # „zu prüfen“, not a ground for refusal
    deadline = timezone.localdate() + dt.timedelta(days=14)
    while not is_working_day(deadline):
        deadline += dt.timedelta(days=1)
    assert f"bis zum {deadline:%d.%m.%Y}" in draft.text
