"""``{% scanner_notice as notice %}``: the operator's notice when no virus scanner is configured (or "")."""

from __future__ import annotations

from django import template

from bauantrag.documents.checks import scanner_notice as _notice

register = template.Library()


@register.simple_tag
def scanner_notice() -> str:
    return _notice()
