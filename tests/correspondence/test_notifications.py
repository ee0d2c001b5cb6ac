"""Mails about messages and letters, received by a real SMTP server: Aktenzeichen, what happened, a link."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.correspondence import actions
from bauantrag.correspondence.models import LetterKind
from tests.factories import clerk_for, complete_case, run_actions_now
from tests.notifications.conftest import SmtpServer
from tests.notifications.test_mails import PERSONAL

pytestmark = pytest.mark.django_db


def _assert_no_personal_data(text: str, *others: str) -> None:
    for value in (*PERSONAL, *others):
        assert value.lower() not in text.lower(), f"{value!r} must not be in the mail"


def test_message_letter_and_decision_mails_carry_no_personal_data(
    smtp_server: SmtpServer, applicant: Any, letterhead: Any
) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    inbox = smtp_server.inbox
    before = len(inbox.envelopes)

    with run_actions_now():
        question = actions.post_message(applicant, case, "Frage zu Flurstück 123/4", "Geheimer Inhalt der Frage")
    assert len(inbox.envelopes) == before  # the applicant's own message: no mail to the applicant side

    with run_actions_now():
        reply = actions.post_message(clerk, case, "", "Geheime Antwort der Sachbearbeitung", parent=question)
    with run_actions_now():
        anhoerung = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG)
        actions.send_letter(clerk, anhoerung)
    with run_actions_now():
        bescheid = actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG,
                                        context={"nebenbestimmungen": ["Geheime Auflage"]})
        actions.send_letter(clerk, bescheid)

    new = list(range(before, len(inbox.envelopes)))
    assert [inbox.subject(i) for i in new] == [
        f"Neue Nachricht – Aktenzeichen {case.file_number}",
        f"Neues Schreiben – Aktenzeichen {case.file_number}",
        f"Entscheidung über Ihren Antrag – Aktenzeichen {case.file_number}",
    ]
    for index in new:
        text = inbox.everything(index)
        assert case.file_number in text
        _assert_no_personal_data(
            text, "Geheim", "Frage zu", "Anhörung", "Auflage", clerk.display_name(), clerk.email,
            "Verwaltungsgericht",
        )
    assert f"/post/nachricht/{reply.pk}/" in inbox.everything(new[0])
    assert f"/post/vorgang/{case.pk}/" in inbox.everything(new[1])
