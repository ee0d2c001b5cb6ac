"""The clerk's page of one Bauvorlage's extracted values, each shown in its page text with the span marked."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bauantrag.accounts.permissions import casework_required
from bauantrag.assist.extraction import highlight, panel
from bauantrag.assist.extraction.panel import display_value, field_label
from bauantrag.assist.models import ExtractedField, ExtractedValue
from bauantrag.cases.display import document_type_name
from bauantrag.documents.access import access_document


@casework_required
@require_GET
def document_values(request: HttpRequest, document_id: Any) -> HttpResponse:
    document = access_document(request.user, document_id)  # 404 for other Kommunen and unknown ids
    pages = {p.number: p.text for p in document.pages.all()}
    order = {name: i for i, name in enumerate(ExtractedField.values)}
    values = sorted(
        ExtractedValue.objects.filter(document=document, tenant_id=document.tenant_id),
        key=lambda v: (order.get(v.field, 99), not v.chosen, v.page, v.start),
    )
    items = []
    for value in values:
        text = pages.get(value.page, "")
        matches = text[value.start : value.end] == value.raw
        items.append({
            "value": value,
            "label": field_label(value.field),
            "text": display_value(value),
            "kind": panel.row_kind(value),
            # the page text may have been read again since: then the stored span no longer fits and is not marked
            "excerpt": highlight.excerpt(text, value.start, value.end) if matches else None,
        })
    return render(request, "assist/extraction/document_values.html", {
        "document": document,
        "case": document.case,
        "type_name": document_type_name(document.document_type),
        "items": items,
    })
