"""A Bauvorlage shared with a Fachstelle is served to it only after its integrity check; a swapped file is a 409
with a document.damaged event (issue 13)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions
from bauantrag.documents import storage
from bauantrag.documents.events import DocumentEvent
from tests.conftest import login

pytestmark = pytest.mark.django_db


def test_a_swapped_shared_document_is_refused_and_recorded(kommune: Any) -> None:
    lageplan, other = kommune.documents("1803", "2001")
    beteiligung = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                              documents=[lageplan, other], message="Bitte prüfen.")
    tenant_id = kommune.case.tenant_id
    swapped = storage._path(tenant_id, other.storage_name).read_bytes()
    storage._path(tenant_id, lageplan.storage_name).write_bytes(swapped)
    agency = login(Client(), kommune.brandschutz_member)
    response = agency.get(f"/beteiligung/{beteiligung.pk}/dokumente/{lageplan.pk}/")
    assert response.status_code == 409 and "nicht ausgeliefert" in response.content.decode()
    event = AuditEvent.objects.get(event=DocumentEvent.DOCUMENT_DAMAGED)
    assert (event.subject_id, event.actor, event.after["while"]) == (
        str(lageplan.pk), kommune.brandschutz_member, "beteiligung")
    assert agency.get(f"/beteiligung/{beteiligung.pk}/dokumente/{other.pk}/").status_code == 200
