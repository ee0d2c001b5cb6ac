"""Serving stored Bauvorlagen: only what `access_document` lets the user see, with safe headers."""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from bauantrag.cases.access import access_document
from bauantrag.documents import storage
from bauantrag.documents.models import Document


def content_disposition(kind: str, name: str) -> str:
    """RFC 6266 header value: an ASCII fallback and the exact UTF-8 name in filename*."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(ch if ch.isprintable() and ch not in '"\\;' else "_" for ch in ascii_name)
    return f"{kind}; filename=\"{ascii_name or 'Dokument'}\"; filename*=UTF-8''{quote(name, safe='')}"


TAMPERED = _("Die gespeicherte Datei ist beschädigt oder wurde verändert und wird deshalb nicht ausgeliefert. "
             "Bitte wenden Sie sich an die Bauaufsicht.")


def tampered_response() -> HttpResponse:
    """What the user gets instead of a file that fails its integrity check (the failure is logged)."""
    return HttpResponse(str(TAMPERED), status=409, content_type="text/plain; charset=utf-8")


def _response(document: Document, kind: str, storage_name: str = "") -> FileResponse:
    name = storage_name or document.storage_name
    handle = storage.open_for_read(document.tenant_id, name)
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(kind, document.display_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def download(request: HttpRequest, document_id: Any) -> HttpResponse | FileResponse:
    """The original as uploaded (evidence), always as an attachment."""
    document = access_document(request.user, document_id)
    try:
        response = _response(document, "attachment")
    except storage.DocumentTampered:
        return tampered_response()
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_GET
def inline(request: HttpRequest, document_id: Any) -> HttpResponse | FileResponse:
    """PDFs only, for the viewer frame in the clerk's case view: the copy without active content if there is one."""
    document = access_document(request.user, document_id)
    if document.content_type != "application/pdf":
        raise Http404
    try:
        response = _response(document, "inline", document.inline_storage_name)
    except storage.DocumentTampered:
        return tampered_response()
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response
