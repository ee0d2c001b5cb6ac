"""Gives each request one id that all its audit rows carry; the response names it in ``X-Request-ID``. After the
view it writes the events that must outlive the view's transaction (audit.service.record_durably)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse

from bauantrag.audit.context import deferring, new_id, request_id

logger = logging.getLogger("bauantrag.audit")

HEADER = "X-Request-ID"


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # A fresh id, never the client's: the trail must not carry what a caller made up.
        with request_id(new_id()) as value, deferring() as writes:
            response = self.get_response(request)
            for write in writes:
                try:
                    with transaction.atomic():
                        write()
                except Exception:  # a failed audit write must not turn a refused request into a 500
                    logger.exception("Deferred audit event could not be written")
        response[HEADER] = value
        return response
