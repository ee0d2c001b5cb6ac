"""Every letter kind, rendered for a case and read back from its PDF, reads as a Bauamt writes: exactly one
salutation (named where the person is known) and one closing, no rule ids or XBau codes, the case's own figures;
the Nachforderung gives its reasons as sentences with paragraph and Fassung, the deadline and the
Rücknahmefiktion once."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone

from bauantrag.cases import actions as case_actions
from bauantrag.cases.display import latest_run
from bauantrag.correspondence import actions
from bauantrag.correspondence.models import Letter, LetterKind
from bauantrag.correspondence.pdf import render_letter
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.workspace.casefile import suggested_items
from tests.correspondence.conftest import pdf_text, stored_pdf
from tests.factories import clerk_for, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db

SALUTATIONS = re.compile(r"Sehr geehrte|Guten Tag")
CLOSING = "Mit freundlichen Grüßen"
RULE_ID = re.compile(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b")  # e.g. baupruefvo.completeness.baubeschreibung
ALL_XBAU_CODES = {code for bv in BAUVORLAGEN.values() for code in (*bv.accepted, *bv.parts, *bv.generic)}


def assert_reads_as_a_letter(text: str, case: Any) -> None:
    assert len(SALUTATIONS.findall(text)) == 1, text
    assert text.count(CLOSING) == 1, text
    assert "XBau" not in text and not RULE_ID.search(text), text
    # the factory's files are named after their code ("vorlage-1502.pdf"): the applicant's names are no codes
    codes = set(re.findall(r"\b\d{4}\b", re.sub(r"vorlage-\d{4}\.pdf", "", text))) & ALL_XBAU_CODES
    assert not codes, f"XBau codes {codes} in: {text}"
    assert case.file_number in text and "Lindenweg 12, 59423 Unna" in text


def test_nachforderung_from_the_precheck_in_letter_language(applicant: Any, letterhead: Any) -> None:
    case = submitted_case(applicant, documents=("1803", "2001", "2002", "2003", "0401"),
                          bauherr_anrede="frau", bauherr_street="Birkenallee 5", bauherr_postal_code="59425",
                          bauherr_city="Unna")
    run = latest_run(case)
    assert run is not None
    items = suggested_items(list(run.findings.all()))
    assert {item["title"] for item in items} >= {"Baubeschreibung", BAUVORLAGEN["kostenermittlung"].name}
    deadline = timezone.localdate() + dt.timedelta(days=30)
    with run_actions_now():
        case_actions.send_nachforderung(clerk_for(case.tenant), case, items=items, message="", deadline=deadline)
    letter = Letter.objects.get(case=case, kind=LetterKind.NACHFORDERUNG)
    text = pdf_text(stored_pdf(letter))

    assert_reads_as_a_letter(text, case)
    assert "Sehr geehrte Frau Mustermann," in text
    assert "Erika Mustermann Birkenallee 5 59425 Unna" in text  # the postal address in the window
    assert re.search(r"\d\. Baubeschreibung: Sie liegt Ihrem Antrag nicht bei\. Im vereinfachten "
                     r"Baugenehmigungsverfahren \(§ 64 BauO NRW\) ist sie nach ", text)
    finding = run.findings.get(rule="baupruefvo.completeness.baubeschreibung")
    # The check applied the last known wording (2021) for want of the one in force; the letter cites the paragraph.
    assert finding.law_version == "BauPrüfVO NRW in der vom 09.07.2021 bis 25.11.2024 geltenden Fassung"
    assert f"nach {finding.legal_basis} einzureichen." in text and "25.11.2024" not in text
    assert "Passende" not in text and "Es fehlt:" not in text and "unten genannt" not in text
    assert text.count(f"{deadline:%d.%m.%Y}") == 1
    assert text.count("gilt der Bauantrag als zurückgenommen") == 1
    assert text.index("fehlt noch Folgendes") < text.index("1. ")  # the list follows its introduction


def test_every_letter_kind_reads_as_a_letter(applicant: Any, letterhead: Any) -> None:
    # no procedure asked for: the letters name the one the pre-check determined
    case = submitted_case(applicant, bauherr_anrede="frau", procedure_requested="")
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        case_actions.confirm_completeness(clerk, case)
    case.refresh_from_db()
    contexts: dict[str, dict[str, Any]] = {
        LetterKind.ANHOERUNG: {"deadline": dt.date(2030, 1, 15)},
        LetterKind.BETEILIGUNG: {"deadline": dt.date(2030, 1, 15), "agency_name": "Untere Wasserbehörde"},
        LetterKind.BAUGENEHMIGUNG: {"nebenbestimmungen": [
            {"kind": "auflage", "text": "Die Zufahrt ist mit Rasengittersteinen zu befestigen.",
             "legal_basis": "§ 4 Abs. 1 BauO NRW", "reason": "Die Zufahrt muss für die Feuerwehr befahrbar sein.",
             "fachstelle": "Brandschutzdienststelle"},
            {"kind": "hinweis", "text": "Der Baum an der Grundstücksgrenze ist zu schützen."},
        ]},
        LetterKind.ABLEHNUNG: {"reasons": "Das Vorhaben fügt sich nicht in die Eigenart der näheren Umgebung ein "
                                          "(§ 34 Abs. 1 BauGB)."},
        LetterKind.RUECKNAHME: {"reason": "declared"},
        LetterKind.SONSTIGES: {},
    }
    contexts[LetterKind.BAUGENEHMIGUNG] = contexts.pop(LetterKind.BAUGENEHMIGUNG)  # sent last: it closes the case
    sent = {letter.kind: letter for letter in Letter.objects.filter(case=case)}  # Eingang, Vollständigkeit
    assert set(sent) == {LetterKind.EINGANGSBESTAETIGUNG, LetterKind.VOLLSTAENDIGKEIT}
    texts = {kind: pdf_text(stored_pdf(letter)) for kind, letter in sent.items()}
    # the refusal is read from its preview (a sent Bescheid decides the case; only one can be sent); the
    # approval is sent last
    refusal = actions.draft_letter(clerk, case, LetterKind.ABLEHNUNG, context=contexts.pop(LetterKind.ABLEHNUNG))
    texts[LetterKind.ABLEHNUNG] = pdf_text(render_letter(refusal, sent_at=None, sender=clerk).data)
    for kind, context in contexts.items():
        recipient = "agency" if kind == LetterKind.BETEILIGUNG else "applicant"
        letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, kind, context=context,
                                                                 recipient=recipient))
        texts[kind] = pdf_text(stored_pdf(letter))
    for kind, text in texts.items():
        assert_reads_as_a_letter(text, case)
        agency = kind == LetterKind.BETEILIGUNG
        assert ("Sehr geehrte Damen und Herren," if agency else "Sehr geehrte Frau Mustermann,") in text, (kind, text)
    assert f"bis zum {case.completeness_due:%d.%m.%Y}" in texts[LetterKind.EINGANGSBESTAETIGUNG]
    assert "Verfahren: Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)" in texts[LetterKind.VOLLSTAENDIGKEIT]
    approval = texts[LetterKind.BAUGENEHMIGUNG]
    assert ("Auflagen 1. Die Zufahrt ist mit Rasengittersteinen zu befestigen. Rechtsgrundlage: § 4 Abs. 1 BauO NRW "
            "Begründung: Die Zufahrt muss für die Feuerwehr befahrbar sein. Gefordert von: Brandschutzdienststelle"
            ) in approval
    assert "Der Baum an der Grundstücksgrenze ist zu schützen." in approval
    assert "vorlage-1502.pdf" in approval and "vorlage-0401.pdf" in approval  # the Bauvorlagen are listed
    assert "Die Gebühren werden mit gesondertem Bescheid festgesetzt." in approval
    assert "länger als ein Jahr unterbrochen" in approval  # § 75 Abs. 1 BauO NRW, review item M13
    assert "Verwaltungsgericht Arnsberg" in approval and "Widerspruch" not in approval
    assert "§ 34 Abs. 1 BauGB" in texts[LetterKind.ABLEHNUNG]
    assert "bis zum 15.01.2030" in texts[LetterKind.ANHOERUNG]
