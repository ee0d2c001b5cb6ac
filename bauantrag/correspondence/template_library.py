"""The only tags and filters a letter template may use (the Kommune edits these templates in the browser).

Allowed is what formats text: conditions, loops, defaults, dates, joins, case changes. Left out is everything that
reads files or other templates (``include``, ``extends``, ``load``), prints internals (``debug``, ``pprint``),
needs a request (``url``, ``csrf_token``) or can blow up the output from a short argument (``center``, ``ljust``,
``rjust``, ``stringformat``, ``floatformat``, ``lorem``). The context holds plain values only (strings, numbers,
dates, lists and dicts of them; see ``letter_context``), so no variable can call into the application.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.template import Library, defaultfilters, defaulttags
from django.utils import timezone

register = Library()

ALLOWED_TAGS = ("comment", "cycle", "filter", "firstof", "for", "if", "ifchanged", "now", "spaceless",
                "templatetag", "verbatim", "with")
ALLOWED_FILTERS = ("add", "capfirst", "cut", "date", "default", "default_if_none", "first", "join", "last",
                   "length", "lower", "make_list", "pluralize", "slice", "title", "truncatechars", "truncatewords",
                   "upper", "wordcount", "wordwrap", "yesno")

for _name in ALLOWED_TAGS:
    register.tags[_name] = defaulttags.register.tags[_name]
for _name in ALLOWED_FILTERS:
    register.filters[_name] = defaultfilters.register.filters[_name]


@register.filter
def datum(value: object) -> str:
    """A date as a German letter writes it: 07.12.2026; an ISO string is read as a date."""
    if isinstance(value, str) and value:
        try:
            return f"{dt.date.fromisoformat(value[:10]):%d.%m.%Y}"
        except ValueError:
            return value
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # a moment is dated where the Bauamt is, not in UTC
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return "" if value is None else str(value)


@register.filter
def euro(value: object) -> str:
    """An amount in euros, German style: 1.234,50 €."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return "" if value is None else str(value)
    text = f"{amount:,.2f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return f"{text} €"
