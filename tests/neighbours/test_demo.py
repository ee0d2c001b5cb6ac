"""The demo's neighbours: loaded through the actions onto the first complete case, once."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.correspondence.models import Letter, LetterKind, LetterState
from bauantrag.neighbours import demo
from bauantrag.neighbours.models import Affected, Neighbour

pytestmark = pytest.mark.django_db


def test_demo_adds_a_neighbour_to_notify_and_one_who_consented_once(case: Any, clerk_of_case: Any) -> None:
    for _ in range(2):
        demo.load(case.tenant, {demo.CLERK: clerk_of_case})
    west, east = Neighbour.objects.filter(case=case).order_by("created_at")
    assert west.affected == Affected.YES and west.notification_letter is not None
    assert west.notification_letter.state == LetterState.DRAFT
    assert east.consented and east.notification_letter is None
    assert Letter.objects.filter(case=case, kind=LetterKind.NACHBAR_BENACHRICHTIGUNG).count() == 1
