"""The template summary: German sentences from the case's own data, each with its source, always the same."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from bauantrag.assist.summary import facts as summary_facts
from bauantrag.assist.summary.facts import Fact
from bauantrag.assist.summary.template_summary import build_summary, summary_suggestion
from bauantrag.cases import actions, document_findings
from bauantrag.cases.models import Finding
from bauantrag.documents.models import Document
from tests.factories import UserFactory, clerk_for, nachforderung_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db


def by_text(summary: Any) -> dict[str, str]:
    return {fact.text: fact.source for fact in summary.facts}


def fact_with(summary: Any, *parts: str) -> Fact:
    found = [f for f in summary.facts if all(p in f.text for p in parts)]
    assert len(found) == 1, (parts, [f.text for f in summary.facts])
    return found[0]


def test_a_submitted_case_is_summarised_with_its_facts_and_sources() -> None:
    case = submitted_case(documents=("1803", "2001"))
    run = case.check_runs.get()
    summary = build_summary(case)

    vorgang = fact_with(summary, f"Aktenzeichen {case.file_number}")
    assert "Einreichungsrunde 1" in vorgang.text and vorgang.source == "Vorgang"
    frist = fact_with(summary, "Frist der Vollständigkeitsprüfung (§ 71 Abs. 1 Satz 1 BauO NRW)")
    assert f"{case.completeness_due:%d.%m.%Y}" in frist.text

    vorhaben = fact_with(summary, "Neubau eines freistehenden Einfamilienhauses mit Carport")
    assert "Neubau (Errichtung)" in vorhaben.text and "Nutzung: Wohngebäude" in vorhaben.text
    assert vorhaben.source == "Formular"
    lage = fact_with(summary, "Lage:")
    assert lage.text == "Lage: Lindenweg 12, 59423 Unna; Gemarkung Unna, Flur 7, Flurstück 123/4."
    assert fact_with(summary, "Bauherrschaft: Erika Mustermann").personal

    verfahren = fact_with(summary, "Ermittelte Verfahrensart")
    assert "Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)" in verfahren.text
    assert verfahren.source == "Vorprüfung Runde 1, Befund bauo_nrw.62-65.verfahrensart"
    klasse = fact_with(summary, "Gebäudeklasse 1")
    assert "§ 2 Abs. 3 Satz 1 Nr. 1 Buchst. a BauO NRW" in klasse.text
    assert klasse.source == "Vorprüfung Runde 1, Befund bauo_nrw.2.3.gebaeudeklasse"

    findings = list(run.findings.all())
    counts = {s: sum(1 for f in findings if f.status == s) for s in ("pass", "fail", "needs_review")}
    assert counts["fail"] >= 3 and counts["needs_review"] >= 1
    assert fact_with(summary, "Die Vorprüfung der Runde 1 ergab").text == (
        f"Die Vorprüfung der Runde 1 ergab {len(findings)} Befunde: {counts['pass']} erfüllt, "
        f"{counts['fail']} nicht erfüllt, {counts['needs_review']} zu prüfen."
    )
    missing = fact_with(summary, "Nicht erfüllt: Baubeschreibung")
    assert "§ 10 Abs. 1 Satz 1 Nr. 4 i.V.m. § 5 Abs. 1 BauPrüfVO NRW" in missing.text
    assert missing.source == "Vorprüfung Runde 1, Befund baupruefvo.completeness.baubeschreibung"
    partly = fact_with(summary, "Zu prüfen: Bauzeichnungen")
    assert partly.source == "Vorprüfung Runde 1, Befund baupruefvo.completeness.bauzeichnungen"
    # every finding that did not pass is named once, with its rule as source
    named = {f.source for f in summary.facts if f.text.startswith(("Nicht erfüllt:", "Zu prüfen:"))}
    assert named == {f"Vorprüfung Runde 1, Befund {f.rule}" for f in findings if f.status != "pass"}

    documents = fact_with(summary, "2 Bauvorlagen eingereicht")
    assert "„vorlage-1803.pdf“ (Lageplan (1803))" in documents.text and "vorlage-2001.pdf" in documents.text

    text = summary_suggestion(case).text
    assert "- Nicht erfüllt: Baubeschreibung" in text
    assert "[Quelle: Vorprüfung Runde 1, Befund baupruefvo.completeness.baubeschreibung]" in text
    assert build_summary(case).as_text() == summary.as_text()  # deterministic


def test_an_open_nachforderung_and_its_deadline_are_named() -> None:
    case = nachforderung_case()
    nachforderung = case.nachforderungen.get()
    fact = fact_with(build_summary(case), "Offene Nachforderung")
    assert fact.text == (
        f"Offene Nachforderung vom {timezone.localtime(nachforderung.created_at):%d.%m.%Y} mit Frist bis "
        f"{nachforderung.deadline:%d.%m.%Y}; nachgefordert: Baubeschreibung."
    )
    assert fact.source == f"Nachforderung vom {timezone.localtime(nachforderung.created_at):%d.%m.%Y}"
    assert not [f for f in build_summary(case).facts if "Frist der Vollständigkeitsprüfung" in f.text]


def test_the_clerks_assessment_counts() -> None:
    case = submitted_case(documents=("1803", "2001"))
    finding = case.check_runs.get().findings.get(rule="baupruefvo.completeness.baubeschreibung")
    with run_actions_now():
        actions.review_finding(clerk_for(case.tenant), finding, decision="overridden", status="pass",
                               reason="Baubeschreibung liegt in Papierform vor")  # fmt: skip
    summary = build_summary(case)
    assert not [f for f in summary.facts if "Baubeschreibung" in f.text and "Nicht erfüllt" in f.text]
    assert "1 Befund hat die Sachbearbeitung bewertet." in fact_with(summary, "ergab").text


def test_findings_from_reading_the_documents_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    case = submitted_case(documents=("1803", "2001"))

    def provider(case: Any, documents: list[Any]) -> list[dict[str, Any]]:
        return [
            {"rule": "dokument.art.abweichung", "status": "needs_review", "legal_basis": "§ 10 BauPrüfVO NRW",
             "message": "„vorlage-2001.pdf“ ist als Grundriss eingereicht, liest sich aber wie eine Baubeschreibung.",
             "evidence": {"document": documents[1].display_name}},
            {"rule": "plausibilitaet.wohnungen", "status": "fail", "legal_basis": "§ 5 BauPrüfVO NRW",
             "message": "Formular: 1 Wohnung; Baubeschreibung S. 2: 2 Wohnungen.", "evidence": {}},
        ]  # fmt: skip

    with document_findings.PROVIDERS.override({
        "test.summary": ("dokument.art", provider), "test.summary2": ("plausibilitaet", lambda c, d: []),
    }):
        document_findings.refresh(case)
        summary = build_summary(case)
    section = next(s for s in summary.sections if s.key == "lesen")
    texts = {f.text: f.source for f in section.facts}
    assert texts["Zu prüfen: „vorlage-2001.pdf“ ist als Grundriss eingereicht, liest sich aber wie eine "
                 "Baubeschreibung. (§ 10 BauPrüfVO NRW)."] == "Vorprüfung Runde 1, Befund dokument.art.abweichung"
    assert texts["Nicht erfüllt: Formular: 1 Wohnung; Baubeschreibung S. 2: 2 Wohnungen. (§ 5 BauPrüfVO NRW)."] == (
        "Vorprüfung Runde 1, Befund plausibilitaet.wohnungen"
    )
    vorpruefung = next(s for s in summary.sections if s.key == "vorpruefung")
    assert not [f for f in vorpruefung.facts if "dokument.art" in f.source]  # named once, in its own section


def test_a_detected_type_differing_from_the_declared_one_is_named() -> None:
    case = submitted_case(documents=("1803", "2001"))
    Finding.objects.filter(check_run__case=case, rule__startswith="dokument.art").delete()
    Document.objects.filter(case=case, document_type="1803").update(detected_type="1502", detected_confidence=0.87)
    fact = fact_with(build_summary(case), "„vorlage-1803.pdf“ ist als")
    assert fact.text == ("„vorlage-1803.pdf“ ist als Lageplan (1803) eingereicht; erkannt wurde "
                         "Baubeschreibung Vordruck (1502) (Sicherheit 87 %).")  # fmt: skip
    assert fact.source == "Bauvorlage vorlage-1803.pdf, Klassifikation"


def test_facts_of_other_apps_join_and_only_the_own_case_is_read(monkeypatch: pytest.MonkeyPatch, tenant: Any) -> None:
    case = submitted_case(UserFactory(tenant=tenant), documents=("1803", "2001"))
    other = submitted_case(UserFactory(tenant=tenant), bauherr_name="Otto Anderer", street="Fremdweg",
                           house_number="99")  # fmt: skip
    assert other.file_number != case.file_number

    def extracted(for_case: Any) -> list[Fact]:
        return [Fact(f"Wohnungen laut Baubeschreibung: {for_case.vorhaben.dwellings}", "Baubeschreibung.pdf S. 2")]

    with summary_facts.FACT_PROVIDERS.override({"test.extraction": extracted}):
        summary = build_summary(case)
    angaben = next(s for s in summary.sections if s.key == "angaben")
    assert [(f.text, f.source) for f in angaben.facts] == [
        ("Wohnungen laut Baubeschreibung: 1", "Baubeschreibung.pdf S. 2")
    ]
    text = summary.as_text()
    assert other.file_number not in text and "Otto Anderer" not in text and "Fremdweg" not in text
