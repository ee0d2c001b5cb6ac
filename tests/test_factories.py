"""The lifecycle factories: real actions, and a trait that leaves the letters of case events unrendered for tests
that never look at them."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.cases.models import CaseState
from bauantrag.correspondence.models import Letter, LetterKind, LetterState
from bauantrag.notifications.models import NotificationLog, NotificationStatus
from tests.factories import UserFactory, complete_case

pytestmark = pytest.mark.django_db


def test_by_default_the_letters_of_the_case_events_are_rendered_and_sent(tenant: Any) -> None:
    case = complete_case(UserFactory(tenant=tenant))
    letters = Letter.objects.filter(case=case).order_by("created_at")
    assert [(letter.kind, letter.state, len(letter.sha256)) for letter in letters] == [
        (LetterKind.EINGANGSBESTAETIGUNG, LetterState.SENT, 64), (LetterKind.VOLLSTAENDIGKEIT, LetterState.SENT, 64)]


def test_without_letters_they_stay_unrendered_drafts_and_everything_else_still_runs(tenant: Any) -> None:
    case = complete_case(UserFactory(tenant=tenant), letters=False)
    assert case.state == CaseState.COMPLETE
    assert case.check_runs.filter(status="done").exists()  # the pre-check (an after-commit task) did run
    letters = Letter.objects.filter(case=case)
    assert {(letter.kind, letter.state, letter.sha256) for letter in letters} == {
        (LetterKind.EINGANGSBESTAETIGUNG, LetterState.DRAFT, ""), (LetterKind.VOLLSTAENDIGKEIT, LetterState.DRAFT, "")}
    # the notification mails, also after-commit work, went out all the same
    assert NotificationLog.objects.filter(case=case, status=NotificationStatus.SENT).exists()
