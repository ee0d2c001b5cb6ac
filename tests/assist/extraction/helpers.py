"""Real Bauvorlagen for the extraction tests: text PDFs made with WeasyPrint, uploaded through the real action."""

from __future__ import annotations

from html import escape
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from bauantrag.accounts.models import Role, User
from bauantrag.cases import actions
from bauantrag.cases.models import Case
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document
from tests.factories import COMPLETE_DOCUMENTS, UserFactory, add_documents, draft_case

BAUBESCHREIBUNG_PAGES = [
    [
        "Baubeschreibung zum Bauantrag",
        "Bauherrschaft: Schulz & Partner <Bau> GmbH",
        "Grundstück: Gemarkung Unna, Flur 7, Flurstück 123/4",
        "Entwurfsverfasserin: Dipl.-Ing. Jana Berg, Mitgliedsnummer AKNW 081542",
    ],
    [
        "Konstruktion und Geschosse",
        "Das Wohnhaus erhält 3 Vollgeschosse und ein Staffelgeschoss.",
        "Gebäudeklasse 1",
        "Brutto-Rauminhalt nach DIN 277: 720,00 m³",
    ],
]


def text_pdf(pages: list[list[str]]) -> bytes:
    """A real text PDF: one page per list, one paragraph per line (the text is HTML-escaped)."""
    from weasyprint import HTML

    body = "".join(
        '<section style="page-break-after: always">' + "".join(f"<p>{escape(line)}</p>" for line in lines)
        + "</section>"
        for lines in pages
    )
    html = (f'<html lang="de"><head><meta charset="utf-8"></head>'
            f'<body style="font-family: DejaVu Sans">{body}</body></html>')
    return bytes(HTML(string=html).write_pdf())


def run_on_commit() -> Any:
    return TestCase.captureOnCommitCallbacks(execute=True)


def upload(case: Case, name: str, pages: list[list[str]], code: str = "1502", actor: User | None = None) -> Document:
    """Upload through the real action; its text is read (tasks run eagerly) once the transaction commits."""
    with run_on_commit():
        document = upload_document(actor or case.applicant, case, SimpleUploadedFile(name, text_pdf(pages),
                                                                                      "application/pdf"), code)
    document.refresh_from_db()
    return document


def designer(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.DESIGNER, chamber_number="AKNW 081542")


def submitted_with_baubeschreibung(
    tenant: Any, pages: list[list[str]] | None = None, **form: Any
) -> tuple[Case, Document]:
    """A case the designer submits with the Bauvorlagen, among them a real Baubeschreibung.pdf."""
    author = designer(tenant)
    case = draft_case(author, **{"storeys_full": 2, **form})
    add_documents(case, tuple(c for c in COMPLETE_DOCUMENTS if c != "1502"))
    document = upload(case, "Baubeschreibung.pdf", pages or BAUBESCHREIBUNG_PAGES)
    with run_on_commit():
        actions.submit(case.applicant, case)
    case.refresh_from_db()
    return case, document


def scanned_pdf(lines: list[str]) -> bytes:
    """A one-page scan as a scanner delivers it: grey pixels at 300 dpi, no text layer (OCR must read it)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    for index, line in enumerate(lines):
        draw.text((220, 260 + index * 110), line, font=font, fill=20)
    out = io.BytesIO()
    image.save(out, "PDF", resolution=300)
    return out.getvalue()
