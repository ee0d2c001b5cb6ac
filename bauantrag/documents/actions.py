"""Uploading a Bauvorlage: check what it is, scan it, refuse bombs and polyglots, defuse it, store it encrypted
under a random name."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import does_casework_for
from bauantrag.audit.service import record
from bauantrag.cases import workflow
from bauantrag.cases.models import Case
from bauantrag.documents import scanner, storage
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.images import check_image
from bauantrag.documents.limits import check_quotas
from bauantrag.documents.models import Document, ScanStatus, TextStatus
from bauantrag.documents.pdfsafety import inspect
from bauantrag.documents.png import check_png
from bauantrag.documents.polyglot import check_polyglot
from bauantrag.documents.reading import text_kind
from bauantrag.documents.validation import PDF, PNG, UploadRejected, check_upload, sanitise_display_name
from bauantrag.formats.xbau_codelist import document_types

logger = logging.getLogger("bauantrag.documents")

STREAM_CHUNK = 256 * 1024


def _type_codes() -> set[str]:
    return {code for code, _name in document_types()}


@dataclass
class _Checked:
    content_type: str
    scan_status: str
    findings: dict[str, int] = field(default_factory=dict)
    clean_copy: IO[bytes] | None = None


def _chunks(handle: IO[bytes]) -> object:
    handle.seek(0)
    return iter(lambda: handle.read(STREAM_CHUNK), b"")


def upload_document(
    actor: User, case: Case, upload: UploadedFile[bytes], document_type: str, *, for_message: bool = False
) -> Document:
    """Store one upload. Raises UploadRejected, ValidationError or PermissionDenied; stores nothing then.

    for_message: an attachment of a mailbox message (correspondence.actions.post_message, which checks the
    sender's side): the clerk may upload too, and the case need not be editable. Same checks otherwise."""
    participant = actor.is_applicant_side and actor.pk in (case.applicant_id, case.designer_id)
    casework = for_message and does_casework_for(actor, case)
    if not (participant or casework):
        raise PermissionDenied(_("Nur die am Antrag Beteiligten können Bauvorlagen hochladen."))
    if not for_message:
        workflow.require_open(case, _("Bauvorlage hochladen"))
    if not for_message and case.state not in workflow.EDITABLE_STATES:
        raise workflow.TransitionNotAllowed(
            _("Bauvorlagen können nur im Entwurf oder während einer offenen Nachforderung hochgeladen werden.")
        )
    if document_type not in _type_codes():
        raise ValidationError({"document_type": _("Bitte wählen Sie die Art der Bauvorlage aus der Liste.")})
    display_name = sanitise_display_name(upload.name or "")
    try:
        checked = _check(actor, case, upload, display_name)
        return _store(actor, case, upload, display_name, document_type, checked)
    except UploadRejected as exc:
        _record_rejection(actor, case, display_name, str(exc))
        raise


def _check(actor: User, case: Case, upload: UploadedFile[bytes], display_name: str) -> _Checked:
    from django.conf import settings

    size = upload.size or 0
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    kind = check_upload(display_name, head, size, settings.DOCUMENT_MAX_BYTES)
    check_quotas(actor, case, size)
    source: IO[bytes] = upload.file  # type: ignore[assignment]
    checked = _Checked(kind.content_type, _scan(source))
    png_end = None
    if kind.content_type.startswith("image/"):
        check_image(source, kind.content_type)
        if kind == PNG:
            png_end = check_png(source)
    check_polyglot(source, kind, png_end)
    if kind == PDF:
        report, checked.clean_copy = inspect(source)
        checked.findings = report.findings
    return checked


def _scan(source: IO[bytes]) -> str:
    if not scanner.configured():
        return ScanStatus.NOT_SCANNED
    try:
        result = scanner.scan(_chunks(source))  # type: ignore[arg-type]
    except scanner.ScannerUnavailable as exc:
        logger.error("Virus scanner unavailable, upload refused: %s", exc)
        raise UploadRejected(_("Virenprüfung derzeit nicht möglich – bitte später erneut versuchen.")) from exc
    if not result.clean:
        raise UploadRejected(_("Schadsoftware erkannt (%(name)s). Die Datei wurde nicht angenommen.")
                             % {"name": result.signature})
    return ScanStatus.CLEAN


def _store(actor: User, case: Case, upload: UploadedFile[bytes], display_name: str, document_type: str,
           checked: _Checked) -> Document:
    source: IO[bytes] = upload.file  # type: ignore[assignment]
    storage_name, written, sha256 = storage.write(case.tenant_id, _chunks(source))  # type: ignore[arg-type]
    names = [storage_name]
    try:
        inline_name = inline_sha256 = ""
        if checked.clean_copy is not None:
            with checked.clean_copy:
                inline_name, _size, inline_sha256 = storage.write(
                    case.tenant_id, _chunks(checked.clean_copy), ".safe"  # type: ignore[arg-type]
                )
            names.append(inline_name)
        with transaction.atomic():
            locked = Case.objects.select_for_update().get(pk=case.pk)
            check_quotas(actor, locked, written)
            document = Document.objects.create(
                tenant_id=case.tenant_id, case=locked, document_type=document_type, display_name=display_name,
                storage_name=storage_name, content_type=checked.content_type, size=written, sha256=sha256,
                round=locked.round + 1, uploaded_by=actor, inline_storage_name=inline_name, inline_sha256=inline_sha256,
                active_content=checked.findings, scan_status=checked.scan_status,
                text_status=TextStatus.PENDING if text_kind(checked.content_type) else TextStatus.NOT_APPLICABLE,
            )
            record(
                DocumentEvent.DOCUMENT_UPLOADED, actor=actor, tenant=case.tenant, subject=document, case=locked,
                after={"name": display_name, "type": document_type, "size": written, "sha256": sha256,
                       "active_content": checked.findings, "scan": checked.scan_status},
            )
            if document.text_status == TextStatus.PENDING:
                schedule_text_reading(document)
    except BaseException:
        for name in names:
            storage.delete(case.tenant_id, name)
        raise
    return document


def _record_rejection(actor: User, case: Case, display_name: str, reason: str) -> None:
    with transaction.atomic():
        record(
            DocumentEvent.DOCUMENT_REJECTED, actor=actor, tenant=case.tenant, subject=case, case=case,
            after={"name": display_name, "reason": reason},
        )


def schedule_text_reading(document: Document) -> None:
    """Queue the text task once the surrounding transaction has committed (the row must be visible).

    A broker that is down must not turn a stored upload into an error page: the error is logged and the document
    stays "Text wird in Kürze gelesen" until the sweeper (bauantrag.celery.leases) queues it again.
    """
    from bauantrag.celery.queueing import enqueue_on_commit
    from bauantrag.documents.tasks import read_text

    enqueue_on_commit(read_text, str(document.pk))


def record_damaged(actor: User | None, document: Document, where: str) -> None:
    """A stored file failed its authentication check when it was to be served: put it in the audit trail."""
    with transaction.atomic():
        record(
            DocumentEvent.DOCUMENT_DAMAGED, actor=actor, tenant=document.case.tenant, subject=document,
            case=document.case,
            after={"name": document.display_name, "while": where},
        )


def hash_viewer_copy(document: Document) -> str:
    """Store the SHA-256 of a viewer copy written before its hash was kept (from its content now, which decrypts
    with the Kommune's key: run this right after the upgrade). Raises storage.DocumentTampered."""
    handle = storage.open_for_read(document.tenant_id, document.inline_storage_name, None)
    digest = hashlib.sha256()
    try:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    finally:
        handle.close()
    with transaction.atomic():
        updated = Document.objects.filter(pk=document.pk, inline_sha256="").update(inline_sha256=digest.hexdigest())
        if updated:
            record(DocumentEvent.VIEWER_COPY_HASHED, actor=None, tenant=document.case.tenant, subject=document,
                   case=document.case, after={"name": document.display_name, "inline_sha256": digest.hexdigest()})
    return digest.hexdigest()
