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


@pytest.mark.django_db
def test_a_per_storey_volume_beside_the_total_is_no_disagreement(tenant: Any) -> None:
    """Ein Brutto-Rauminhalt von 720 m³ im Formular und eine Berechnung mit 284,38 m³ je Geschoss und 720,00 m³
    gesamt widersprechen sich nicht: verglichen wird nur der gewählte Wert (die Summe)."""
    pages = [["Berechnung des Brutto-Rauminhalts",
              "Brutto-Rauminhalt Erdgeschoss: 284,38 m³",
              "Brutto-Rauminhalt Obergeschoss: 284,38 m³",
              "Brutto-Rauminhalt gesamt: 720,00 m³"]]
    case, document = submitted_with_baubeschreibung(tenant, pages)
    assert document.extracted_values.filter(field="brutto_rauminhalt_m3", chosen=False).exists()
    assert not Finding.objects.filter(check_run__case=case, rule="plausibilitaet.brutto_rauminhalt_m3").exists()


@pytest.mark.django_db
def test_a_chosen_total_that_differs_is_a_disagreement_with_both_sources(tenant: Any) -> None:
    """Formular 720 m³, Berechnung gesamt 980 m³: ein Befund „zu prüfen“ mit beiden Fundstellen."""
    pages = [["Berechnung des Brutto-Rauminhalts",
              "Brutto-Rauminhalt Erdgeschoss: 490,00 m³",
              "Brutto-Rauminhalt gesamt: 980,00 m³"]]
    case, document = submitted_with_baubeschreibung(tenant, pages)
    finding = Finding.objects.get(check_run__case=case, rule="plausibilitaet.brutto_rauminhalt_m3")
    assert finding.evidence["form_value"] == "720,00"
    assert finding.evidence["extracted_value"] == "980"
    assert finding.evidence["document_id"] == str(document.pk) and finding.evidence["page"] == 1
    assert "Formular: Brutto-Rauminhalt 720,00 m³" in finding.message and "980,00 m³" in finding.message
    assert finding.law_version.startswith("BauO NRW 2018 in der ab 01.01.2024 geltenden Fassung")


@pytest.mark.django_db
def test_an_uncertain_value_is_listed_but_gives_no_finding(tenant: Any) -> None:
    """„in der Regel Gebäudeklasse 3“ ist keine Angabe, auf die sich ein Befund stützen kann: kein Befund, in der
    Liste der Sachbearbeitung als „unsicher“ mit Grund."""
    pages = [["Baubeschreibung", "Das Gebäude gehört in der Regel zur Gebäudeklasse 3."]]
    case, document = submitted_with_baubeschreibung(tenant, pages)
    value = document.extracted_values.get(field="gebaeudeklasse")
    assert value.chosen and not value.certain and "in der regel" in value.doubt
    assert not Finding.objects.filter(check_run__case=case, rule="plausibilitaet.gebaeudeklasse").exists()
    context = panel.context(RequestFactory().get("/"), case)
    assert context is not None
    rows = [row for group in context["groups"] for row in group.rows if row.value.field == "gebaeudeklasse"]
    assert [row.kind for row in rows] == ["uncertain"]


def test_the_bauherrschaft_is_compared_on_the_2024_basis() -> None:
    """REVIEW-2026-12 M18: § 70 Abs. 3 Satz 1 BauO NRW (Unterschrift der Bauherrschaft) gibt es 2024 nicht mehr."""
    assert BY_FIELD["bauherr"].legal_basis == "§ 53 Abs. 1 Satz 2 BauO NRW (Fassung 2024)"
