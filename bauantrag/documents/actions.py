"""Uploading a Bauvorlage: check what it is, store it under a random name, record it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.audit.models import Event
from bauantrag.audit.service import record
from bauantrag.cases import workflow
from bauantrag.cases.models import Case
from bauantrag.documents import storage
from bauantrag.documents.models import Document
from bauantrag.documents.validation import UploadRejected, check_upload, sanitise_display_name
from bauantrag.formats.xbau_codelist import document_types


def _type_codes() -> set[str]:
    return {code for code, _name in document_types()}


def upload_document(actor: User, case: Case, upload: UploadedFile[bytes], document_type: str) -> Document:
    """Store one upload. Raises UploadRejected, ValidationError or PermissionDenied; stores nothing then."""
    if not actor.is_applicant_side or actor.pk not in (case.applicant_id, case.designer_id):
        raise PermissionDenied(_("Nur die am Antrag Beteiligten können Bauvorlagen hochladen."))
    if case.state not in workflow.EDITABLE_STATES:
        raise workflow.TransitionNotAllowed(
            _("Bauvorlagen können nur im Entwurf oder während einer offenen Nachforderung hochgeladen werden.")
        )
    if document_type not in _type_codes():
        raise ValidationError({"document_type": _("Bitte wählen Sie die Art der Bauvorlage aus der Liste.")})
    display_name = sanitise_display_name(upload.name or "")
    size = upload.size or 0
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    try:
        kind = check_upload(display_name, head, size, settings.DOCUMENT_MAX_BYTES)
    except UploadRejected as exc:
        _record_rejection(actor, case, display_name, str(exc))
        raise
    storage_name, written, sha256 = storage.write(case.tenant_id, upload.chunks())
    try:
        with transaction.atomic():
            locked = Case.objects.select_for_update().get(pk=case.pk)
            if locked.documents.count() >= settings.DOCUMENT_MAX_PER_CASE:
                raise UploadRejected(
                    _("Es sind bereits %(n)s Dateien hochgeladen; mehr sind nicht möglich.")
                    % {"n": settings.DOCUMENT_MAX_PER_CASE}
                )
            document = Document.objects.create(
                tenant_id=case.tenant_id, case=locked, document_type=document_type, display_name=display_name,
                storage_name=storage_name, content_type=kind.content_type, size=written, sha256=sha256,
                round=locked.round + 1, uploaded_by=actor,
            )
            record(
                Event.DOCUMENT_UPLOADED, actor=actor, tenant=case.tenant, subject=document, case=locked,
                after={"name": display_name, "type": document_type, "size": written, "sha256": sha256},
            )
    except BaseException:
        storage.delete(case.tenant_id, storage_name)
        raise
    return document


def _record_rejection(actor: User, case: Case, display_name: str, reason: str) -> None:
    with transaction.atomic():
        record(
            Event.DOCUMENT_REJECTED, actor=actor, tenant=case.tenant, subject=case, case=case,
            after={"name": display_name, "reason": reason},
        )
