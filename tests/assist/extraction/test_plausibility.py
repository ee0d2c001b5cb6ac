"""Form against Bauvorlagen: which differences count, and what the findings say."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import RequestFactory

from bauantrag.assist.extraction import panel, plausibility
from bauantrag.assist.extraction.plausibility import COMPARISONS, agrees
from bauantrag.cases.models import Finding
from tests.assist.extraction.helpers import submitted_with_baubeschreibung
from tests.factories import submitted_case

BY_FIELD = {c.field: c for c in COMPARISONS}


@pytest.mark.parametrize(("field", "form", "extracted", "expected"), [
    ("vollgeschosse", 2, "2", True),
    ("vollgeschosse", 2, "3", False),
    ("hoehe_bauo_m", Decimal("3.10"), "3.15", True),  # ± 0.05 m
    ("hoehe_bauo_m", Decimal("3.10"), "3.16", False),
    ("gebaeudehoehe_m", Decimal("8.90"), "8.9", True),
    ("brutto_rauminhalt_m3", Decimal("720.00"), "723.5", True),  # 0.5 % of 720 = 3.6 m³
    ("brutto_rauminhalt_m3", Decimal("720.00"), "724", False),
    ("brutto_rauminhalt_m3", Decimal("80.00"), "80.9", True),  # at least 1 m³
    ("gemarkung", "Königsborn", "Koenigsborn", True),
    ("gemarkung", "Unna", "Massen", False),
    ("flur", "7", "007", True),
    ("flurstueck", "123/4", "123 / 4", True),
    ("flurstueck", "123/4, 125", "125, 123/4", True),
    ("flurstueck", "123/4", "123/5", False),
    ("bauherr", "Anna Müller", "Müller, Anna", True),
    ("bauherr", "Erika Mustermann", "Frau Dr. Erika Mustermann", True),
    ("bauherr", "Erika und Max Mustermann", "Erika Mustermann", True),
    ("bauherr", "Erika Mustermann", "Schulz Wohnbau GmbH", False),
    ("kammer_nummer", "AKNW 081542", "081542", True),
    ("kammer_nummer", "AKNW 081542", "AKNW 081543", False),
])
def test_agreement(field: str, form: Any, extracted: str, expected: bool) -> None:
    assert agrees(BY_FIELD[field], form, extracted) is expected


def test_nothing_to_compare_is_no_disagreement() -> None:
    assert agrees(BY_FIELD["flurstueck"], "", "12") is None
    assert agrees(BY_FIELD["vollgeschosse"], "zwei", "2") is None


@pytest.mark.django_db
def test_gebaeudeklasse_is_compared_with_the_pre_checks(tenant: Any) -> None:
    """The form describes a detached one-family house (GK 1); the Baubeschreibung claims GK 3."""
    pages = [["Baubeschreibung", "Das Gebäude gehört zur Gebäudeklasse 3."]]
    case, document = submitted_with_baubeschreibung(tenant, pages)
    assert case.check_runs.get(round=case.round).building_class == 1
    finding = Finding.objects.get(check_run__case=case, rule="plausibilitaet.gebaeudeklasse")
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 2 Abs. 3 BauO NRW"
    assert "Formular: Gebäudeklasse 1 (von der Vorprüfung aus den Formularangaben bestimmt)" in finding.message
    assert "„Gebäudeklasse 3“" in finding.message
    assert finding.evidence["document_id"] == str(document.pk)


@pytest.mark.django_db
def test_permitted_figures_are_not_compared(tenant: Any) -> None:
    pages = [["Berechnung", "Im Bebauungsplan sind höchstens III Vollgeschosse zulässig.", "Vollgeschosse: 2"]]
    case, _ = submitted_with_baubeschreibung(tenant, pages)
    assert not Finding.objects.filter(check_run__case=case, rule__startswith="plausibilitaet.").exists()


@pytest.mark.django_db
def test_panel_is_hidden_without_values_and_facts_mark_names_personal(tenant: Any) -> None:
    plain = submitted_case()  # its Bauvorlagen say nothing the extraction reads
    request = RequestFactory().get("/")
    assert panel.context(request, plain) is None
    case, _ = submitted_with_baubeschreibung(tenant)
    context = panel.context(request, case)
    assert context is not None
    assert [d["label"] for d in context["disagreements"]] == ["Bauherrschaft", "Vollgeschosse"]
    facts = {f.text: f for f in panel.facts(case)}
    assert facts["Vollgeschosse: 3"].source == "Bauvorlage Baubeschreibung.pdf S. 2"
    assert facts["Bauherrschaft: Schulz & Partner <Bau> GmbH"].personal
    assert not facts["Vollgeschosse: 3"].personal


def test_findings_name_the_paragraphs_the_project_uses() -> None:
    bases = {c.field: c.legal_basis for c in COMPARISONS}
    assert bases["vollgeschosse"] == "§ 2 Abs. 6 BauO NRW, § 20 Abs. 1 BauNVO"
    assert bases["hoehe_bauo_m"] == "§ 2 Abs. 3 Satz 2 BauO NRW"
    assert bases["brutto_rauminhalt_m3"] == "§ 6 Nr. 1 BauPrüfVO (DIN 277)"
    assert plausibility.RULE_PREFIX == "plausibilitaet"
