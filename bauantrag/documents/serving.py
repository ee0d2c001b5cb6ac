"""Handing out a stored Bauvorlage: its bytes (decrypted and integrity-checked by storage) with safe headers.
Public for the apps that serve a document through their own access check (e.g. a Fachstelle's shared
Bauvorlagen in the Beteiligung, a letter's attachment)."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext_lazy as _

from bauantrag.documents import storage
from bauantrag.documents.models import Document
from bauantrag.files import content_disposition

TAMPERED = _("Die gespeicherte Datei ist beschädigt oder wurde verändert und wird deshalb nicht ausgeliefert. "
             "Bitte wenden Sie sich an die Bauaufsicht.")


def tampered_response() -> HttpResponse:
    """What the user gets instead of a file that fails its integrity check (the failure is logged)."""
    return HttpResponse(str(TAMPERED), status=409, content_type="text/plain; charset=utf-8")


def serve_document(document: Document, kind: str, *, viewer_copy: bool = False) -> FileResponse:
    """The stored file as ``kind`` ("attachment" or "inline"); ``viewer_copy``: the PDF without active content if
    there is one. Raises storage.DocumentTampered if the file fails its integrity check (decryption or SHA-256)."""
    name, sha256 = document.viewer_copy() if viewer_copy else (document.storage_name, document.sha256)
    handle = storage.open_for_read(document.tenant_id, name, sha256)
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(kind, document.display_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
