"""How far the text of a Bauvorlage has been read, in words for the applicant and the clerk (pages and JSON)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bauantrag.documents.models import Document, TextMethod, TextStatus

IN_PROGRESS = (TextStatus.PENDING, TextStatus.RUNNING)


def method_counts(document: Document) -> dict[str, int]:
    rows = document.pages.values("method").annotate(n=Count("id")).order_by("method")
    return {row["method"]: row["n"] for row in rows}


def status_label(document: Document) -> str:
    """E.g. "Text wird gelesen: Seite 3 von 12", "Text gelesen (OCR, 2 Seiten)", "Text nicht lesbar: …"."""
    status = document.text_status
    if status == TextStatus.PENDING:
        return _("Text wird in Kürze gelesen")
    if status == TextStatus.RUNNING:
        total = document.text_pages_total
        if total:
            return _("Text wird gelesen: Seite %(page)s von %(total)s") % {
                "page": min(document.text_pages_done + 1, total), "total": total}
        return _("Text wird gelesen")
    if status == TextStatus.FAILED:
        return _("Text nicht lesbar: %(reason)s") % {"reason": document.text_error or _("unbekannter Fehler")}
    if status == TextStatus.DONE:
        counts = method_counts(document)
        pages = sum(counts.values())
        ocr = counts.get(TextMethod.OCR, 0)
        if not pages:
            return _("Text gelesen (keine Seiten)")
        if ocr == pages:
            return ngettext("Text gelesen (OCR, %(n)s Seite)", "Text gelesen (OCR, %(n)s Seiten)", pages) % {
                "n": pages}
        if ocr:
            return ngettext("Text gelesen (%(n)s Seite, davon %(ocr)s mit OCR)",
                            "Text gelesen (%(n)s Seiten, davon %(ocr)s mit OCR)", pages) % {"n": pages, "ocr": ocr}
        return ngettext("Text gelesen (%(n)s Seite)", "Text gelesen (%(n)s Seiten)", pages) % {"n": pages}
    return ""


def as_json(document: Document) -> dict[str, Any]:
    status = document.text_status
    return {
        "status": status,
        "pages_total": document.text_pages_total,
        "pages_done": document.text_pages_done,
        "label": status_label(document),
        "final": status not in IN_PROGRESS,
        "text_url": (reverse("documents:text", kwargs={"document_id": document.pk})
                     if status in (TextStatus.DONE, TextStatus.FAILED) and document.text_pages_done else ""),
        "text_link_label": _("Text anzeigen"),
    }
