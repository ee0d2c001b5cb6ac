"""What the fees and deadline code contribute to the letters: the Bescheid's Gebührenfestsetzung with Kassenzeichen
and the completeness confirmation's decision date, through the registries of letter_facts (filled by those apps)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from bauantrag.cases import actions as case_actions
from bauantrag.correspondence import actions
from bauantrag.correspondence.letter_facts import DECISION_DATE_SOURCES, FEE_SOURCES
from bauantrag.correspondence.models import Letter, LetterKind
from tests.correspondence.conftest import pdf_text, stored_pdf
from tests.factories import clerk_for, complete_case, run_actions_now, submitted_case

pytestmark = pytest.mark.django_db


@dataclass
class Line:  # shaped like fees.assessment.AssessmentLine
    label: str
    amount: Decimal


@dataclass
class Assessment:
    lines: list[Line | tuple[str, Decimal]]
    total: Decimal
    kassenzeichen: str
    legal_basis: str


def test_the_bescheid_sets_the_fees_the_fees_app_assessed(applicant: Any, letterhead: Any) -> None:
    case = complete_case(applicant)
    assessment = Assessment(
        lines=[Line("Baugenehmigung, Tarifstelle 2.4.1.1 (Rohbausumme 216.000,00 €)", Decimal("2808.00")),
               ("Prüfung der Vollständigkeit", Decimal("0"))],
        total=Decimal("2808.00"), kassenzeichen="5.0123.456789", legal_basis="AVerwGebO NRW, Tarifstelle 2.4.1.1")
    clerk = clerk_for(case.tenant)
    with FEE_SOURCES.override({"test": lambda c, decision: assessment if c.pk == case.pk else None},
                              replace_all=True):
        letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG))
    text = pdf_text(stored_pdf(letter))
    assert ("Gebührenfestsetzung Baugenehmigung, Tarifstelle 2.4.1.1 (Rohbausumme 216.000,00 €): 2.808,00 € "
            "Prüfung der Vollständigkeit: 0,00 € Festgesetzte Gebühr: 2.808,00 € (AVerwGebO NRW, Tarifstelle "
            "2.4.1.1) Kassenzeichen: 5.0123.456789") in text
    assert "gesondertem Bescheid" not in text


def test_the_completeness_confirmation_names_the_decision_date_when_known(applicant: Any) -> None:
    with_date, without = submitted_case(applicant), submitted_case(applicant, street="Ahornweg")
    clerk = clerk_for(with_date.tenant)
    day = dt.date(2027, 3, 8)
    source = {"test": lambda c: day if c.pk == with_date.pk else None}
    with DECISION_DATE_SOURCES.override(source, replace_all=True), run_actions_now():
        case_actions.confirm_completeness(clerk, with_date)
        case_actions.confirm_completeness(clerk, without)
    texts = [pdf_text(stored_pdf(Letter.objects.get(case=c, kind=LetterKind.VOLLSTAENDIGKEIT)))
             for c in (with_date, without)]
    assert "Über Ihren Antrag entscheiden wir bis zum 08.03.2027 (§ 71 Abs. 2 Nr. 1 BauO NRW)." in texts[0]
    assert "entscheiden wir bis zum" not in texts[1]


def test_the_letters_take_the_decision_date_and_the_fee_from_their_apps(applicant: Any, letterhead: Any) -> None:
    """No stand-ins: the date is the one the cases app computed (§ 71 Abs. 6), the fee the fees app's (none yet:
    the test Kommune has entered no tariff, so the Bescheid says the fees follow separately)."""
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        case_actions.confirm_completeness(clerk, case)
    case.refresh_from_db()
    assert case.decision_due is not None
    text = pdf_text(stored_pdf(Letter.objects.get(case=case, kind=LetterKind.VOLLSTAENDIGKEIT)))
    assert f"entscheiden wir bis zum {case.decision_due:%d.%m.%Y}" in text
    bescheid = actions.send_letter(clerk, actions.draft_letter(clerk, complete_case(applicant),
                                                               LetterKind.BAUGENEHMIGUNG))
    assert "Die Gebühren werden mit gesondertem Bescheid festgesetzt." in pdf_text(stored_pdf(bescheid))
