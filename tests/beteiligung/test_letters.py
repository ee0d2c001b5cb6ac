"""The Beteiligungsschreiben: each request files a letter draft for the Fachstelle in the case's Post; once the
clerk sends it, the members of the asked Fachstelle — and nobody else of the Fachstellen — can open its PDF."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.beteiligung import actions
from bauantrag.correspondence.actions import send_letter
from bauantrag.correspondence.models import Letter, LetterState
from tests.conftest import login

pytestmark = pytest.mark.django_db


def test_the_letter_is_drafted_sent_and_read_only_by_the_asked_fachstelle(kommune: Any) -> None:
    beteiligung = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                              documents=kommune.documents("1803"), message="Bitte prüfen.")
    letter = Letter.objects.get(beteiligung_id=beteiligung.pk)
    assert (letter.kind, letter.recipient, letter.state) == ("beteiligung", "agency", LetterState.DRAFT)
    assert "Brandschutzdienststelle" in letter.body and beteiligung.deadline.strftime("%d.%m.%Y") in letter.body

    member = login(Client(), kommune.brandschutz_member)
    page = member.get(f"/beteiligung/{beteiligung.pk}/").content.decode()
    assert f"/post/schreiben/{letter.pk}/" not in page  # a draft is not for the Fachstelle
    assert member.get(f"/post/schreiben/{letter.pk}/pdf/").status_code == 404
    clerk_page = login(Client(), kommune.clerk).get(f"/beteiligung/{beteiligung.pk}/").content.decode()
    assert f"/post/schreiben/{letter.pk}/" in clerk_page  # the clerk edits and sends it

    send_letter(kommune.clerk, letter)
    page = member.get(f"/beteiligung/{beteiligung.pk}/").content.decode()
    assert f"/post/schreiben/{letter.pk}/pdf/" in page
    pdf = member.get(f"/post/schreiben/{letter.pk}/pdf/")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    for outsider in (kommune.naturschutz_member, kommune.loose_agency):
        assert login(Client(), outsider).get(f"/post/schreiben/{letter.pk}/pdf/").status_code == 404

    actions.withdraw_beteiligung(kommune.clerk, beteiligung)
    assert member.get(f"/post/schreiben/{letter.pk}/pdf/").status_code == 404
