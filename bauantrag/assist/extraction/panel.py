"""The clerk's case page panel "Angaben aus den Bauvorlagen", and the same values as facts for the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from bauantrag.assist.extraction import plausibility
from bauantrag.assist.models import ExtractedField, ExtractedValue

if TYPE_CHECKING:
    from bauantrag.cases.models import Case

PERSONAL_FIELDS = frozenset({"bauherr", "entwurfsverfasser", "kammer_nummer"})
TEXT_FIELDS = frozenset({"bauherr", "entwurfsverfasser", "kammer_nummer", "gemarkung", "flurstueck"})
FACT_LIMIT = 40


def field_label(name: str) -> str:
    try:
        return str(ExtractedField(name).label)
    except ValueError:
        return name


def display_value(value: ExtractedValue) -> str:
    """The normalised value as it reads in German ("0.4" -> "0,4")."""
    return value.value if value.field in TEXT_FIELDS else value.value.replace(".", ",")


def value_url(value: ExtractedValue) -> str:
    return reverse("assist:extraction_values", kwargs={"document_id": value.document_id}) + f"#wert-{value.pk}"


@dataclass
class Row:
    value: ExtractedValue
    label: str
    text: str
    url: str
    kind: str  # "chosen", "uncertain" (chosen, but the extractor is not sure: no finding), "alternative" (the
    # document says otherwise elsewhere), "permitted" (the plan's figure)


@dataclass
class DocumentValues:
    document: Any
    url: str
    rows: list[Row] = field(default_factory=list)


def row_kind(value: ExtractedValue) -> str:
    if value.permitted:
        return "permitted"
    if value.chosen:
        return "chosen" if value.certain else "uncertain"
    return "alternative"


def values_by_document(documents: list[Any], tenant_id: Any) -> list[DocumentValues]:
    rows = ExtractedValue.objects.filter(document__in=documents, tenant_id=tenant_id).order_by(
        "-chosen", "page", "start"
    )
    grouped: dict[Any, DocumentValues] = {
        d.pk: DocumentValues(d, reverse("assist:extraction_values", kwargs={"document_id": d.pk})) for d in documents
    }
    order = {name: i for i, name in enumerate(ExtractedField.values)}
    for value in rows:
        grouped[value.document_id].rows.append(
            Row(value, field_label(value.field), display_value(value), value_url(value), row_kind(value))
        )
    for group in grouped.values():
        group.rows.sort(key=lambda r: (order.get(r.value.field, 99), r.kind != "chosen", r.value.page, r.value.start))
    return [g for g in grouped.values() if g.rows]


def context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """Shown on the clerk's case page once any Bauvorlage of the case has values read from it."""
    documents = list(case.documents.bauvorlagen().order_by("round", "uploaded_at"))
    groups = values_by_document(documents, case.tenant_id)
    if not groups:
        return None
    disagreements = plausibility.disagreements(case, documents)
    return {
        "groups": groups,
        "disagreements": [
            {"label": d.comparison.label, "form": d.form_text() if not d.comparison.personal else
             f"{d.comparison.label} {plausibility.german(d.form_value)}",
             "document": d.value.document.display_name, "page": d.value.page, "snippet": d.snippet,
             "url": d.source_url}
            for d in disagreements
        ],
    }


def facts(case: Case) -> list[Any]:
    """The chosen values the extractor is sure of, as summary facts (names of people marked personal)."""
    from bauantrag.assist.summary.facts import Fact

    values = (
        ExtractedValue.objects.filter(document__case=case, tenant_id=case.tenant_id, chosen=True, doubt="",
                                      document__message_attachment__isnull=True)
        .select_related("document").order_by("document__uploaded_at", "field")
    )
    found = []
    for value in values[:FACT_LIMIT]:
        source = _("Bauvorlage %(name)s S. %(page)s") % {"name": value.document.display_name, "page": value.page}
        found.append(Fact(
            _("%(label)s: %(value)s") % {"label": field_label(value.field), "value": display_value(value)},
            source, personal=value.field in PERSONAL_FIELDS,
        ))
    return found
