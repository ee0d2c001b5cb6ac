"""Import action, management command and the lookup API (find_parcel, parcels_at) on the real database."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from shapely.geometry import Point, box

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import verify_tenant
from bauantrag.parcels.actions import UploadRejected, import_parcels
from bauantrag.parcels.events import ParcelEvent
from bauantrag.parcels.models import Parcel
from bauantrag.parcels.register import find_parcel, parcels_at
from tests.factories import UserFactory
from tests.parcels import files

pytestmark = pytest.mark.django_db


def test_import_stores_values_and_audits(tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    result = import_parcels(admin, tenant, "../flurstuecke.xml", files.nas())
    assert (result.added, result.replaced) == (3, 0)
    stored = {p.label: p for p in Parcel.objects.filter(tenant=tenant)}
    assert stored["12"].area_m2 == 1500.0 and stored["12"].official_area
    assert stored["14"].area_m2 == 1200.0 and not stored["14"].official_area  # computed from the geometry
    assert (stored["13/4"].gemarkung_name, stored["13/4"].flur, stored["13/4"].nenner) == ("Afferde", 3, 4)
    assert (stored["12"].min_x, stored["12"].max_y) == (411500.0, 5711250.0)
    assert stored["12"].source_name == "flurstuecke.xml" and stored["12"].imported_by == admin
    event = AuditEvent.objects.get(tenant=tenant, event=ParcelEvent.PARCELS_IMPORTED)
    assert event.after is not None and (event.after["added"], event.after["replaced"]) == (3, 0)
    assert verify_tenant(tenant) == []


def test_reimport_replaces_by_kennzeichen(tenant: Any) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    first = Parcel.objects.get(tenant=tenant, kennzeichen="05139601100085______")
    result = import_parcels(None, tenant, "unna-neu.geojson", files.unna())
    assert (result.added, result.replaced) == (0, 3)
    again = Parcel.objects.get(tenant=tenant, kennzeichen="05139601100085______")
    assert again.pk == first.pk and again.source_name == "unna-neu.geojson"
    import_parcels(None, tenant, "luenen.geojson", files.LUENEN_4326.read_bytes())
    assert Parcel.objects.filter(tenant=tenant).count() == 5


@pytest.mark.parametrize(
    "data", [files.truncated_nas(), files.doctype_nas(), files.wrong_root(), files.nas_without_geometry(), b""]
)
def test_broken_file_stores_nothing(tenant: Any, data: bytes) -> None:
    with pytest.raises(UploadRejected):
        import_parcels(None, tenant, "kaputt.xml", data)
    assert not Parcel.objects.exists()
    assert not AuditEvent.objects.filter(event=ParcelEvent.PARCELS_IMPORTED).exists()


def test_only_the_kommunes_admin_imports(tenant: Any, other_tenant: Any) -> None:
    for user in (
        UserFactory(tenant=tenant, role=Role.CLERK),
        UserFactory(tenant=tenant, role=Role.APPLICANT),
        UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN),
    ):
        with pytest.raises(PermissionDenied):
            import_parcels(user, tenant, "unna.geojson", files.unna())
    assert not Parcel.objects.exists()


def test_management_command(tenant: Any, capsys: Any) -> None:
    call_command("import_parcels", str(files.AFFERDE_NAS), "--tenant", tenant.slug)
    assert "3 Flurstücke in das Flurstücksverzeichnis von Stadt Musterstadt übernommen" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Keine Kommune"):
        call_command("import_parcels", str(files.AFFERDE_NAS), "--tenant", "gibtsnicht")


def test_find_parcel_by_name_or_number_with_and_without_nenner(tenant: Any, other_tenant: Any) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    import_parcels(None, tenant, "luenen.geojson", files.LUENEN_4326.read_bytes())
    found = find_parcel(tenant, "Unna", "11", "85")
    assert found is not None and found.kennzeichen == "05139601100085______"
    assert find_parcel(tenant, "1396", "011", "00085") == found
    assert find_parcel(tenant, "051396", "11", "85") == found
    assert find_parcel(tenant, "unna", "11", "85") == found
    with_nenner = find_parcel(tenant, "Unna", "11", "86/2")
    assert with_nenner is not None and with_nenner.area_m2 == 799.0
    assert find_parcel(tenant, "LÜNEN", "5", "121/3") is not None
    assert find_parcel(tenant, "Unna", "11", "86") is None  # 86 has only 86/1 and 86/2
    assert find_parcel(tenant, "Afferde", "11", "85") is None
    assert find_parcel(tenant, "Unna", "11", "85a") is None
    assert find_parcel(other_tenant, "Unna", "11", "85") is None


def test_parcels_at(tenant: Any, other_tenant: Any) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    assert [p.label for p in parcels_at(tenant, Point(409110, 5710310))] == ["85"]
    # A building over the boundary of 85 and 86/1, mostly on 86/1.
    across = box(409125, 5710310, 409145, 5710320)
    assert [p.label for p in parcels_at(tenant, across)] == ["86/1", "85"]
    assert parcels_at(tenant, box(409070, 5710300, 409100, 5710340)) == []  # touches the boundary only
    assert parcels_at(other_tenant, Point(409110, 5710310)) == []


def test_adjoining_parcels_share_a_boundary_and_exclude_the_parcel_itself(tenant: Any, other_tenant: Any) -> None:
    """Unna, Flur 11: 85 | 86/1 | 86/2 side by side (tests/data/cadastre). The middle one has both as neighbours,
    the western one only the middle one; the other Kommune's register is not looked at."""
    from pathlib import Path

    from bauantrag.parcels.register import adjoining_parcels

    data = (Path(__file__).resolve().parents[1] / "data" / "cadastre" / "unna_flurstuecke_25832.geojson").read_bytes()
    import_parcels(None, tenant, "unna.geojson", data)
    import_parcels(None, other_tenant, "unna.geojson", data)
    middle = find_parcel(tenant, "Unna", "11", "86/1")
    west = find_parcel(tenant, "Unna", "11", "85")
    assert middle is not None and west is not None
    assert [p.label for p in adjoining_parcels(middle)] == ["85", "86/2"]
    assert [p.label for p in adjoining_parcels(west)] == ["86/1"]
    assert {p.tenant_id for p in adjoining_parcels(middle)} == {tenant.pk}
