"""Panels of the correspondence on the case pages (filled in by views)."""

from __future__ import annotations


def register() -> None:
    from bauantrag.correspondence import template_views, views

    views.register_panels()
    template_views.register_links()
