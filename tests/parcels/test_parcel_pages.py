"""The Flurstück register's pages and the portal's JSON lookup, through real HTTP with real logins."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.parcels.actions import import_parcels
from bauantrag.parcels.models import Parcel
from tests.conftest import login
from tests.factories import UserFactory
from tests.parcels import files

pytestmark = pytest.mark.django_db


def upload(client: Client, name: str, data: bytes) -> Any:
    return client.post("/flurstuecke/uebernehmen/", {"file": SimpleUploadedFile(name, data)})


def test_admin_uploads_and_searches(tenant: Any) -> None:
    admin = login(Client(), UserFactory(tenant=tenant, role=Role.TENANT_ADMIN))
    response = upload(admin, "afferde.xml", files.nas())
    assert response.status_code == 302 and response["Location"] == "/flurstuecke/"
    page = admin.get("/flurstuecke/")
    assert "3 Flurstücke übernommen: 3 neu, 0 ersetzt." in page.content.decode()
    found = admin.get("/flurstuecke/", {"gemarkung": "Afferde", "flur": "3", "flurstueck": "13/4"}).content.decode()
    assert "1 Flurstück gefunden (von 3 im Verzeichnis)." in found
    parcel = Parcel.objects.get(kennzeichen="051397003000130004__")
    assert f"/flurstuecke/{parcel.pk}/" in found
    detail = admin.get(f"/flurstuecke/{parcel.pk}/").content.decode()
    assert "051397003000130004__" in detail and "amtliche Fläche" in detail
    assert "Kein Flurstück passt" in admin.get("/flurstuecke/", {"gemarkung": "1397", "flur": "9"}).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [(files.truncated_nas(), "abgeschnitten"), (files.doctype_nas(), "DOCTYPE"),
     (files.wrong_root(), "Wurzelelement"), (files.nas_without_geometry(), "Geometrie fehlt")],
    ids=["truncated", "doctype", "wrong-root", "missing-geometry"],
)  # fmt: skip
def test_broken_upload_shows_the_error_and_stores_nothing(tenant: Any, data: bytes, message: str) -> None:
    admin = login(Client(), UserFactory(tenant=tenant, role=Role.TENANT_ADMIN))
    response = upload(admin, "kaputt.xml", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Parcel.objects.exists()


def test_clerk_views_but_cannot_import(tenant: Any, clerk_client: Client) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    page = clerk_client.get("/flurstuecke/").content.decode()
    assert "3 Flurstücke gefunden" in page and "Flurstücke übernehmen</h2>" not in page
    assert upload(clerk_client, "unna.geojson", files.unna()).status_code == 403


def test_applicant_cannot_import_or_list(tenant: Any, applicant_client: Client) -> None:
    assert upload(applicant_client, "unna.geojson", files.unna()).status_code == 403
    assert applicant_client.get("/flurstuecke/").status_code == 403
    assert not Parcel.objects.exists()


def test_other_kommune_sees_nothing(tenant: Any, other_tenant: Any) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    parcel = Parcel.objects.filter(tenant=tenant).first()
    assert parcel is not None
    foreign = login(Client(), UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN))
    assert foreign.get(f"/flurstuecke/{parcel.pk}/").status_code == 404
    assert "noch kein Flurstück" in foreign.get("/flurstuecke/").content.decode()
    search = foreign.get("/flurstuecke/suche/", {"gemarkung": "Unna", "flur": "11", "flurstueck": "85"})
    assert search.status_code == 404


def test_search_endpoint_for_the_applicant(tenant: Any, applicant_client: Client) -> None:
    import_parcels(None, tenant, "unna.geojson", files.unna())
    response = applicant_client.get("/flurstuecke/suche/", {"gemarkung": "Unna", "flur": "11", "flurstueck": "86/2"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    feature = response.json()
    assert feature["type"] == "Feature" and feature["id"] == "051396011000860002__"
    assert feature["properties"] == {
        "kennzeichen": "051396011000860002__", "gemarkung_number": "1396", "gemarkung": "Unna", "flur": 11,
        "flurstueck": "86/2", "area_m2": 799.0, "official_area": True,
    }  # fmt: skip
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["geometry"]["coordinates"][0][0] == [409150.0, 5710300.0]  # EPSG:25832, metres
    by_number = applicant_client.get("/flurstuecke/suche/", {"gemarkung": "1396", "flur": "11", "flurstueck": "85"})
    assert by_number.json()["properties"]["area_m2"] == 1200.0
    missing = applicant_client.get("/flurstuecke/suche/", {"gemarkung": "Unna", "flur": "11", "flurstueck": "86"})
    assert missing.status_code == 404 and "nicht verzeichnet" in missing.json()["errors"][0]["detail"]
    assert applicant_client.get("/flurstuecke/suche/", {"gemarkung": "Unna"}).status_code == 400
    assert applicant_client.post("/flurstuecke/suche/").status_code == 405


def test_search_endpoint_needs_a_login() -> None:
    response = Client().get("/flurstuecke/suche/", {"gemarkung": "Unna", "flur": "11", "flurstueck": "85"})
    assert response.status_code == 401
