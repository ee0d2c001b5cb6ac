"""How long a staff member's session lasts: it ends after STAFF_IDLE_SECONDS without a request and at the latest
STAFF_SESSION_SECONDS after the login, with a German notice on the login page (OWASP ASVS 7.3.1, 7.3.2; BSI
APP.3.1). Applicants keep Django's session of two weeks: they hold no one else's data."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

LOGGED_IN_AT = "bauantrag_logged_in_at"
SEEN_AT = "bauantrag_seen_at"
SEEN_RESOLUTION = 60  # seconds: the last activity is written at most once a minute, not on every request


def _staff(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated and getattr(request.user, "requires_mfa", False))


class StaffSessionLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _staff(request):
            ended = self._ended(request)
            if ended:
                return _logged_out(request, ended)
        response = self.get_response(request)
        if _staff(request) and LOGGED_IN_AT not in request.session:  # this request logged in
            now = time.time()
            request.session[LOGGED_IN_AT] = request.session[SEEN_AT] = now
            request.session.set_expiry(settings.STAFF_IDLE_SECONDS)  # the cookie and the stored session too
        return response

    @staticmethod
    def _ended(request: HttpRequest) -> str:
        session, now = request.session, time.time()
        logged_in_at = float(session.get(LOGGED_IN_AT, now))
        seen_at = float(session.get(SEEN_AT, now))
        if now - seen_at > settings.STAFF_IDLE_SECONDS:
            minutes = settings.STAFF_IDLE_SECONDS // 60
            return _("Sie wurden nach %(minutes)d Minuten ohne Aktivität abgemeldet. Bitte melden Sie sich erneut "
                     "an.") % {"minutes": minutes}
        if now - logged_in_at > settings.STAFF_SESSION_SECONDS:
            hours = settings.STAFF_SESSION_SECONDS // 3600
            return _("Ihre Anmeldung endet spätestens nach %(hours)d Stunden. Bitte melden Sie sich erneut an.") % {
                "hours": hours}
        if now - seen_at > SEEN_RESOLUTION:
            session[SEEN_AT] = now
        return ""


def _logged_out(request: HttpRequest, notice: str) -> HttpResponse:
    logout(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": [{"code": "session_expired", "detail": notice}]}, status=401)
    messages.warning(request, notice)
    return redirect_to_login(request.get_full_path())
