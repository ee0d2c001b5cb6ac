"""Demo data of the text reading: a real Baubeschreibung (text page + scanned page) for the open Nachforderung,
and the text of every demo Bauvorlage read at once (no worker needed to see it).

``load(tenant, users)`` is idempotent. ``users`` maps usernames to the demo accounts (bauantrag/demo/seed.py); used:
``bauherr@musterstadt.example`` (answers the Nachforderung of the case „Ahornstraße 9“ with the Baubeschreibung).
Try it as ``sachbearbeitung@musterstadt.example``: the case page shows „Text gelesen (2 Seiten, davon 1 mit
OCR)“ and the full-text search finds e.g. „Flurstück“ on both pages.
"""

from __future__ import annotations

import importlib
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases.models import Case, CaseState
from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document, TextStatus
from bauantrag.documents.reading import read_document_text

APPLICANT = "bauherr@musterstadt.example"
NAME = "Baubeschreibung.pdf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TEXT_PAGE = """
<h1>Baubeschreibung</h1>
<p>Bauvorhaben: Neubau eines freistehenden Einfamilienhauses mit Carport, Ahornstraße 9, Musterstadt.</p>
<p>Grundstück: Gemarkung Unna, Flur 7, Flurstück 123/4; Größe des Grundstücks 612 m².</p>
<p>Gebäude: zwei Vollgeschosse, Satteldach mit 38° Dachneigung, Gebäudehöhe 8,90 m über Gelände.
Außenwände aus Kalksandstein mit Wärmedämmverbundsystem; Decken aus Stahlbeton.</p>
<p>Die überbaute Fläche beträgt 98 m², die Grundflächenzahl 0,16.</p>
"""
SCANNED_LINES = (
    "Anlage zur Baubeschreibung – Entwässerung",
    "Flurstück 123/4, Gemarkung Unna",
    "Schmutzwasser: Anschluss an den öffentlichen Kanal",
    "Niederschlagswasser: Versickerung auf dem Grundstück",
    "Rigole 6,0 m x 1,0 m, Abstand zum Gebäude 6,5 m",
)


def baubeschreibung() -> bytes:
    """Page 1 with a text layer (WeasyPrint), page 2 a 300-dpi scan without one (Pillow): read by OCR."""
    import pikepdf
    from PIL import Image, ImageDraw, ImageFont

    weasyprint = importlib.import_module("weasyprint")  # no type information; Any is what it is
    text_pdf = weasyprint.HTML(string=f'<html lang="de"><body>{TEXT_PAGE}</body></html>').write_pdf()
    scan = Image.new("L", (2480, 3508), 248)
    draw = ImageDraw.Draw(scan)
    font = ImageFont.truetype(FONT, 46)
    for index, line in enumerate(SCANNED_LINES):
        draw.text((220, 280 + index * 100), line, font=font, fill=20)
    scanned = io.BytesIO()
    scan.save(scanned, "PDF", resolution=300)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf)) as first, pikepdf.open(io.BytesIO(scanned.getvalue())) as second:
        first.pages.extend(second.pages)
        first.save(out)
    return out.getvalue()


def load(tenant: Tenant, users: dict[str, User]) -> None:
    applicant = users.get(APPLICANT)
    if applicant is not None:
        case = (Case.objects.filter(tenant=tenant, applicant=applicant, state=CaseState.NACHFORDERUNG,
                                    vorhaben__street="Ahornstraße").order_by("created_at").first())
        if case is not None and not case.documents.filter(display_name=NAME).exists():
            upload_document(applicant, case, SimpleUploadedFile(NAME, baubeschreibung()), "1502")
    waiting = Document.objects.filter(tenant=tenant, text_status__in=(TextStatus.PENDING, TextStatus.FAILED))
    for document_id in waiting.order_by("uploaded_at").values_list("pk", flat=True):
        read_document_text(document_id)
