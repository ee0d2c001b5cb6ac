"""Migration audit 0008: the foreign key to cases.Case became a plain case id in the same column. No row may be
lost or changed, and the chain must still verify ("intakt") on rows written before."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bauantrag.audit import chain
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from tests.audit.legacy import reseal_unkeyed
from tests.factories import complete_case

BEFORE = ("audit", "0007_nachforderung_extended_event")
AFTER = ("audit", "0008_events_owned_by_apps_case_reference")


def _migrate(target: tuple[str, str]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def _append_old_style_row(apps: Any, tenant_id: Any, case_id: Any) -> None:
    """An event as the code before the migration wrote it: with the foreign key to the case."""
    old_event = apps.get_model("audit", "AuditEvent")
    last = old_event.objects.filter(chain=str(tenant_id)).order_by("-seq").first()
    created = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    row = old_event(chain=str(tenant_id), seq=last.seq + 1, tenant_id=tenant_id, created_at=created,
                    event="case.updated", actor_label="System", subject_type="Case", subject_id=str(case_id),
                    case_id=case_id, before={"x": 1}, after={"x": 2}, message="", request_id="r1",
                    prev_hash=last.hash)  # fmt: skip
    record = {"chain": row.chain, "seq": row.seq, "created_at": created.isoformat(), "event": row.event,
              "actor": row.actor_label, "subject_type": row.subject_type, "subject_id": row.subject_id,
              "case_id": str(case_id), "before": row.before, "after": row.after, "message": "",
              "request_id": "r1"}  # fmt: skip
    row.hash = chain.event_hash(record, last.hash)
    row.save()


@pytest.mark.django_db(transaction=True)
def test_the_trail_keeps_every_row_and_verifies_across_the_migration() -> None:
    case = complete_case()
    reseal_unkeyed(str(case.tenant_id))  # the trail as it was before the keyed hash (migration 0009)
    written = list(AuditEvent.objects.order_by("chain", "seq").values_list("seq", "case_id", "hash"))
    assert written and all(case_id == case.pk for _seq, case_id, _hash in written if case_id)
    try:
        old_apps = _migrate(BEFORE)
        old_event = old_apps.get_model("audit", "AuditEvent")
        assert old_event.objects.filter(case__pk=case.pk).count() == len([w for w in written if w[1]])
        _append_old_style_row(old_apps, case.tenant_id, case.pk)
        _migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    after = list(AuditEvent.objects.order_by("chain", "seq").values_list("seq", "case_id", "hash"))
    assert after[: len(written)] == written and len(after) == len(written) + 1
    assert after[-1][1] == case.pk
    assert verify_tenant(case.tenant) == []
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert f"{case.tenant.slug}: intakt" in out.getvalue()
