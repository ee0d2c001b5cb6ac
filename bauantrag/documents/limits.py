"""Bounds on uploads: an upload handler that stops buffering oversized files, and the quotas."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.cases.models import Case
from bauantrag.documents.validation import UploadRejected


class OversizedUpload(UploadedFile):  # type: ignore[type-arg]
    """Stands in for a file that exceeded DOCUMENT_MAX_BYTES: its bytes were discarded, only the count is kept."""

    def __init__(self, name: str, content_type: str, size: int) -> None:
        super().__init__(file=None, name=name, content_type=content_type, size=size)

    def chunks(self, chunk_size: int | None = None) -> Any:
        return iter(())

    def read(self, *args: Any) -> bytes:
        return b""

    def seek(self, *args: Any) -> int:
        return 0

    def open(self, mode: str | None = None, *args: Any, **kwargs: Any) -> OversizedUpload:
        return self


class SizeLimitUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: once a file passes the limit its further bytes go nowhere (neither memory
    nor temporary files), and the view gets an OversizedUpload whose size triggers the "zu groß" message."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = int(settings.DOCUMENT_MAX_BYTES)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        return None if self.received > self.limit else raw_data

    def file_complete(self, file_size: int) -> UploadedFile[bytes] | None:
        if self.received > self.limit:
            return OversizedUpload(self.file_name or "", self.content_type or "", self.received)
        return None


def check_quotas(actor: User, case: Case, size: int) -> None:
    """Per case (count), per applicant per day (count) and per Kommune (bytes). Raises UploadRejected."""
    from bauantrag.documents.models import Document

    if case.documents.count() >= settings.DOCUMENT_MAX_PER_CASE:
        raise UploadRejected(
            _("Es sind bereits %(n)s Dateien hochgeladen; mehr sind nicht möglich.")
            % {"n": settings.DOCUMENT_MAX_PER_CASE}
        )
    since = timezone.now() - timedelta(days=1)
    per_day = settings.DOCUMENT_MAX_PER_USER_PER_DAY
    if per_day and Document.objects.filter(uploaded_by=actor, uploaded_at__gte=since).count() >= per_day:
        raise UploadRejected(
            _("Sie haben in den letzten 24 Stunden bereits %(n)s Dateien hochgeladen. Bitte versuchen Sie es "
              "später erneut.") % {"n": per_day}
        )
    quota = settings.DOCUMENT_TENANT_QUOTA_BYTES
    if quota:
        used = Document.objects.filter(tenant_id=case.tenant_id).aggregate(total=Sum("size"))["total"] or 0
        if used + size > quota:
            raise UploadRejected(
                _("Der Speicherplatz der Bauaufsicht für Bauvorlagen ist erschöpft. Bitte wenden Sie sich an "
                  "die Bauaufsicht.")
            )
