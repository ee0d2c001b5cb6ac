"""The keyed, complete and anchored chain detects each tampering of issue 13: a row moved to another Kommune, a
changed actor, a cut-off tail, a row rewritten with a recomputed unkeyed hash, a forged checkpoint."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction

from bauantrag.accounts.events import AccountEvent
from bauantrag.audit import chain
from bauantrag.audit.anchor import anchor_file
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import chain_key, record, verify_tenant
from bauantrag.audit.tasks import anchor_audit_chains
from tests.audit.legacy import reseal_unkeyed
from tests.factories import TenantFactory, UserFactory

pytestmark = pytest.mark.django_db


def _events(tenant: Any, count: int, actor: Any = None) -> list[AuditEvent]:
    written = []
    for number in range(count):
        with transaction.atomic():
            written.append(record(AccountEvent.TENANT_SETTINGS_CHANGED, actor=actor, tenant=tenant, subject=tenant,
                                  before={"n": number}, after={"n": number + 1}))
    return written


def _verify_output() -> tuple[str, bool]:
    out = StringIO()
    try:
        call_command("audit_verify", stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


def test_new_rows_are_sealed_with_the_keyed_hash_over_every_column() -> None:
    tenant = TenantFactory()
    entry = _events(tenant, 1, actor=UserFactory(tenant=tenant))[0]
    assert entry.hash_version == chain.KEYED
    assert entry.hash != chain.event_hash(entry.as_record(), entry.prev_hash)  # not the unkeyed SHA-256
    assert verify_tenant(tenant) == []


def test_moving_a_row_to_another_kommune_is_detected() -> None:
    tenant, other = TenantFactory(), TenantFactory()
    entry = _events(tenant, 4)[2]
    AuditEvent.objects.filter(pk=entry.pk).update(tenant=other)  # hides it from the case history
    problems = verify_tenant(tenant)
    assert f"Eintrag {entry.seq}: Inhalt wurde verändert (Hash stimmt nicht)" in problems
    assert any(f"Eintrag {entry.seq}: einer anderen Kommune zugeordnet" in p for p in problems)
    output, intact = _verify_output()
    assert not intact and "einer anderen Kommune zugeordnet" in output


def test_changing_the_actor_is_detected() -> None:
    tenant = TenantFactory()
    entry = _events(tenant, 3, actor=UserFactory(tenant=tenant))[1]
    AuditEvent.objects.filter(pk=entry.pk).update(actor=UserFactory(tenant=tenant))
    assert f"Eintrag {entry.seq}: Inhalt wurde verändert (Hash stimmt nicht)" in verify_tenant(tenant)


def test_truncating_the_tail_is_detected_against_the_checkpoint() -> None:
    tenant = TenantFactory()
    _events(tenant, 5)
    call_command("audit_anchor", stdout=StringIO())
    assert verify_tenant(tenant) == []  # the chain alone cannot tell
    AuditEvent.objects.filter(chain=chain_key(tenant), seq__gte=4).delete()
    assert verify_tenant(tenant) == []
    output, intact = _verify_output()
    assert not intact
    assert "Einträge 4–5 fehlen: die Kette wurde am Ende gekürzt" in output


def test_deleting_a_whole_chain_is_detected_against_the_checkpoint() -> None:
    tenant = TenantFactory()
    _events(tenant, 2)
    call_command("audit_anchor", stdout=StringIO())
    AuditEvent.objects.filter(chain=chain_key(tenant)).delete()
    output, intact = _verify_output()
    assert not intact and "Einträge 1–2 fehlen" in output


def _rewrite_unkeyed(key: str, seq: int, message: str) -> None:
    """What an attacker with the database but without the key does: change a row and recompute the unkeyed
    hashes from there to the end, so that every link matches again."""
    prev_hash = chain.GENESIS
    for row in AuditEvent.objects.filter(chain=key).order_by("seq"):
        if row.seq >= seq:
            if row.seq == seq:
                row.message = message
            row.hash_version = chain.UNKEYED
            row.prev_hash = prev_hash
            row.hash = chain.event_hash(row.as_record(), prev_hash)
            AuditEvent.objects.filter(pk=row.pk).update(message=row.message, hash_version=1,
                                                        prev_hash=row.prev_hash, hash=row.hash)
        prev_hash = row.hash


def test_rewriting_a_row_and_recomputing_the_unkeyed_hash_is_detected() -> None:
    tenant = TenantFactory()
    _events(tenant, 5)
    _rewrite_unkeyed(chain_key(tenant), 3, "nie geschehen")
    problems = verify_tenant(tenant)
    assert any("Eintrag 4: nachträglich auf das alte Verfahren ohne Schlüssel umgeschrieben" in p for p in problems)


def test_rewriting_the_whole_chain_unkeyed_is_detected_against_the_checkpoint() -> None:
    tenant = TenantFactory()
    _events(tenant, 4)
    call_command("audit_anchor", stdout=StringIO())
    _rewrite_unkeyed(chain_key(tenant), 1, "nie geschehen")
    assert verify_tenant(tenant) == []  # an all-unkeyed chain looks like an old one ...
    output, intact = _verify_output()  # ... but the checkpoint knows better
    assert not intact
    assert "Eintrag 4: weicht vom am" in output and "verankerten Stand ab (umgeschrieben)" in output
    assert "Einträge 1–4: nachträglich auf das alte Verfahren ohne Schlüssel umgeschrieben" in output


def test_a_chain_written_before_the_key_still_verifies_and_continues_keyed() -> None:
    tenant = TenantFactory()
    _events(tenant, 3)
    reseal_unkeyed(chain_key(tenant))  # as written before migration 0009
    _events(tenant, 2)
    versions = list(AuditEvent.objects.filter(chain=chain_key(tenant)).order_by("seq")
                    .values_list("hash_version", flat=True))
    assert versions == [1, 1, 1, 2, 2]
    assert verify_tenant(tenant) == []
    call_command("audit_anchor", stdout=StringIO())
    output, intact = _verify_output()
    assert intact, output


def test_a_forged_checkpoint_is_reported() -> None:
    tenant = TenantFactory()
    _events(tenant, 2)
    call_command("audit_anchor", stdout=StringIO())
    point = json.loads(anchor_file().read_text().splitlines()[-1])
    point["seq"] = 1  # pretend the chain was anchored shorter
    with anchor_file().open("a") as out:
        out.write(json.dumps(point) + "\n")
    output, intact = _verify_output()
    assert not intact and "ist nicht echt (Signatur stimmt nicht)" in output


def test_the_periodic_anchor_appends_only_when_a_head_moved_and_never_blesses_a_change(settings: Any) -> None:
    settings.AUDIT_ANCHOR_MAIL = "revision@kreis.example"
    tenant = TenantFactory()
    _events(tenant, 2)
    assert anchor_audit_chains.delay().get() == 1
    assert anchor_audit_chains.delay().get() == 0  # nothing new: nothing appended
    _events(tenant, 1)
    assert anchor_audit_chains.delay().get() == 1
    assert [json.loads(line)["seq"] for line in anchor_file().read_text().splitlines()] == [2, 3]
    assert mail.outbox[-1].to == ["revision@kreis.example"] and '"seq": 3' in mail.outbox[-1].body

    AuditEvent.objects.filter(chain=chain_key(tenant), seq=3).delete()
    with pytest.raises(CommandError, match="kein Ankerpunkt"):
        call_command("audit_anchor", stdout=StringIO(), stderr=StringIO())
    assert len(anchor_file().read_text().splitlines()) == 2
    assert mail.outbox[-1].subject == "Bauantrag: Protokoll verändert"
    assert "Eintrag 3 fehlt: die Kette wurde am Ende gekürzt" in mail.outbox[-1].body


def test_the_offline_check_of_an_export_shows_a_cut_off_tail_against_the_anchor_file(tmp_path: Any) -> None:
    import subprocess
    import sys

    from django.conf import settings

    tenant = TenantFactory()
    _events(tenant, 4)
    call_command("audit_anchor", stdout=StringIO())
    out = StringIO()
    call_command("audit_export", tenant=tenant.slug, stdout=out)
    export = tmp_path / "protokoll.jsonl"
    command = [sys.executable, "-m", "bauantrag.cli", "audit", "verify", str(export),
               "--key-file", str(settings.AUDIT_KEY_FILE), "--anchors", str(anchor_file())]
    export.write_text(out.getvalue(), encoding="utf-8")
    assert subprocess.run(command, capture_output=True, text=True, check=False).returncode == 0
    export.write_text("\n".join(out.getvalue().splitlines()[:3]) + "\n", encoding="utf-8")
    cut = subprocess.run(command, capture_output=True, text=True, check=False)
    assert cut.returncode == 1
    assert "Eintrag 4 fehlt: die Kette wurde am Ende gekürzt" in cut.stderr


def test_a_platform_event_moved_into_a_kommune_is_detected() -> None:
    tenant = TenantFactory()
    with transaction.atomic():
        entry = record(AccountEvent.TENANT_SETTINGS_CHANGED, actor=None, tenant=None, subject=tenant)
    AuditEvent.objects.filter(pk=entry.pk).update(tenant=tenant)
    problems = verify_tenant(None)
    assert any(f"Eintrag {entry.seq}: einer anderen Kommune zugeordnet" in p for p in problems)
