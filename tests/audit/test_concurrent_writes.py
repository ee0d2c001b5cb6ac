"""Several processes writing to one Kommune's chain at once lose and duplicate no link (issue 14).

Before the chain was locked per chain, 96–128 of 200 such calls failed with an IntegrityError on PostgreSQL."""

from __future__ import annotations

import multiprocessing

import pytest
from django.db import connection, connections

from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import chain_key, verify_tenant
from tests.audit.concurrent_writers import append_concurrently
from tests.factories import TenantFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="forked writers need a server database; SQLite serialises every write transaction"),
]


def test_four_processes_appending_200_events_to_one_chain_at_once_all_succeed_in_one_unbroken_chain() -> None:
    tenant = TenantFactory()
    connections.close_all()  # each forked writer opens its own connection
    failures = append_concurrently(multiprocessing.get_context("fork"), tenant.pk, calls=200, processes=4)
    assert sum(failures) == 0
    seqs = list(AuditEvent.objects.filter(chain=chain_key(tenant)).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 201))
    assert verify_tenant(tenant) == []
