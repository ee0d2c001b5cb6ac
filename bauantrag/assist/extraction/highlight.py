"""The place a value came from, marked in its page text: escape everything first, then insert <mark> by offsets."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

CONTEXT = 300  # characters of the page shown before and after the span


@dataclass(frozen=True)
class Excerpt:
    html: SafeString
    cut_before: bool
    cut_after: bool


def mark(text: str, start: int, end: int) -> SafeString:
    """The whole text, HTML-escaped, with text[start:end] wrapped in <mark> (and announced to screen readers,
    which do not read <mark> out)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    begin = f'<span class="visually-hidden">[{escape(_("Fundstelle"))}:] </span>'
    finish = f'<span class="visually-hidden"> [{escape(_("Ende der Fundstelle"))}]</span>'
    return mark_safe(  # noqa: S308 - every piece of text is escaped; only the tags are markup
        f"{escape(text[:start])}{begin}<mark>{escape(text[start:end])}</mark>{finish}{escape(text[end:])}"
    )


def excerpt(text: str, start: int, end: int, context: int = CONTEXT) -> Excerpt:
    """The span with up to `context` characters around it, cut at line breaks where possible."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = max(0, start - context)
    if left > 0:
        newline = text.find("\n", left, start)
        left = newline + 1 if newline != -1 else left
    right = min(len(text), end + context)
    if right < len(text):
        newline = text.rfind("\n", end, right)
        right = newline if newline != -1 else right
    return Excerpt(mark(text[left:right], start - left, end - left), left > 0, right < len(text))
