"""Serving stored Bauvorlagen: only what `access_document` lets the user see, with safe headers."""

from __future__ import annotations

import unicodedata
from typing import Any, BinaryIO, cast
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from bauantrag.cases.access import access_document
from bauantrag.documents import storage
from bauantrag.documents.models import Document


def content_disposition(kind: str, name: str) -> str:
    """RFC 6266 header value: an ASCII fallback and the exact UTF-8 name in filename*."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(ch if ch.isprintable() and ch not in '"\\;' else "_" for ch in ascii_name)
    return f"{kind}; filename=\"{ascii_name or 'Dokument'}\"; filename*=UTF-8''{quote(name, safe='')}"


def _response(document: Document, kind: str) -> FileResponse:
    handle = cast(BinaryIO, storage.open_for_read(document.tenant_id, document.storage_name))
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(kind, document.display_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def download(request: HttpRequest, document_id: Any) -> FileResponse:
    document = access_document(request.user, document_id)
    response = _response(document, "attachment")
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_GET
def inline(request: HttpRequest, document_id: Any) -> FileResponse:
    """PDFs only, for the viewer frame in the clerk's case view."""
    document = access_document(request.user, document_id)
    if document.content_type != "application/pdf":
        raise Http404
    response = _response(document, "inline")
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response
