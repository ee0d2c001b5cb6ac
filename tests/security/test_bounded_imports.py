"""Bounded work on imports (ASVS 15.2.2, SECURITY.md rows 9 and 10): Bebauungspläne and Flurstücke are read in the
limited child process (bauantrag.sandbox), so that a file that needs too much memory or time is refused with a
German message, the web process stays small and nothing is stored half.

The finding reproduced: a 20 MB XPlanGML file with 5 million elements grew a web worker by 526 MB.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from bauantrag.audit.models import AuditEvent
from bauantrag.formats.transfer import decode, encode
from bauantrag.formats.xplan import read_plans
from bauantrag.parcels.models import Parcel
from bauantrag.plans import register
from bauantrag.plans.events import PlanEvent
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.plan import Bebauungsplan
from bauantrag.sandbox import last_child_peak_kib
from tests.parcels import files as cadastre
from tests.plans.conftest import BLANKENESE, admin_client, tenant_admin, upload  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def flood(elements: int, *, root: bytes = b"xplan:XPlanAuszug") -> bytes:
    """A well-formed XPlanGML file of ``elements`` empty elements (4 bytes each: 5 million make 20 MB)."""
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<' + root + b' xmlns:xplan="http://www.xplanung.de/xplangml/6/0"'
            b' xmlns:gml="http://www.opengis.net/gml/3.2">')  # fmt: skip
    return head + b"<a/>" * elements + b"</" + root + b">"


def nested(depth: int) -> bytes:
    return (b'<?xml version="1.0"?>\n<XPlanAuszug xmlns="http://www.xplanung.de/xplangml/6/0">' + b"<a>" * depth
            + b"</a>" * depth + b"</XPlanAuszug>")  # fmt: skip


def error_text(response: Any) -> str:
    doc = lxml.html.fromstring(response.content)
    return " ".join(" ".join(e.text_content().split()) for e in doc.xpath('//*[@class="error-text"]'))


def stored_files() -> list[Path]:
    return [p for p in Path(settings.DOCUMENT_ROOT).rglob("*") if p.is_file()]


def _kib(field: str) -> int:
    match = re.search(field + r":\s+(\d+) kB", Path("/proc/self/status").read_text())
    assert match is not None
    return int(match.group(1))


class PeakGrowth:
    """How far this process's resident memory rose above its level at the start (Linux: the peak is reset)."""

    def __enter__(self) -> PeakGrowth:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak resident set
        self.start = _kib("VmRSS")
        return self

    def __exit__(self, *exc: object) -> None:
        self.mb = (_kib("VmHWM") - self.start) / 1024


def assert_nothing_stored() -> None:
    assert PlanRecord.objects.count() == 0 and stored_files() == []
    assert not AuditEvent.objects.filter(event=PlanEvent.PLAN_IMPORTED).exists()


def test_a_plan_of_five_million_elements_is_refused_by_the_child_and_the_web_process_stays_small(
    admin_client: Client,  # noqa: F811
) -> None:
    attack = flood(5_000_000)
    assert len(attack) >= 20_000_000
    with PeakGrowth() as growth:
        response = upload(admin_client, "flut.gml", attack)
    assert response.status_code == 400
    assert "Die Datei enthält zu viele XML-Elemente (5.000.002, höchstens 1.000.000)" in error_text(response)
    assert_nothing_stored()
    assert AuditEvent.objects.filter(event=PlanEvent.PLAN_REJECTED).count() == 1
    assert last_child_peak_kib() is not None, "the file was not read in the child process"
    # the request holds the upload (20 MB) two or three times over (request body, file, bytes); parsing it here
    # grew the process by 526 MB
    assert growth.mb < 120, f"the web process grew by {growth.mb:.0f} MB"


@override_settings(IMPORT_MEMORY_MB=300)
def test_a_plan_that_needs_more_memory_than_allowed_is_refused_on_the_command_line(tenant: Any, tmp_path: Path) -> None:
    path = tmp_path / "gross.gml"
    path.write_bytes(flood(900_000))  # under the element limit; the tree alone needs some 100 MB
    with pytest.raises(CommandError, match=r"braucht zum Lesen mehr Arbeitsspeicher als erlaubt \(höchstens 300 MB\)"):
        call_command("import_plan", str(path), "--tenant", tenant.slug)
    assert_nothing_stored()
    assert AuditEvent.objects.filter(event=PlanEvent.PLAN_REJECTED).count() == 1


