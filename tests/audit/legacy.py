"""A chain as the code before the keyed hash (audit migration 0009) wrote it: every row with the unkeyed SHA-256."""

from __future__ import annotations

from bauantrag.audit import chain
from bauantrag.audit.models import AuditEvent


def reseal_unkeyed(key: str, *, upto: int | None = None) -> None:
    """Turn the chain's rows (up to seq `upto`, default all) into version-1 rows, re-linking the rows after them
    with their own version. For tests only: the way the trail looked before it was keyed."""
    prev_hash = chain.GENESIS
    from bauantrag.audit.keys import audit_key

    for row in AuditEvent.objects.filter(chain=key).order_by("seq"):
        if upto is None or row.seq <= upto:
            row.hash_version = chain.UNKEYED
        row.prev_hash = prev_hash
        row.hash = chain.seal(row.as_record(), prev_hash, audit_key())
        AuditEvent.objects.filter(pk=row.pk).update(hash_version=row.hash_version, prev_hash=row.prev_hash,
                                                    hash=row.hash)
        prev_hash = row.hash
