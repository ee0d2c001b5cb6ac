"""The only way to fetch a Bauvorlage: through the cases the user may see (cases.access); "not found" and "not
allowed" give the same answer (404)."""

from __future__ import annotations

from django.http import Http404

from bauantrag.accounts.permissions import Visitor
from bauantrag.cases.access import cases_visible_to, uuid_or_404
from bauantrag.documents.models import Document


def access_document(user: Visitor, document_id: object) -> Document:
    try:
        return Document.objects.select_related("case").get(
            pk=uuid_or_404(document_id), case__in=cases_visible_to(user)
        )
    except Document.DoesNotExist:
        raise Http404 from None
