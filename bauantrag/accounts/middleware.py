"""Staff accounts must pass a TOTP second factor before they see anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

_OPEN_PREFIXES = ("/konto/2fa", "/konto/abmelden", "/static/", "/konto/anmelden")


class StaffMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "requires_mfa", False)
            and not user.is_verified()  # type: ignore[attr-defined]  # added by django_otp's middleware
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"errors": [{"code": "mfa_required", "detail": "Zweiter Faktor (TOTP) erforderlich."}]},
                    status=401,
                )
            return HttpResponseRedirect(reverse("accounts:mfa") + "?next=" + request.path)
        return self.get_response(request)
