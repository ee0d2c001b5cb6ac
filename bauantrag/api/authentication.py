"""Authentication of the API: the session (honouring the staff TOTP requirement) and the tokens of systems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from bauantrag.api.models import ApiToken
from bauantrag.api.tokens import token_for


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


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer bau_…`: a token of a Kommune's system (api.tokens), never a person's account."""

    keyword = "Bearer"

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Ungültiger Authorization-Header: „Bearer <Token>“ erwartet."))
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Ungültiger Token.")) from None
        token = token_for(raw)
        if token is None:
            raise AuthenticationFailed(_("Ungültiger, abgelaufener oder widerrufener Token."))
        account = token.user
        # A technical account only: a person's account (with a password or a second factor) is never reachable so.
        if (
            not account.is_active or account.has_usable_password() or account.tenant_id != token.tenant_id
            or TOTPDevice.objects.filter(user=account).exists()
        ):
            raise AuthenticationFailed(_("Ungültiger, abgelaufener oder widerrufener Token."))
        return account, token
