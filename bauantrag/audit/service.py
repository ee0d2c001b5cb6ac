"""Writing and verifying the audit trail. Only actions call `record`, inside their transaction."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from bauantrag.audit import chain
from bauantrag.audit.models import AuditEvent, Event

if TYPE_CHECKING:
    from bauantrag.accounts.models import Tenant, User
    from bauantrag.cases.models import Case


def jsonable(value: Any) -> Any:
    """The value as it will read back from a JSON column (Decimals, dates, UUIDs become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def chain_key(tenant: Tenant | None) -> str:
    return str(tenant.pk) if tenant is not None else "platform"


def record(
    event: Event,
    *,
    actor: User | None,
    tenant: Tenant | None,
    subject: Any,
    case: Case | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    message: str = "",
    request_id: str = "",
) -> AuditEvent:
    """Append one event to the Kommune's chain. Must run inside the action's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the action's transaction")
    key = chain_key(tenant)
    last = AuditEvent.objects.select_for_update().filter(chain=key).order_by("-seq").first()
    seq = (last.seq + 1) if last else 1
    prev_hash = last.hash if last else chain.GENESIS
    entry = AuditEvent(
        chain=key,
        seq=seq,
        tenant=tenant,
        created_at=timezone.now(),
        event=event,
        actor=actor,
        actor_label=(f"{actor.display_name()} <{actor.username}>" if actor else "System"),
        subject_type=type(subject).__name__,
        subject_id=str(subject.pk),
        case=case,
        before=jsonable(before),
        after=jsonable(after),
        message=message,
        request_id=request_id or uuid.uuid4().hex,
        prev_hash=prev_hash,
    )
    entry.hash = chain.event_hash(entry.as_record(), prev_hash)
    entry.save()
    return entry


def export_records(tenant: Tenant | None) -> Iterator[dict[str, Any]]:
    for entry in AuditEvent.objects.filter(chain=chain_key(tenant)).order_by("seq").iterator():
        yield entry.as_record()


def verify_tenant(tenant: Tenant | None) -> list[str]:
    return chain.verify(export_records(tenant))
