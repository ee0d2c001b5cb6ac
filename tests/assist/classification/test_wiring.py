"""Classification inside the application: upload → text → classification → audit, findings and panel."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bauantrag.assist.classification import classifier as classifier_module
from bauantrag.assist.classification import modelfile
from bauantrag.assist.events import AssistEvent
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.models import Finding
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document
from tests.assist.classification.helpers import pdf_file, sample
from tests.conftest import login
from tests.factories import draft_case, run_actions_now

pytestmark = pytest.mark.django_db


def _upload(case: Any, doc_class: str, variant: str, name: str, code: str, scanned: bool = False) -> Document:
    with run_actions_now():
        document = upload_document(
            case.applicant, case, pdf_file(sample(doc_class, variant, scanned=scanned), name), code
        )
    document.refresh_from_db()
    return document


def test_uploaded_text_pdf_gets_its_detected_type_and_an_audit_event(applicant: Any) -> None:
    case = draft_case(applicant)
    document = _upload(case, "lageplan", "plan_klassisch", "lageplan.pdf", "1803")
    model = modelfile.load()
    assert document.text_status == "done"
    assert document.detected_type == "1803"
    assert document.detected_confidence is not None and document.detected_confidence >= model.confident_threshold
    assert document.classifier_version == model.version
    event = AuditEvent.objects.get(event=AssistEvent.DOCUMENT_CLASSIFIED, subject_id=str(document.pk))
    assert event.actor is None and event.case_id == case.pk
    assert event.after["detected_type"] == "1803" and event.after["top"][0]["code"] == "1803"


def test_a_more_specific_declared_code_of_the_same_class_is_kept(applicant: Any) -> None:
    case = draft_case(applicant)
    document = _upload(case, "bauzeichnungen", "schnitt", "schnitt-a-a.pdf", "2002")
    assert document.detected_type == "2002"  # class Bauzeichnungen covers 2002 Schnitte


def test_scanned_pdf_is_read_by_ocr_and_classified(applicant: Any) -> None:
    case = draft_case(applicant)
    document = _upload(case, "vollmacht", "formular", "vollmacht-scan.pdf", "0602", scanned=True)
    assert document.pages.filter(method="ocr").exists()
    assert document.detected_type == "0602"


def test_declared_type_that_disagrees_becomes_a_needs_review_finding(applicant: Any) -> None:
    case = draft_case(applicant)
    wrong = _upload(case, "baubeschreibung", "vordruck", "lageplan-final.pdf", "1803")
    right = _upload(case, "vollmacht", "formular", "vollmacht.pdf", "0602")
    with run_actions_now():
        actions.submit(case.applicant, case)
    findings = list(Finding.objects.filter(check_run__case=case, rule="dokument.art"))
    assert len(findings) == 1, [f.message for f in findings]
    finding = findings[0]
    assert finding.status == "needs_review"
    assert finding.legal_basis == "§ 1 Abs. 1, § 3, § 5 Abs. 1 BauPrüfVO NRW"
    assert "lageplan-final.pdf" in finding.message and "Baubeschreibung" in finding.message
    assert finding.evidence["name"] == "lageplan-final.pdf"
    assert finding.evidence["type"] == "1803"
    assert finding.evidence["detected_document_type"] == wrong.detected_type == "1500"
    assert finding.evidence["confidence"] == pytest.approx(wrong.detected_confidence, abs=1e-4)
    assert finding.evidence["classifier_version"] == modelfile.load().version
    assert right.detected_type == "0602"


def test_panel_shows_declared_and_detected_type_as_a_suggestion(applicant: Any, clerk: Any) -> None:
    case = draft_case(applicant)
    _upload(case, "baubeschreibung", "prosa", "lageplan-final.pdf", "1803")
    with run_actions_now():
        actions.submit(case.applicant, case)
    page = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'aria-labelledby="classification-h"' in html and "Vorschlag der Software" in html
    assert "Lageplan (1803)" in html and "Baubeschreibung (1500)" in html
    assert "weicht ab" in html
    model = modelfile.load()  # the panel names the version with its calibrated thresholds
    assert model.version in html and f"„keine Bauvorlage“ ab {round(model.reject_threshold * 100)} %" in html


@pytest.fixture
def damaged_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    target = tmp_path / "model"
    shutil.copytree(modelfile.MODEL_DIR, target)
    (target / modelfile.ARRAYS).write_bytes(b"not a model")
    monkeypatch.setattr(classifier_module, "MODEL_DIR", target)
    classifier_module.reset()
    yield
    classifier_module.reset()


def test_a_damaged_model_does_not_break_uploads(
    applicant: Any, clerk: Any, damaged_model: None, caplog: pytest.LogCaptureFixture
) -> None:
    case = draft_case(applicant)
    with caplog.at_level(logging.ERROR, logger="bauantrag.assist.classification"):
        document = _upload(case, "lageplan", "plan_klassisch", "lageplan.pdf", "1803")
    assert document.text_status == "done" and document.pages.exists()
    assert document.detected_type == "" and document.classifier_version == ""
    assert not AuditEvent.objects.filter(event=AssistEvent.DOCUMENT_CLASSIFIED).exists()
    assert "Prüfsumme" in caplog.text
    with run_actions_now():
        actions.submit(case.applicant, case)
    html = login(Client(), clerk).get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "derzeit nicht verfügbar" in html


def test_a_demanded_brandschutz_erklaerung_2712_is_not_flagged_as_the_wrong_kind(applicant: Any) -> None:
    """Eine vom Pre-Check verlangte Erklärung zum Brandschutz (2712) wird nicht als falsche Art gemeldet."""
    case = draft_case(applicant)
    document = _upload(case, "brandschutz", "erklaerung", "erklaerung-brandschutz.pdf", "2712")
    with run_actions_now():
        actions.submit(case.applicant, case)
    assert document.detected_type in ("", "2712")
    assert not Finding.objects.filter(check_run__case=case, rule="dokument.art").exists()


def test_a_baubeschreibung_declared_as_2712_is_named_in_words(applicant: Any) -> None:
    """Eine als Erklärung zum Brandschutz (2712) eingereichte Baubeschreibung wird gemeldet, mit Namen statt Codes."""
    case = draft_case(applicant)
    _upload(case, "baubeschreibung", "vordruck", "brandschutz.pdf", "2712")
    with run_actions_now():
        actions.submit(case.applicant, case)
    finding = Finding.objects.get(check_run__case=case, rule="dokument.art")
    assert "Baubeschreibung" in finding.message and "Brandschutz" in finding.message
    assert "1500" not in finding.message
