"""A sent letter (and a stamped enclosure of a Baugenehmigung) is handed out only after its authenticated
decryption and its stored SHA-256 check pass; otherwise 409 in German, a letter.damaged audit event, an error in
the operator's log, and no Bekanntgabe by retrieval (issue 13)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.correspondence import actions
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import Letter, LetterKind, LetterState
from bauantrag.documents import storage
from bauantrag.documents.events import DocumentEvent
from tests.conftest import login
from tests.correspondence.conftest import stored_pdf
from tests.factories import clerk_for, complete_case, submitted_case

pytestmark = pytest.mark.django_db


def _download(client: Client, url: str, caplog: Any) -> Any:
    with caplog.at_level(logging.ERROR, logger="bauantrag.documents"):
        return client.get(url)


def test_a_letter_replaced_by_its_plain_pdf_is_refused_and_not_counted_as_retrieved(
    applicant: Any, applicant_client: Client, letterhead: Any, caplog: Any
) -> None:
    letter = Letter.objects.get(case=submitted_case(applicant))
    storage._path(letter.tenant_id, letter.storage_name).write_bytes(stored_pdf(letter))
    response = _download(applicant_client, f"/post/schreiben/{letter.pk}/pdf/", caplog)
    assert response.status_code == 409
    assert "beschädigt oder wurde verändert und wird deshalb nicht ausgeliefert" in response.content.decode()
    assert "is not encrypted" in caplog.text
    event = AuditEvent.objects.get(event=LetterEvent.LETTER_DAMAGED)
    assert (event.subject_id, event.tenant_id, event.case_id, event.actor) == (
        str(letter.pk), letter.tenant_id, letter.case_id, applicant)
    letter.refresh_from_db()
    assert letter.retrieved_at is None  # a refused download is no Bekanntgabe


def test_another_letter_of_the_same_kommune_in_its_place_is_refused_by_its_hash(
    applicant: Any, applicant_client: Client, letterhead: Any, caplog: Any
) -> None:
    first = Letter.objects.get(case=submitted_case(applicant))
    second = Letter.objects.get(case=submitted_case(applicant))
    storage._path(first.tenant_id, first.storage_name).write_bytes(
        storage._path(second.tenant_id, second.storage_name).read_bytes())
    response = _download(applicant_client, f"/post/schreiben/{first.pk}/pdf/", caplog)
    assert response.status_code == 409 and "SHA-256 differs from the stored one" in caplog.text
    assert AuditEvent.objects.filter(event=LetterEvent.LETTER_DAMAGED, subject_id=str(first.pk)).count() == 1
    assert applicant_client.get(f"/post/schreiben/{second.pk}/pdf/").status_code == 200


def test_a_stamped_enclosure_swapped_for_another_is_refused(
    applicant: Any, applicant_client: Client, letterhead: Any, caplog: Any
) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG))
    first, second = letter.enclosures.order_by("number")[:2]
    storage._path(case.tenant_id, first.storage_name).write_bytes(
        storage._path(case.tenant_id, second.storage_name).read_bytes())
    url = f"/post/schreiben/{letter.pk}/anlagen/?nr="
    response = _download(applicant_client, url + str(first.number), caplog)
    assert response.status_code == 409 and "SHA-256 differs from the stored one" in caplog.text
    event = AuditEvent.objects.get(event=LetterEvent.LETTER_DAMAGED)
    assert event.subject_type == "Enclosure" and event.after["enclosure"] == first.number
    assert applicant_client.get(url + str(second.number)).status_code == 200


def test_a_baugenehmigung_over_a_tampered_bauvorlage_is_not_sent(
    applicant: Any, letterhead: Any, caplog: Any
) -> None:
    """The Bescheid says its Bauvorlagen carry the Vermerk: one that fails its check stops the sending (no 500)."""
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG)
    lageplan = case.documents.get(document_type="1803")
    storage._path(case.tenant_id, lageplan.storage_name).write_bytes(b"%PDF-1.7 untergeschoben")
    with caplog.at_level(logging.ERROR, logger="bauantrag.documents"):
        response = login(Client(), clerk).post(f"/post/schreiben/{letter.pk}/senden/", follow=True)
    assert response.status_code == 200
    assert f"Die gespeicherte Bauvorlage „{lageplan.display_name}“ ist beschädigt" in response.content.decode()
    assert "is not encrypted" in caplog.text
    letter.refresh_from_db()
    assert letter.state == LetterState.DRAFT and not letter.enclosures.exists() and not letter.storage_name
    event = AuditEvent.objects.get(event=DocumentEvent.DOCUMENT_DAMAGED)
    assert (event.subject_id, event.actor, event.after["while"]) == (str(lageplan.pk), clerk, "baugenehmigung")
