"""Session authentication for the API that honours the staff TOTP requirement."""

from __future__ import annotations

from typing import Any

from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request


class MfaSessionAuthentication(SessionAuthentication):
    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer "not logged in" with 401 (not 403); "Session" is no scheme a browser prompts for.
        return 'Session realm="api"'

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        user = result[0]
        if getattr(user, "requires_mfa", False) and not user.is_verified():
            raise AuthenticationFailed("Zweiter Faktor (TOTP) erforderlich.", code="mfa_required")
        return result
