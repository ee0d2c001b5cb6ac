"""Several OS processes appending to one audit chain at the same moment (used by the test and by bench/)."""

from __future__ import annotations

import multiprocessing.context
import multiprocessing.synchronize
from typing import Any


def _writer(tenant_id: Any, calls: int, barrier: multiprocessing.synchronize.Barrier,
            results: multiprocessing.Queue[int]) -> None:
    from django.db import connections, transaction

    from bauantrag.accounts.events import AccountEvent
    from bauantrag.accounts.models import Tenant
    from bauantrag.audit.service import record

    failed = 0
    try:
        tenant = Tenant.objects.get(pk=tenant_id)
        barrier.wait(30)
        for number in range(calls):
            try:
                with transaction.atomic():
                    record(AccountEvent.TENANT_SETTINGS_CHANGED, actor=None, tenant=tenant, subject=tenant,
                           after={"call": number})
            except Exception:  # every failed call is counted, whatever it raised
                failed += 1
    finally:
        connections.close_all()
        results.put(failed)


def append_concurrently(context: multiprocessing.context.ForkContext, tenant_id: Any, calls: int,
                        processes: int) -> list[int]:
    """Fork `processes` writers that together make `calls` calls of audit.service.record on the tenant's chain,
    all released at once; return each writer's number of failed calls. The caller closes its database
    connections before (a forked child must not share the parent's socket)."""
    barrier, results = context.Barrier(processes), context.Queue()
    shares = [calls // processes + (1 if index < calls % processes else 0) for index in range(processes)]
    workers = [context.Process(target=_writer, args=(tenant_id, share, barrier, results)) for share in shares]
    for worker in workers:
        worker.start()
    failures = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(30)
    return failures
