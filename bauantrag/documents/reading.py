"""Reading a stored Bauvorlage's text page by page (the work behind the task documents.tasks.read_text).

The decrypted bytes stay in memory (at most DOCUMENT_MAX_BYTES, the upload limit) and go to the reading child
process through a pipe: the plaintext is never written to disk, so encryption at rest holds even when a
worker is killed mid-way, and there is no temporary file to clean up. Each page is stored and the progress
(`text_pages_done` of `text_pages_total`) committed as soon as it is read, so the applicant and the clerk see
it move. Idempotent: a finished document is left alone; a redelivered task (worker killed) resumes after the
last stored page; a retry after a failure starts over.
"""

from __future__ import annotations

import logging
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.audit.service import record
from bauantrag.celery import leases
from bauantrag.celery.queueing import TRANSIENT_DB_ERRORS, new_task_id
from bauantrag.documents import images, storage, text
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document, DocumentPage, TextMethod, TextStatus
from bauantrag.documents.pipeline import run_after_text

logger = logging.getLogger("bauantrag.documents")

TEXT_KINDS = {"application/pdf": "pdf", "image/png": "image/png", "image/jpeg": "image/jpeg",
              "image/tiff": "image/tiff"}


def text_kind(content_type: str) -> str | None:
    """What documents.text reads for this content type, or None (IFC and other files without text)."""
    return TEXT_KINDS.get(content_type)


def limits() -> text.Limits:
    return text.Limits(
        max_pages=int(settings.DOCUMENT_TEXT_MAX_PAGES),
        max_image_pixels=images.MAX_PIXELS,
        page_timeout=float(settings.DOCUMENT_TEXT_PAGE_TIMEOUT),
        memory_mb=int(settings.DOCUMENT_TEXT_MEMORY_MB),
        max_input_bytes=int(settings.DOCUMENT_MAX_BYTES),
        tesseract=str(settings.DOCUMENT_OCR_COMMAND),
        language=str(settings.DOCUMENT_OCR_LANGUAGE),
        ocr_workers=int(getattr(settings, "DOCUMENT_OCR_WORKERS", 1)),
    )


