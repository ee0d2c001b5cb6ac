"""Strict input: a key the endpoint does not accept is an error, never silently ignored or assigned."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

_M = TypeVar("_M", bound=Model)

UNKNOWN_FIELD = _("Unbekanntes oder nicht änderbares Feld.")


def reject_unknown(fields: Mapping[str, serializers.Field[Any, Any, Any, Any]], data: object) -> None:
    if not isinstance(data, Mapping):
        return
    writable = {name for name, field in fields.items() if not field.read_only}
    unknown = sorted(str(key) for key in data if key not in writable)
    if unknown:
        raise serializers.ValidationError({key[:100]: [UNKNOWN_FIELD] for key in unknown[:20]})


class StrictSerializer(serializers.Serializer[Any]):
    def to_internal_value(self, data: Any) -> Any:
        reject_unknown(self.fields, data)
        return super().to_internal_value(data)


class StrictModelSerializer(serializers.ModelSerializer[_M]):
    def to_internal_value(self, data: Any) -> Any:
        reject_unknown(self.fields, data)
        return super().to_internal_value(data)
