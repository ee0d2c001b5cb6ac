"""The project's URLs plus one view that fails, for the 500 page (tests/web/test_error_pages.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from bauantrag.urls import urlpatterns as project_patterns


def fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("ein Programmfehler")


urlpatterns = [path("kaputt/", fails), *project_patterns]