def error_message(code: str, page: int | None = None, **params: Any) -> str:
    """The German sentence for a documents.text error code (shown to applicant and clerk)."""
    seconds = params.get("seconds")
    values = {"page": page, "pages": params.get("pages", "?"), "max": params.get("max", "?"),
              "seconds": f"{seconds:g}".replace(".", ",") if isinstance(seconds, (int, float)) else "?",
              "mp": images.MAX_PIXELS // 1_000_000}
    at_page = {  # the same problem with and without a known page
        "broken": (_("Seite %(page)s der PDF-Datei ist beschädigt."),
                   _("Die PDF-Datei ist beschädigt; ihr Text kann nicht gelesen werden.")),
        "timeout": (_("Seite %(page)s konnte nicht innerhalb des Zeitlimits von %(seconds)s Sekunden gelesen "
                      "werden."),
                    _("Der Text konnte nicht innerhalb des Zeitlimits von %(seconds)s Sekunden je Seite gelesen "
                      "werden.")),
        "memory": (_("Seite %(page)s braucht zum Lesen mehr Arbeitsspeicher als erlaubt."),
                   _("Die Datei braucht zum Lesen mehr Arbeitsspeicher als erlaubt.")),
        "ocr_failed": (_("Die Texterkennung ist bei Seite %(page)s fehlgeschlagen."),
                       _("Die Texterkennung ist fehlgeschlagen.")),
        "crashed": (_("Das Lesen ist bei Seite %(page)s abgebrochen; die Datei ist vermutlich beschädigt."),
                    _("Das Lesen ist abgebrochen; die Datei ist vermutlich beschädigt.")),
        "image_too_large": (_("Bild %(page)s der Datei ist zu groß, um seinen Text zu lesen (höchstens %(mp)s "
                              "Megapixel)."),
                            _("Das Bild ist zu groß, um seinen Text zu lesen (höchstens %(mp)s Megapixel).")),
    }
    fixed = {
        "encrypted": _("Die PDF-Datei ist mit einem Kennwort geschützt; ihr Text kann nicht gelesen werden."),
        "empty": _("Die PDF-Datei hat keine Seiten."),
        "too_many_pages": _("Die Datei hat %(pages)s Seiten; gelesen werden höchstens %(max)s Seiten je "
                            "Bauvorlage. Bitte teilen Sie die Datei auf."),
        "too_large": _("Die Datei ist zu groß, um ihren Text zu lesen."),
        "image_broken": _("Die Bilddatei ist beschädigt; ihr Text kann nicht gelesen werden."),
        "ocr_missing": _("Die Texterkennung (Tesseract) ist auf dem Server nicht eingerichtet. Bitte wenden Sie "
                         "sich an den Betrieb."),
        "unsupported": _("Für diese Dateiart wird kein Text gelesen."),
        "damaged": _("Die gespeicherte Datei ist beschädigt oder wurde verändert; ihr Text wird nicht gelesen."),
        "missing": _("Die gespeicherte Datei wurde nicht gefunden."),
    }
    if code in at_page:
        with_page, without_page = at_page[code]
        return (with_page if page else without_page) % values
    if code in fixed:
        return fixed[code] % values
    return _("Der Text konnte wegen eines internen Fehlers nicht gelesen werden.")


class _Superseded(Exception):
    """Another run of the task finished or restarted this document meanwhile; this run stops quietly."""


def read_document_text(document_id: object, task_id: str | None = None) -> str:
    """Read, store page by page, finish (audit) and run the after-text pipeline. Returns the final status.

    ``task_id``: the Celery task reading (its lease, see bauantrag.celery.leases); None outside a task. A
    transient database error is raised as it is: the document stays running, its pages kept, for the retry."""
    claimed = _claim(document_id, task_id)
    if claimed is None:
        return Document.objects.filter(pk=str(document_id)).values_list("text_status", flat=True).first() or ""
    document, kind, first_page = claimed
    try:
        data = _plaintext(document)
        for event in text.run_isolated(data, kind, limits(), first_page):
            if isinstance(event, text.Total):
                _set_total(document, event.pages)
            elif isinstance(event, text.Fields):
                _store_fields(document, event.fields)
            else:
                _store_page(document, event)
    except _Superseded:
        return Document.objects.filter(pk=document.pk).values_list("text_status", flat=True).first() or ""
    except text.TextError as exc:
        logger.info("Text of document %s not readable: %s %s", document.pk, exc, exc.params)
        _fail(document, exc.code, error_message(exc.code, exc.page, **exc.params), exc.page)
        return TextStatus.FAILED
    except storage.DocumentTampered:
        _fail(document, "damaged", error_message("damaged"), None, damaged=True)
        return TextStatus.FAILED
    except TRANSIENT_DB_ERRORS:
        raise
    except FileNotFoundError:
        logger.error("Stored file of document %s is missing", document.pk)
        _fail(document, "missing", error_message("missing"), None)
        return TextStatus.FAILED
    except Exception:
        logger.exception("Reading the text of document %s failed", document.pk)
        _fail(document, "internal", error_message("internal"), None)
        return TextStatus.FAILED
    if _finish(document):
        run_after_text(document)
    return TextStatus.DONE


def _claim(document_id: object, task_id: str | None) -> tuple[Document, str, int] | None:
    with transaction.atomic():
        document = (Document.objects.select_for_update(of=("self",)).select_related("tenant", "case")
                    .filter(pk=str(document_id)).first())
        if document is None or document.text_status in (TextStatus.DONE, TextStatus.NOT_APPLICABLE):
            return None
        if document.text_status == TextStatus.RUNNING and not leases.may_take_over(
                document.text_task_id, document.text_heartbeat_at, task_id):
            return None  # another task is reading it and alive
        kind = text_kind(document.content_type)
        if kind is None:
            document.text_status = TextStatus.NOT_APPLICABLE
            document.save(update_fields=["text_status"])
            return None
        stored = document.pages.count()
        if (document.text_status == TextStatus.RUNNING and document.text_pages_total
                and stored == document.text_pages_done):
            first_page = stored + 1  # redelivered after the worker died: go on after the last stored page
        else:
            document.pages.all().delete()
            document.text_pages_total, document.text_pages_done, first_page = None, 0, 1
            document.form_fields = []
        document.text_status, document.text_error = TextStatus.RUNNING, ""
        document.text_task_id, document.text_heartbeat_at = task_id or new_task_id(), timezone.now()
        document.save(update_fields=["text_status", "text_error", "text_pages_total", "text_pages_done",
                                     "form_fields", "text_task_id", "text_heartbeat_at"])
        return document, kind, first_page


def _plaintext(document: Document) -> bytes:
    """The decrypted file in memory, bounded by the upload limit. The copy without active content if any."""
    name, sha256 = document.viewer_copy()
    limit = int(settings.DOCUMENT_MAX_BYTES)
    handle: IO[bytes] = storage.open_for_read(document.tenant_id, name, sha256)
    buffer = bytearray()
    try:
        while len(buffer) <= limit:
            chunk = handle.read(min(1024 * 1024, limit + 1 - len(buffer)))  # a raw read gives one chunk at most
            if not chunk:
                break
            buffer += chunk
    finally:
        handle.close()
    if len(buffer) > limit:
        raise text.TextError("too_large", size=len(buffer), max=limit)
    return bytes(buffer)


def _locked(document: Document) -> Document:
    """The row locked for a step of this reading, its heartbeat renewed; _Superseded if the reading is no longer
    this task's (finished meanwhile, or handed to another task by the sweeper)."""
    current = Document.objects.select_for_update(of=("self",)).get(pk=document.pk)
    if current.text_status != TextStatus.RUNNING or current.text_task_id != document.text_task_id:
        raise _Superseded
    current.text_heartbeat_at = timezone.now()  # saved with the step (update_fields names it)
    return current


def _set_total(document: Document, pages: int) -> None:
    with transaction.atomic():
        current = _locked(document)
        current.text_pages_total = document.text_pages_total = pages
        current.save(update_fields=["text_pages_total", "text_heartbeat_at"])


def _store_fields(document: Document, fields: list[text.FormField]) -> None:
    """The filled-in form fields (AcroForm) as read, for the extraction to read them as fields, not as text."""
    from dataclasses import asdict

    if not fields and not document.form_fields:
        return  # the usual case: a PDF without a filled-in form
    with transaction.atomic():
        current = _locked(document)
        current.form_fields = document.form_fields = [asdict(f) for f in fields]
        current.save(update_fields=["form_fields", "text_heartbeat_at"])


def _store_page(document: Document, page: text.Page) -> None:
    with transaction.atomic():
        current = _locked(document)
        DocumentPage.objects.update_or_create(
            document=current, number=page.number,
            defaults={"text": page.text, "method": page.method, "ocr_confidence": page.confidence},
        )
        current.text_pages_done = document.text_pages_done = max(current.text_pages_done, page.number)
        current.save(update_fields=["text_pages_done", "text_heartbeat_at"])


def _finish(document: Document) -> bool:
    with transaction.atomic():
        try:
            current = _locked(document)
        except _Superseded:
            return False
        pages = current.pages.all()
        methods = {row["method"]: row["n"] for row in pages.values("method").annotate(n=Count("id"))
                   .order_by("method")}
        confidence = pages.filter(method=TextMethod.OCR).aggregate(mean=Avg("ocr_confidence"))["mean"]
        current.text_status = document.text_status = TextStatus.DONE
        current.text_pages_done = document.text_pages_done = sum(methods.values())
        current.save(update_fields=["text_status", "text_pages_done", "text_heartbeat_at"])
        record(
            DocumentEvent.DOCUMENT_TEXT_READ, actor=None, tenant=document.tenant, subject=current, case=document.case,
            after={"name": current.display_name, "pages": sum(methods.values()), "methods": methods,
                   "ocr_confidence": round(confidence, 1) if confidence is not None else None},
        )
    return True


def _fail(document: Document, code: str, message: str, page: int | None, *, damaged: bool = False) -> None:
    with transaction.atomic():
        try:
            current = _locked(document)
        except _Superseded:
            return
        current.text_status = document.text_status = TextStatus.FAILED
        current.text_error = document.text_error = message
        current.save(update_fields=["text_status", "text_error", "text_heartbeat_at"])
        if damaged:
            record(DocumentEvent.DOCUMENT_DAMAGED, actor=None, tenant=document.tenant, subject=current,
                   case=document.case, after={"name": current.display_name, "while": "text"})
        record(
            DocumentEvent.DOCUMENT_TEXT_FAILED, actor=None, tenant=document.tenant, subject=current, case=document.case,
            after={"name": current.display_name, "reason": code, "page": page, "message": message,
                   "pages_done": current.text_pages_done},
        )
