"""{{ amount|euro }} → "146.200,00 €" (German notation, as in the Bescheid)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from bauantrag.rules.fees.calculation import euro as euro_text

register = template.Library()


@register.filter
def euro(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return "–"
    return euro_text(Decimal(value))
