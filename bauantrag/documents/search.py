"""Full-text search in the page texts of one case's Bauvorlagen, and the marked snippets of the hits.

Plain `icontains` (LIKE / UPPER LIKE) works on SQLite and PostgreSQL alike. On SQLite it ignores case for
ASCII letters only (ä/Ä differ there); PostgreSQL compares umlauts without regard to case too.
Everything taken from the text or the query is escaped; only our own <mark> is markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from bauantrag.cases.models import Case
from bauantrag.documents.models import DocumentPage

MIN_QUERY = 2
MAX_QUERY = 100
MAX_HITS = 200
CONTEXT = 90  # characters before and after the first hit in a snippet
PAGES_PER_VIEW = 20  # pages of text on one screen of the text view


@dataclass(frozen=True)
class Hit:
    page: DocumentPage
    snippet: SafeString
    count: int  # occurrences on the page

    @property
    def text_page(self) -> int:
        """The screen of the text view that shows this page."""
        return (self.page.number - 1) // PAGES_PER_VIEW + 1


def normalise_query(raw: str) -> str:
    return " ".join(raw.split())[:MAX_QUERY]


def pages_matching(case: Case, query: str) -> QuerySet[DocumentPage]:
    return (DocumentPage.objects.filter(document__case=case, text__icontains=query)
            .select_related("document").order_by("document__uploaded_at", "document_id", "number"))


def _pattern(query: str) -> re.Pattern[str]:
    # Whitespace in the query matches any run of whitespace in the text (line breaks of the page).
    return re.compile(r"\s+".join(re.escape(part) for part in query.split()), re.IGNORECASE)


def highlight(text: str, query: str) -> SafeString:
    """The whole text escaped, each occurrence of the query wrapped in <mark>."""
    if not query:
        return escape(text)
    out: list[str] = []
    last = 0
    for match in _pattern(query).finditer(text):
        out.append(escape(text[last: match.start()]))
        out.append("<mark>" + escape(match.group(0)) + "</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(text: str, query: str, context: int = CONTEXT) -> tuple[SafeString, int]:
    """About 2 × context characters around the first hit, whitespace collapsed, hits marked; and the hit count."""
    flat = " ".join(text.split())
    pattern = _pattern(query)
    matches = list(pattern.finditer(flat))
    if not matches:
        return escape(flat[: 2 * context] + ("…" if len(flat) > 2 * context else "")), 0
    first = matches[0]
    start = max(0, first.start() - context)
    end = min(len(flat), first.end() + context)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    if end < len(flat):
        space = flat.rfind(" ", first.end(), end)
        end = space if space > first.end() else end
    piece = highlight(flat[start:end], query)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    return mark_safe(prefix + piece + suffix), len(matches)  # noqa: S308 - piece is escaped by highlight()


def search(case: Case, query: str) -> tuple[list[Hit], bool]:
    """The hits (at most MAX_HITS pages) and whether there were more."""
    rows = list(pages_matching(case, query)[: MAX_HITS + 1])
    hits = []
    for page in rows[:MAX_HITS]:
        marked, count = snippet(page.text, query)
        hits.append(Hit(page, marked, count))
    return hits, len(rows) > MAX_HITS
