"""A file with several plans: every plan becomes a register entry; the pre-check finds the one in force at the
site (fixture ``langenhorn51_aenderungen_xplan52.gml``, mirroring the real Langenhorn 51 with two Änderungen)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import box

from bauantrag.audit.models import AuditEvent
from bauantrag.cases.precheck import applicable_plan, applicable_plans
from bauantrag.plans import register
from bauantrag.plans.actions import UploadRejected, import_plans
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.project import Building, SitePlan
from tests.plans.conftest import upload

pytestmark = pytest.mark.django_db

LANGENHORN = Path(__file__).resolve().parents[1] / "data" / "xplan_fixtures" / "langenhorn51_aenderungen_xplan52.gml"
X0, Y0 = 566800.0, 5945000.0


def site_at(x: float) -> SitePlan:
    house = Building("Wohnhaus", box(X0 + x, Y0 + 20, X0 + x + 10, Y0 + 28))
    return SitePlan(parcel=box(X0 + x - 8, Y0 + 10, X0 + x + 18, Y0 + 40), buildings=(house,), accessories=())


def test_all_three_plans_of_the_file_become_entries_sharing_the_stored_file(tenant: Any) -> None:
    entries = import_plans(None, tenant, "langenhorn.gml", LANGENHORN.read_bytes())
    assert [(e.name, e.position) for e in entries] == [
        ("Langenhorn 51 (1. Änderung)", 0), ("Langenhorn 51 (2. Änderung)", 1), ("Langenhorn 51", 2)
    ]
    assert {e.storage_name for e in entries} == {entries[0].storage_name}
    assert {e.sha256 for e in entries} == {hashlib.sha256(LANGENHORN.read_bytes()).hexdigest()}
    assert [register.parsed_plan(e).name for e in entries] == [e.name for e in entries]
    assert entries[2].summary["links"][0]["name"] == "Langenhorn 51 (1. Änderung)"  # resolved in the file
    assert AuditEvent.objects.filter(event="plan.imported").count() == 3  # one per plan
    with pytest.raises(UploadRejected, match="bereits im Planregister"):
        import_plans(None, tenant, "nochmal.gml", LANGENHORN.read_bytes())
    assert PlanRecord.objects.count() == 3


def test_the_check_at_a_site_outside_the_aenderungen_uses_the_plan_itself(tenant: Any) -> None:
    import_plans(None, tenant, "langenhorn.gml", LANGENHORN.read_bytes())
    record, plans = applicable_plans(tenant, site_at(55))
    assert record is not None and record.name == "Langenhorn 51"
    assert [p.name for p in plans] == ["Langenhorn 51", "Langenhorn 51 (1. Änderung)"]  # its named change added
    assert applicable_plan(tenant, site_at(55))[1] is register.parsed_plan(record)


def test_the_check_inside_an_aenderung_passes_both_plans_for_the_clerk(tenant: Any) -> None:
    import_plans(None, tenant, "langenhorn.gml", LANGENHORN.read_bytes())
    record, plans = applicable_plans(tenant, site_at(15))
    assert {p.name for p in plans} == {"Langenhorn 51", "Langenhorn 51 (1. Änderung)"}
    assert record is not None  # the entry the map shows; the findings say the situation is unclear


def test_uploading_a_file_with_three_plans_on_the_page_takes_all_and_lists_them(admin_client: Any) -> None:
    response = upload(admin_client, LANGENHORN)
    assert response.status_code == 302 and response["Location"] == "/plaene/"
    listing = admin_client.get("/plaene/").content.decode()
    assert "Die Datei enthält 3 Bebauungspläne; alle wurden in das Planregister übernommen" in listing
    assert listing.count('href="/plaene/') >= 3
    base = PlanRecord.objects.get(name="Langenhorn 51")
    detail = admin_client.get(f"/plaene/{base.pk}/").content.decode()
    assert "Geändert durch" in detail and "„Langenhorn 51 (1. Änderung)“ (Änderung)" in detail
    assert "GML_" not in detail


def test_the_plan_page_shows_a_value_of_0_as_not_set(admin_client: Any) -> None:
    la22 = LANGENHORN.parent / "la22_nullwerte_xplan52.gml"
    page = admin_client.get(upload(admin_client, la22)["Location"]).content.decode()
    assert "GF 360 m²; GFZ 0 (nicht festgesetzt)" in page
    assert "GRZ, GR 0 (nicht festgesetzt)" not in page and "GRZ 0 (nicht festgesetzt)" in page
