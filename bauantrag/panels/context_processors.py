"""The navigation links that apps registered, for base.html."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bauantrag.panels import links_for


def nav_links(request: HttpRequest) -> dict[str, Any]:
    return {"nav_links": links_for(getattr(request, "user", None))}
