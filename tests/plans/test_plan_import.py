"""Importing plans: broken and hostile files, duplicates, size limits, permissions and the management command."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.plans.actions import UploadRejected, import_plan
from bauantrag.plans.events import PlanEvent
from bauantrag.plans.models import Bebauungsplan
from tests.factories import UserFactory
from tests.plans.conftest import BLANKENESE, BPLAN004, EIDELSTEDT, HAFENCITY, upload

pytestmark = pytest.mark.django_db

LOL = "".join(f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10))


def with_doctype(doctype: str, name: str) -> bytes:
    """The real BPlan004 with a DOCTYPE after the XML declaration and an entity reference as the plan's name."""
    head, rest = BPLAN004.read_bytes().split(b"?>", 1)
    body = rest.replace(b"<xplan:name>BPlan004_6-0</xplan:name>", f"<xplan:name>{name}</xplan:name>".encode(), 1)
    return head + b"?>\n" + doctype.encode() + body


def stored_files() -> list[Path]:
    return [p for p in Path(settings.DOCUMENT_ROOT).rglob("*") if p.is_file()]


def error_text(response: Any) -> str:
    doc = lxml.html.fromstring(response.content)
    return " ".join(" ".join(e.text_content().split()) for e in doc.xpath('//*[@class="error-text"]'))


def assert_refused(response: Any, *expected: str) -> str:
    assert response.status_code == 400
    message = error_text(response)
    for part in expected:
        assert part in message, message
    assert 'class="error-summary"' in response.content.decode()
    assert Bebauungsplan.objects.count() == 0 and stored_files() == []
    assert not AuditEvent.objects.filter(event=PlanEvent.PLAN_IMPORTED).exists()
    return message


def test_a_truncated_file_is_refused_with_line_and_element(admin_client: Client, tenant: Any) -> None:
    response = upload(admin_client, HAFENCITY, HAFENCITY.read_bytes()[:5000])
    message = assert_refused(response, "Die Datei ist kein lesbarer XPlanGML-Plan.", "Zeile ")
    rejection = AuditEvent.objects.get(event=PlanEvent.PLAN_REJECTED)
    assert rejection.after["file"] == HAFENCITY.name and rejection.after["reason"] in message
    assert verify_tenant(tenant) == []


def test_a_billion_laughs_file_is_refused(admin_client: Client) -> None:
    attack = with_doctype(f'<!DOCTYPE x [<!ENTITY lol0 "lol">{LOL}]>', "&lol9;")
    assert_refused(upload(admin_client, "lachen.gml", attack), "DOCTYPE", "Zeile ")


def test_an_external_entity_is_refused_without_reading_it(admin_client: Client) -> None:
    attack = with_doctype('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")
    response = upload(admin_client, "xxe.gml", attack)
    assert_refused(response, "DOCTYPE")
    assert b"root:" not in response.content


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "Die Datei ist kein lesbarer XPlanGML-Plan."),
        (b"<?xml version='1.0'?><kein-plan/>", "Die Datei ist kein lesbarer XPlanGML-Plan."),
    ],
    ids=["pdf", "other-xml"],
)
def test_files_that_are_no_plans_are_refused(admin_client: Client, data: bytes, expected: str) -> None:
    assert_refused(upload(admin_client, "plan.gml", data), expected)


def test_a_zip_archive_is_refused_with_advice(admin_client: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xplan.gml", BPLAN004.read_bytes())
    assert_refused(upload(admin_client, "plan.zip", buffer.getvalue()), "ZIP-Archiv", "entpacken")


def test_an_empty_upload_is_refused(admin_client: Client) -> None:
    assert_refused(upload(admin_client, "leer.gml", b""), "leer")


def test_a_duplicate_is_refused(admin_client: Client, tenant: Any, other_tenant: Any) -> None:
    assert upload(admin_client, BLANKENESE).status_code == 302
    response = upload(admin_client, "nochmal.gml", BLANKENESE.read_bytes())
    assert response.status_code == 400
    assert "Dieser Plan ist bereits im Planregister: „Blankenese29_Testplan_60“" in error_text(response)
    assert Bebauungsplan.objects.filter(tenant=tenant).count() == 1 and len(stored_files()) == 1
    assert AuditEvent.objects.filter(event=PlanEvent.PLAN_REJECTED).count() == 1
    # Another Kommune keeps its own register: the same file is welcome there.
    assert import_plan(None, other_tenant, "xplan.gml", BLANKENESE.read_bytes()).tenant == other_tenant


def test_the_size_limit_is_enforced_before_parsing(tenant: Any) -> None:
    data = EIDELSTEDT.read_bytes()
    with pytest.raises(UploadRejected, match="zu groß"):
        import_plan(None, tenant, "xplan.gml", data, max_bytes=len(data) - 1)
    assert Bebauungsplan.objects.count() == 0
    assert import_plan(None, tenant, "xplan.gml", data, max_bytes=len(data)).name == "Eidelstedt 4"


@pytest.mark.parametrize("role", [Role.CLERK, Role.AGENCY, Role.APPLICANT])
def test_only_the_kommunes_administration_may_import(tenant: Any, other_tenant: Any, role: Role) -> None:
    for actor in (UserFactory(tenant=tenant, role=role), UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN)):
        with pytest.raises(PermissionDenied):
            import_plan(actor, tenant, "xplan.gml", BPLAN004.read_bytes())
    assert Bebauungsplan.objects.count() == 0 and not AuditEvent.objects.exists()


def test_the_management_command_imports_and_summarises(tenant: Any) -> None:
    out = io.StringIO()
    call_command("import_plan", str(BLANKENESE), tenant="musterstadt", stdout=out)
    plan = Bebauungsplan.objects.get(tenant=tenant)
    assert out.getvalue().startswith(
        "Bebauungsplan „Blankenese29_Testplan_60“ Nr. 29 in das Planregister von Stadt Musterstadt übernommen: "
        "XPlanGML 6.0, 42 Baugebietsteilflächen, 1 weitere Flächen für Gebäude, 79 überbaubare Grundstücksflächen, "
        "83 Baugrenzen, 0 Baulinien"
    )
    assert plan.imported_by is None
    event = AuditEvent.objects.get(event=PlanEvent.PLAN_IMPORTED)
    assert (event.actor, event.actor_label, event.tenant) == (None, "System", tenant)


def test_the_management_command_refuses_clearly(tenant: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Keine Kommune mit dem Kurznamen „gibt-es-nicht“"):
        call_command("import_plan", str(BPLAN004), tenant="gibt-es-nicht")
    broken = tmp_path / "kaputt.gml"
    broken.write_bytes(HAFENCITY.read_bytes()[:5000])
    with pytest.raises(CommandError, match=r"kein lesbarer XPlanGML-Plan\. Zeile \d+"):
        call_command("import_plan", str(broken), tenant="musterstadt")
    with pytest.raises(CommandError, match="kann nicht gelesen werden"):
        call_command("import_plan", str(tmp_path / "fehlt.gml"), tenant="musterstadt")
    call_command("import_plan", str(BPLAN004), tenant="musterstadt", stdout=io.StringIO())
    with pytest.raises(CommandError, match="bereits im Planregister"):
        call_command("import_plan", str(BPLAN004), tenant="musterstadt")
    assert Bebauungsplan.objects.count() == 1
