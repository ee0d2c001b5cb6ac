"""OpenAPI description of the project's own authentication class (registered in ApiConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class MfaSessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "bauantrag.api.authentication.MfaSessionAuthentication"
    name = "sessionAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "Anmeldung über /konto/anmelden/; Beschäftigte zusätzlich mit TOTP (/konto/2fa/). "
                           "Schreibende Anfragen brauchen das CSRF-Token im Header X-CSRFToken.",
        }


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "bauantrag.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "API-Zugang eines Fachverfahrens: `Authorization: Bearer bau_…`. Angelegt von der "
                           "Administration der Kommune (/kommune/schnittstelle/) oder vom Betreiber "
                           "(`manage.py api_token`), mit Berechtigung „read“ oder „casework“ und Ablaufdatum.",
        }
