"""Bauvorlagen of a case: list, upload, metadata, download."""

from __future__ import annotations

import unicodedata
from typing import IO, Any, cast
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from bauantrag.api.base import ApiView, errors
from bauantrag.api.serializers.documents import DocumentSerializer, DocumentUploadSerializer
from bauantrag.api.views.applications import TAG, CaseListView, acting_user
from bauantrag.cases.access import access_case
from bauantrag.documents import storage
from bauantrag.documents.access import access_document
from bauantrag.documents.actions import record_damaged, upload_document
from bauantrag.documents.models import Document
from bauantrag.documents.validation import ALLOWED

DOCUMENTS_TAG = ["Bauvorlagen"]


class DocumentIntegrityError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "document_integrity"
    default_detail = ("Die gespeicherte Datei ist beschädigt oder wurde verändert und wird deshalb nicht "
                      "ausgeliefert. Bitte wenden Sie sich an die Bauaufsicht.")


def content_disposition(display_name: str) -> str:
    """RFC 6266: an ASCII fallback plus the exact UTF-8 name in filename*; always an attachment."""
    fallback = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(ch for ch in fallback if ch.isprintable() and ch not in '"\\;') or "Dokument"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(display_name, safe='')}"


class CaseDocumentsView(CaseListView):
    serializer_class = DocumentSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[Document]:
        case = access_case(self.request.user, self.kwargs["case_id"])
        return case.documents.bauvorlagen().order_by("uploaded_at", "pk")

    @extend_schema(operation_id="applications_documents_list", summary="Bauvorlagen des Antrags", tags=TAG,
                   responses={200: DocumentSerializer(many=True), **errors(404)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="applications_documents_upload", summary="Bauvorlage hochladen", tags=TAG,
                   request={"multipart/form-data": DocumentUploadSerializer},
                   responses={201: DocumentSerializer, **errors(400, 403, 404, 409)},
                   description="Die Datei wird nach ihrem Inhalt geprüft; abgelehnte Dateien werden nicht "
                               "gespeichert.")
    def post(self, request: Request, case_id: str) -> Response:
        case = access_case(request.user, case_id)
        serializer = DocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = upload_document(acting_user(request), case, data["file"], data["document_type"])
        response = Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api:document-detail", kwargs={"document_id": document.pk})
        return response


class DocumentDetailView(ApiView):
    @extend_schema(operation_id="documents_retrieve", summary="Angaben zu einer Bauvorlage",
                   tags=DOCUMENTS_TAG,
                   responses={200: DocumentSerializer, **errors(404)})
    def get(self, request: Request, document_id: str) -> Response:
        return Response(DocumentSerializer(access_document(request.user, document_id)).data)


class DocumentContentView(ApiView):
    @extend_schema(operation_id="documents_content", summary="Bauvorlage herunterladen", tags=DOCUMENTS_TAG,
                   responses={
                       # The file as stored, with its own type (one of those accepted at upload).
                       **{(200, kind.content_type): OpenApiResponse(
                           OpenApiTypes.BINARY,
                           description="Die Datei, immer als Anhang (nie im Browser geöffnet)",
                       ) for kind in ALLOWED},
                       **errors(404, 409),
                   })
    def get(self, request: Request, document_id: str) -> FileResponse:
        document = access_document(request.user, document_id)
        try:
            handle = cast(IO[bytes], storage.open_for_read(document.tenant_id, document.storage_name, document.sha256))
        except storage.DocumentTampered:
            record_damaged(acting_user(request), document, "api")
            raise DocumentIntegrityError from None
        response = FileResponse(handle, content_type=document.content_type)
        response["Content-Disposition"] = content_disposition(document.display_name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox"
        response["Cache-Control"] = "private, no-store"
        return response
