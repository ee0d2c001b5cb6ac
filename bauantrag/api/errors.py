"""Structured API errors: {"errors": [{"code", "detail", "field"?}]} for every failure."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.files import UploadRejected


def _flatten(detail: Any, field: str | None = None) -> list[dict[str, Any]]:
    if isinstance(detail, dict):
        out: list[dict[str, Any]] = []
        for key, value in detail.items():
            name = None if key == "non_field_errors" else str(key)  # list items are keyed by index, 0 too
            out.extend(_flatten(value, f"{field}.{name}" if field and name is not None else (name or field)))
        return out
    if isinstance(detail, list):
        return [e for item in detail for e in _flatten(item, field)]
    entry: dict[str, Any] = {"code": getattr(detail, "code", "invalid"), "detail": str(detail)}
    if field:
        entry["field"] = field
    return [entry]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, UploadRejected):
        return Response({"errors": [{"code": "upload_rejected", "detail": str(exc), "field": "file"}]},
                        status=status.HTTP_400_BAD_REQUEST)
    elif isinstance(exc, TransitionNotAllowed):
        return Response({"errors": [{"code": "transition_not_allowed", "detail": str(exc)}]},
                        status=status.HTTP_409_CONFLICT)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is not None:
        data = response.data
        only_detail = isinstance(data, dict) and set(data) == {"detail"}
        response.data = {"errors": _flatten(data["detail"] if only_detail else data)}
    return response
