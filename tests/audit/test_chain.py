"""The audit trail is hash-chained: a changed or deleted row is detected."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from bauantrag.audit import chain
from bauantrag.audit.keys import audit_key
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import export_records, verify_tenant
from tests.factories import complete_case

pytestmark = pytest.mark.django_db


def test_an_untouched_chain_verifies() -> None:
    case = complete_case()
    assert AuditEvent.objects.filter(tenant=case.tenant).count() > 5
    assert verify_tenant(case.tenant) == []


def test_a_changed_row_is_detected() -> None:
    case = complete_case()
    entry = AuditEvent.objects.filter(tenant=case.tenant).order_by("seq")[3]
    AuditEvent.objects.filter(pk=entry.pk).update(after={"state": "manipuliert"})
    problems = verify_tenant(case.tenant)
    assert any(f"Eintrag {entry.seq}: Inhalt" in p for p in problems)


def test_a_deleted_row_is_detected() -> None:
    case = complete_case()
    entry = AuditEvent.objects.filter(tenant=case.tenant).order_by("seq")[2]
    AuditEvent.objects.filter(pk=entry.pk).delete()
    problems = verify_tenant(case.tenant)
    assert any(f"Eintrag {entry.seq} fehlt" in p for p in problems)


def test_an_export_verifies_offline_and_a_tampered_export_does_not() -> None:
    case = complete_case()
    lines = [json.dumps(r, ensure_ascii=False) for r in export_records(case.tenant)]
    records = [json.loads(line) for line in lines]
    assert chain.verify(records, audit_key()) == []
    records[1]["actor"] = "Jemand anderes"
    assert chain.verify(records, audit_key()) != []


def test_the_command_line_verifies_an_export_and_names_a_tampered_entry(tmp_path: Any) -> None:
    case = complete_case()
    out = StringIO()
    call_command("audit_export", tenant=case.tenant.slug, stdout=out)
    export = tmp_path / "protokoll.jsonl"
    export.write_text(out.getvalue(), encoding="utf-8")
    key_file = str(settings.AUDIT_KEY_FILE)
    unkeyed = subprocess.run([sys.executable, "-m", "bauantrag.cli", "audit", "verify", str(export)],
                             capture_output=True, text=True, check=False)
    assert unkeyed.returncode == 2
    assert "--key-file" in unkeyed.stderr
    ok = subprocess.run([sys.executable, "-m", "bauantrag.cli", "audit", "verify", str(export), "--key-file", key_file],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Protokoll intakt" in ok.stdout

    lines = out.getvalue().splitlines()
    record = json.loads(lines[2])
    record["message"] = "nachträglich geändert"
    lines[2] = json.dumps(record, ensure_ascii=False)
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "bauantrag.cli", "audit", "verify", str(export),
                          "--key-file", key_file], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "Eintrag 3: Inhalt wurde verändert" in bad.stderr
