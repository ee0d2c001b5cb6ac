"""Fixes from the security/correctness review (H10) of the mailbox and letters."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.correspondence import actions
from bauantrag.correspondence.models import Message
from tests.conftest import login
from tests.factories import clerk_for, submitted_case

pytestmark = pytest.mark.django_db


def _overview_unread(client: Client, case: Any) -> int:
    response = client.get("/post/")
    assert response.status_code == 200
    rows = {row.pk: row for row in response.context["cases"]}
    return int(rows[case.pk].unread)


def test_overview_counts_unread_per_person_when_others_have_read_too(applicant: Any) -> None:
    """A message read by the user AND by a colleague is read for the user (the overview counted it unread:
    the negated join over all read receipts matched the colleague's receipt)."""
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    colleague = clerk_for(case.tenant)
    clerk_client, applicant_client = login(Client(), clerk), login(Client(), applicant)
    question = actions.post_message(applicant, case, "Frage", "Reicht eine Seite?")
    assert _overview_unread(clerk_client, case) == 1
    actions.mark_thread_read(colleague, question)
    assert _overview_unread(clerk_client, case) == 1  # the colleague's reading does not count for the clerk
    actions.mark_thread_read(clerk, question)
    assert _overview_unread(clerk_client, case) == 0
    # and the applicant side: the system letters are unread until opened, read by the applicant they are not
    unread_before = Message.objects.filter(case=case, side="authority").count()
    assert _overview_unread(applicant_client, case) == unread_before
    for message in Message.objects.filter(case=case, side="authority", parent__isnull=True):
        actions.mark_thread_read(applicant, message)
    assert _overview_unread(applicant_client, case) == 0


def _image_count(data: bytes) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(data)
    try:
        return sum(
            1 for index in range(len(document))
            for obj in document[index].get_objects(max_depth=4) if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        document.close()


def _png(tmp_path: Any) -> tuple[str, str]:
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 30, 30)).save(buffer, "PNG")
    path = tmp_path / "secret.png"
    path.write_bytes(buffer.getvalue())
    return path.as_uri(), "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_weasyprint_fetches_no_file_or_network_url(tmp_path: Any) -> None:
    """Defence in depth below the escaping: even markup that reached the letter HTML cannot make WeasyPrint read a
    local file (or the network); only data: URLs are loaded."""
    from bauantrag.correspondence import pdf

    file_url, data_url = _png(tmp_path)
    assert _image_count(pdf.html_to_pdf(f'<p>x</p><img src="{data_url}">', title="t")) == 1  # the probe works
    assert _image_count(pdf.html_to_pdf(f'<p>x</p><img src="{file_url}">', title="t")) == 0
    assert _image_count(pdf.html_to_pdf('<p>x</p><img src="http://127.0.0.1:9/x.png">', title="t")) == 0


def test_markup_in_a_letter_is_text_in_the_pdf(applicant: Any, letterhead: Any, tmp_path: Any) -> None:
    from bauantrag.correspondence.models import LetterKind
    from tests.correspondence.conftest import pdf_text, stored_pdf

    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    file_url, _data_url = _png(tmp_path)
    letter = actions.draft_letter(clerk, case, LetterKind.SONSTIGES)
    letter = actions.update_draft(clerk, letter, "<b>Betreff</b>", f'Text <img src="{file_url}"> <i>kursiv</i>')
    sent = actions.send_letter(clerk, letter)
    data = stored_pdf(sent)
    text = pdf_text(data)
    assert "<i>kursiv</i>" in text and "<b>Betreff</b>" in text and "<img src=" in text
    assert _image_count(data) == 0
