"""The approved Bauvorlagen go out with the Baugenehmigung: every page of each carries the Genehmigungsvermerk
(„Zur Baugenehmigung vom … Az. … gehörig“, authority), each stamped copy is frozen with its SHA-256 beside the
untouched original, listed in the Bescheid and downloadable by the applicant side only."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from bauantrag.audit.models import AuditEvent
from bauantrag.correspondence import actions, stamping
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import Enclosure, LetterKind
from tests.conftest import login
from tests.correspondence.conftest import pdf_text, stored_pdf
from tests.factories import UserFactory, clerk_for, complete_case, run_actions_now

pytestmark = pytest.mark.django_db


def stored(tenant_id: Any, name: str) -> bytes:
    from bauantrag.documents import storage

    handle = storage.open_for_read(tenant_id, name, None)  # no hash given: the tests compare it themselves
    try:
        return handle.read()
    finally:
        handle.close()


def page_texts(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def test_the_baugenehmigung_delivers_every_bauvorlage_with_the_vermerk_on_each_page(
    applicant: Any, letterhead: Any,
) -> None:
    case = complete_case(applicant)
    png = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(png, format="PNG")
    with run_actions_now():  # a message's attachment is no Bauvorlage
        actions.post_message(applicant, case, "Foto", "Der Bestand.",
                             files=[SimpleUploadedFile("foto-bestand.png", png.getvalue(), "image/png")])
    originals = {d.pk: stored(case.tenant_id, d.storage_name) for d in case.documents.all()}
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG))
    day = timezone.localdate(letter.sent_at)

    enclosures = list(letter.enclosures.order_by("number"))
    bauvorlagen = case.documents.filter(message_attachment__isnull=True)
    assert len(enclosures) == bauvorlagen.count() == 7
    bescheid = pdf_text(stored_pdf(letter))
    for enclosure in enclosures:
        data = stored(case.tenant_id, enclosure.storage_name)
        assert enclosure.stamped and hashlib.sha256(data).hexdigest() == enclosure.sha256 != enclosure.source_sha256
        texts = page_texts(data)
        assert len(texts) == enclosure.pages >= 1
        for number, text in enumerate(texts, start=1):
            assert (f"Genehmigungsvermerk Zur Baugenehmigung vom {day:%d.%m.%Y} Az. {case.file_number} gehörig "
                    f"Untere Bauaufsichtsbehörde der Stadt Musterstadt Anlage {enclosure.number} von 7 "
                    f"Seite {number} von {len(texts)}") in text
        assert f"{enclosure.number}. " in bescheid and enclosure.display_name in bescheid
    # the originals stay as they were submitted
    for document in case.documents.all():
        assert stored(case.tenant_id, document.storage_name) == originals[document.pk]
        assert hashlib.sha256(originals[document.pk]).hexdigest() == document.sha256
    sent = AuditEvent.objects.get(event=LetterEvent.LETTER_SENT, subject_id=str(letter.pk))
    assert [e["sha256"] for e in sent.after["enclosures"]] == [e.sha256 for e in enclosures]


def test_only_the_applicant_side_downloads_the_stamped_bauvorlagen(
    applicant: Any, letterhead: Any, other_tenant: Any,
) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    with run_actions_now():
        letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG))
    client = login(Client(), applicant)
    url = reverse("correspondence:letter_enclosures", kwargs={"letter_id": letter.pk})
    page = client.get(url).content.decode()
    assert "vorlage-1803.pdf" in page and letter.enclosures.get(number=1).sha256 in page
    download = client.get(url, {"nr": "1"})
    data = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert hashlib.sha256(data).hexdigest() == letter.enclosures.get(number=1).sha256
    assert client.get(url, {"nr": "99"}).status_code == 404
    stranger = login(Client(), UserFactory(tenant=case.tenant))
    assert stranger.get(url).status_code == 404 and stranger.get(url, {"nr": "1"}).status_code == 404



def test_an_image_bauvorlage_is_put_on_a_page_and_stamped() -> None:
    png = io.BytesIO()
    Image.new("RGB", (600, 400), "white").save(png, format="PNG", dpi=(150, 150))
    stamped = stamping.stamp_pdf(stamping.image_to_pdf(png.getvalue()), ["Zur Baugenehmigung vom 07.12.2026",
                                                                         "Az. 63-2026-09999 gehörig"])
    assert stamped.pages == 1
    assert page_texts(stamped.data) == ["Zur Baugenehmigung vom 07.12.2026 Az. 63-2026-09999 gehörig Seite 1 von 1"]


def test_a_bauvorlage_that_cannot_be_stamped_stops_the_bescheid(applicant: Any, letterhead: Any) -> None:
    case = complete_case(applicant)
    document = case.documents.first()
    assert document is not None
    from bauantrag.documents import storage

    # a stored file that is no longer a readable PDF (written through the store, so its encryption is intact)
    name, _size, sha256 = storage.write(case.tenant_id, iter([b"%PDF-1.4 broken"]), ".pdf")
    document.storage_name, document.sha256 = name, sha256
    document.save()
    clerk = clerk_for(case.tenant)
    draft = actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Genehmigungsvermerk"):
        actions.send_letter(clerk, draft)
    draft.refresh_from_db()
    assert draft.is_draft and not Enclosure.objects.exists()
