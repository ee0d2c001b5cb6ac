"""Helpers of the correspondence tests: reading stored letters back, a letterhead, an SMTP server."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pytest

from bauantrag.correspondence.models import Letter, Letterhead
from bauantrag.documents import storage
from tests.notifications.conftest import smtp_server, smtp_server_factory  # noqa: F401  (fixtures)


def stored_pdf(letter: Letter) -> bytes:
    handle = storage.open_for_read(letter.tenant_id, letter.storage_name, letter.sha256)
    try:
        return handle.read()
    finally:
        handle.close()


def pdfa_identification(data: bytes) -> tuple[str, str]:
    """(part, conformance) from the XMP metadata, e.g. ("3", "A") for PDF/A-3a."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        meta = pdf.open_metadata()
        return str(meta.get("pdfaid:part", "")), str(meta.get("pdfaid:conformance", ""))


def pdf_text(data: bytes) -> str:
    """The text of all pages, read back with pdfium, whitespace collapsed (line breaks are layout)."""
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            pages.append(textpage.get_text_range())
        text = "\n".join(pages).replace("\ufffe", "").replace("\u00ad", "")
        return " ".join(text.split())
    finally:
        document.close()


@pytest.fixture
def letterhead(tenant: Any) -> Letterhead:
    tenant.authority_name = "Untere Bauaufsichtsbehörde der Stadt Musterstadt"
    tenant.kreis = "Kreis Unna"
    tenant.save()
    return Letterhead.objects.create(
        tenant=tenant, department="Fachbereich Planen und Bauen", street="Rathausplatz 1", postal_code="59423",
        city="Musterstadt", phone="02303 103-0", email="bauaufsicht@musterstadt.example",
        court_name="Verwaltungsgericht Arnsberg", court_address="Jägerstraße 1, 59821 Arnsberg",
    )
