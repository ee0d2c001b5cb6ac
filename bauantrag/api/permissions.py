"""What a token's scope allows: a read token only reads; the account's role and Kommune decide the rest."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from bauantrag.api.models import ApiToken, TokenScope


class TokenScopePermission(BasePermission):
    message = _("Dieser API-Zugang darf nur lesen.")

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if isinstance(token, ApiToken) and token.scope == TokenScope.READ:
            return request.method in SAFE_METHODS
        return True
