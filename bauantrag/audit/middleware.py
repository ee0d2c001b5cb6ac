"""Gives each request one id that all its audit rows carry; the response names it in ``X-Request-ID``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from bauantrag.audit.context import new_id, request_id

HEADER = "X-Request-ID"


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # A fresh id, never the client's: the trail must not carry what a caller made up.
        with request_id(new_id()) as value:
            response = self.get_response(request)
        response[HEADER] = value
        return response