@override_settings(IMPORT_TIMEOUT=0.05)
def test_a_plan_that_takes_longer_than_allowed_is_refused(admin_client: Client) -> None:  # noqa: F811
    response = upload(admin_client, BLANKENESE)  # starting the child alone takes longer than 0.05 s
    assert response.status_code == 400
    assert "konnte nicht innerhalb des Zeitlimits von 0,05 Sekunden gelesen werden" in error_text(response)
    assert_nothing_stored()


def test_a_plan_nested_too_deep_is_refused_on_the_command_line(tenant: Any, tmp_path: Path) -> None:
    path = tmp_path / "tief.gml"
    path.write_bytes(nested(1000))
    with pytest.raises(CommandError, match="zu tief verschachtelt"):
        call_command("import_plan", str(path), "--tenant", tenant.slug)
    assert_nothing_stored()


def test_a_real_plan_read_in_the_child_is_the_plan_read_here(admin_client: Client) -> None:  # noqa: F811
    assert upload(admin_client, BLANKENESE).status_code == 302
    record = PlanRecord.objects.get()
    register._cache.clear()  # read again from the stored file, in the child
    from_child = register.parsed_plan(record)
    assert last_child_peak_kib() is not None
    here = read_plans(BLANKENESE)[0]
    assert encode(from_child) == encode(here)
    assert from_child.areas[0].geometry.equals_exact(here.areas[0].geometry, 0)
    assert encode(decode(Bebauungsplan, encode(here))) == encode(here)


def test_flurstuecke_of_five_million_elements_are_refused_and_nothing_is_stored(
    admin_client: Client,  # noqa: F811
) -> None:
    response = admin_client.post("/flurstuecke/uebernehmen/",
                           {"file": SimpleUploadedFile("flut.xml", flood(5_000_000, root=b"AX_Bestandsdatenauszug"))})
    assert response.status_code == 400
    assert "zu viele XML-Elemente" in error_text(response)
    assert last_child_peak_kib() is not None
    assert Parcel.objects.count() == 0


def test_flurstuecke_as_deeply_nested_geojson_are_refused_on_the_command_line(tenant: Any, tmp_path: Path) -> None:
    path = tmp_path / "tief.geojson"
    path.write_bytes(b"{\"type\": " + b"[" * 200_000 + b"]" * 200_000 + b"}")
    with pytest.raises(CommandError, match="zu tief verschachtelt"):
        call_command("import_parcels", str(path), "--tenant", tenant.slug)
    assert Parcel.objects.count() == 0


def test_real_flurstuecke_are_read_in_the_child(tenant: Any) -> None:
    call_command("import_parcels", str(cadastre.UNNA_25832), "--tenant", tenant.slug)
    assert last_child_peak_kib() is not None
    assert Parcel.objects.filter(tenant=tenant).count() > 0



def test_plan_inspect_on_the_command_line_reads_in_the_child_and_refuses_five_million_elements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bauantrag.cli import main

    path = tmp_path / "flut.gml"
    path.write_bytes(flood(5_000_000))
    assert main(["plan", "inspect", str(path)]) == 2
    assert "Die Datei enthält zu viele XML-Elemente (5.000.002, höchstens 1.000.000)" in capsys.readouterr().err
    assert last_child_peak_kib() is not None


@pytest.mark.parametrize("sent", [{"name": 1}, {"plan": []}, [], "x", {**encode(read_plans(BLANKENESE)[0]),
                                                                      "geltungsbereich": "00zz"}])
def test_what_a_child_sends_is_taken_only_when_it_is_a_plan(sent: object) -> None:
    """The result crosses over as JSON and is checked against the plan's types: a child that a crafted file took
    over can send wrong data, but neither code nor other objects."""
    with pytest.raises(ValueError):
        decode(Bebauungsplan, sent)
