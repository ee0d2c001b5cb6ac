"""Which of the visible cases the queue lists: by assignee ("Meine", "Nicht zugewiesen") and by a search term
(Aktenzeichen, address, Flurstück, name), always inside the cases the clerk may see (their Kommune)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from bauantrag.cases.models import Case

#: GET parameter "wer": whose cases the queue lists (the default lists everyone's).
ASSIGNEE_VIEWS = {
    "alle": gettext_lazy("Alle"),
    "meine": gettext_lazy("Mir zugewiesen"),
    "niemand": gettext_lazy("Nicht zugewiesen"),
}
SEARCH_MAX_LENGTH = 100

#: The Vorhaben and account fields a word of the search may appear in (case-insensitive, anywhere in the field).
SEARCH_FIELDS = (
    "vorhaben__street", "vorhaben__house_number", "vorhaben__postal_code", "vorhaben__city",
    "vorhaben__gemarkung", "vorhaben__flur", "vorhaben__flurstueck",
    "vorhaben__bauherr_name", "vorhaben__designer_name",
    "applicant__first_name", "applicant__last_name",
)


def by_assignee(cases: QuerySet[Case], who: str, user: Any) -> QuerySet[Case]:
    if who == "meine":
        return cases.filter(assignee=user)
    if who == "niemand":
        return cases.filter(assignee__isnull=True)
    return cases


#: Words people write before a parcel's parts ("Flur 3 Flurstück 123/4"); they are labels, not values to find.
LABEL_WORDS = frozenset({"flur", "flurstück", "flurstueck", "flst", "flst.", "gemarkung"})


def search_terms(text: str) -> list[str]:
    return [word for word in text.split() if word.casefold() not in LABEL_WORDS]


def by_search(cases: QuerySet[Case], text: str) -> QuerySet[Case]:
    """Cases whose Aktenzeichen starts with the whole term, or where every word of it appears in one of the
    SEARCH_FIELDS (so "Hauptstraße 12" finds Hauptstraße 12, "Flur 3 123/4" a Flurstück 123/4 in Flur 3)."""
    text = text.strip()
    if not text:
        return cases
    every_word = Q()
    for word in search_terms(text):
        any_field = Q(file_number__istartswith=word)
        for field in SEARCH_FIELDS:
            any_field |= Q(**{f"{field}__icontains": word})
        every_word &= any_field
    return cases.filter(Q(file_number__istartswith=text) | every_word)
