"""Writing and verifying the audit trail. Only actions call `record`, inside their transaction."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from bauantrag.audit import chain
from bauantrag.audit.context import current_request_id, defer, new_id
from bauantrag.audit.keys import audit_key
from bauantrag.audit.models import AuditEvent

if TYPE_CHECKING:
    from django.db.models import TextChoices

    from bauantrag.accounts.models import Tenant, User


class Subject(Protocol):
    """Any stored object: the trail keeps its class name and primary key, never a foreign key to it."""

    @property
    def pk(self) -> Any: ...


def jsonable(value: Any) -> Any:
    """The value as it will read back from a JSON column (Decimals, dates, UUIDs become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def chain_key(tenant: Tenant | None) -> str:
    return str(tenant.pk) if tenant is not None else chain.PLATFORM


# The first key of the two-key advisory lock: the audit chains' own namespace ("AUDT"), so that another use of
# advisory locks never waits on a chain. The second key is PostgreSQL's hashtext of the chain key.
ADVISORY_NAMESPACE = 0x41554454


def lock_chain(key: str) -> None:
    """Serialise the writers of one chain until the transaction ends.

    PostgreSQL: a transaction-level advisory lock keyed by the chain. Locking the last row (select_for_update) is
    not enough: under READ COMMITTED the waiting writer re-reads that row, not the one appended meanwhile, and
    computes the same seq; and an empty chain has no row to lock. After the lock is granted the next statement
    takes a fresh snapshot and sees the head the previous writer committed. SQLite: every transaction begins
    IMMEDIATE (settings/database.py), so writers are serialised by the database lock already."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [ADVISORY_NAMESPACE, key])


def record(
    event: TextChoices,
    *,
    actor: User | None,
    tenant: Tenant | None,
    subject: Subject,
    case: Subject | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    message: str = "",
    request_id: str = "",
) -> AuditEvent:
    """Append one event to the Kommune's chain. Must run inside the action's transaction.

    event: a code an app declared (its events.py); case: the case the event belongs to, kept as its id;
    request_id: default the current request's or task's (audit.context)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the action's transaction")
    key = chain_key(tenant)
    lock_chain(key)
    last = AuditEvent.objects.filter(chain=key).order_by("-seq").first()
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
        case_id=case.pk if case is not None else None,
        before=jsonable(before),
        after=jsonable(after),
        message=message,
        request_id=request_id or current_request_id() or new_id(),
        prev_hash=prev_hash,
        hash_version=chain.KEYED,
    )
    entry.hash = chain.event_mac(entry.as_record(), prev_hash, audit_key())
    entry.save()
    return entry


def record_durably(event: TextChoices, **details: Any) -> None:
    """`record` for an event that must survive the rollback of the transaction it was noticed in (a refused access
    inside an action that then fails): outside a transaction at once; in a request after the view, in its own
    transaction (audit.middleware); elsewhere when the surrounding transaction commits."""
    details.setdefault("request_id", current_request_id())

    def write() -> None:
        with transaction.atomic():
            record(event, **details)

    if not transaction.get_connection().in_atomic_block:
        write()
    elif not defer(write):
        transaction.on_commit(write)


def export_chain(key: str) -> Iterator[dict[str, Any]]:
    for entry in AuditEvent.objects.filter(chain=key).order_by("seq").iterator():
        yield entry.as_record()


def export_records(tenant: Tenant | None) -> Iterator[dict[str, Any]]:
    return export_chain(chain_key(tenant))


def verify_chain(key: str) -> list[str]:
    return chain.verify(export_chain(key), audit_key())


def verify_tenant(tenant: Tenant | None) -> list[str]:
    return verify_chain(chain_key(tenant))


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def chains() -> list[tuple[str, str]]:
    """(chain key, name to show) of every chain: the Kommune's slug, or "platform"."""
    keys = list(AuditEvent.objects.order_by("chain").values_list("chain", flat=True).distinct())
    # The name comes from the Kommune whose id is the chain key, never from a row's tenant (which may be forged).
    tenants = AuditEvent._meta.get_field("tenant").related_model._default_manager  # accounts.Tenant
    uuids = [key for key in keys if _is_uuid(key)]
    slugs = {str(pk): slug for pk, slug in tenants.filter(pk__in=uuids).values_list("pk", "slug")}
    return [(key, slugs.get(key, key)) for key in keys]
