"""Shared pieces of the API views: negotiation, error documentation, the JSON 404 for unknown paths."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from bauantrag.api.parsers import SafeJSONParser


class JsonOnlyNegotiation(DefaultContentNegotiation):
    """Always answer in JSON, whatever the client accepts: errors stay structured, downloads stay raw."""

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = renderers[0]
        return renderer, renderer.media_type


class ApiView(APIView):
    """Base of every API view: JSON only, no OPTIONS metadata (it would describe objects one may not see)."""

    renderer_classes = [JSONRenderer]
    parser_classes = [SafeJSONParser]
    content_negotiation_class = JsonOnlyNegotiation
    metadata_class = None


class ErrorEntrySerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Maschinenlesbarer Fehlercode, z. B. not_found, invalid, required")
    detail = serializers.CharField(help_text="Deutsche Fehlermeldung")
    field = serializers.CharField(required=False, help_text="Betroffenes Feld (bei Eingabefehlern)")
    finding_id = serializers.UUIDField(required=False, help_text="Der offene Befund (code open_finding)")


class ErrorSerializer(serializers.Serializer[Any]):
    # The metaclass moves declared fields off the class, so the `errors` property stays intact.
    errors = ErrorEntrySerializer(many=True)  # type: ignore[assignment]


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    texts = {
        400: "Eingabefehler (feldbezogen) oder abgelehnte Datei",
        401: "Nicht angemeldet oder zweiter Faktor fehlt",
        403: "Der Vorgang ist sichtbar, aber Ihre Rolle darf diese Aktion nicht ausführen",
        404: "Nicht gefunden oder nicht zugänglich",
        409: "Die Aktion ist im aktuellen Status des Vorgangs nicht möglich",
    }
    return {code: OpenApiResponse(ErrorSerializer, description=texts[code]) for code in (401, *codes)}


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown API paths (including malformed ids) answer in the API's error format."""
    return JsonResponse({"errors": [{"code": "not_found", "detail": _("Nicht gefunden.")}]}, status=404)
