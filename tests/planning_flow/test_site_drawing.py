"""The drawing map of the site step through real HTTP: its data (GeoJSON in EPSG:4326) and saving a drawing,
which goes through the same action and validation as the JSON text (EPSG:25832, centimetres)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, Vorhaben
from bauantrag.parcels.models import Parcel
from bauantrag.portal.geo import point_to_utm, point_to_wgs84
from tests.conftest import login
from tests.factories import UserFactory, draft_case
from tests.planning_flow.helpers import PASSING, import_blankenese, site_of, vorhaben_of
from tests.planning_flow.test_site_pages import paths, svg_of

pytestmark = pytest.mark.django_db


def data_url(case: Case) -> str:
    return f"/antraege/{case.pk}/lage/kartendaten/"


def to_wgs84(rings: list[Any]) -> list[Any]:
    return [[point_to_wgs84(p[0], p[1]) for p in ring] for ring in rings]


def drawing(parcel: list[Any], *buildings: tuple[str, list[Any], float], roads: tuple[Any, ...] = ()) -> str:
    """A FeatureCollection as the map posts it: WGS84 polygons with role and properties."""
    features = [
        {"type": "Feature", "properties": {"role": "parcel"}, "geometry": {"type": "Polygon", "coordinates": parcel}}
    ]
    features += [
        {
            "type": "Feature",
            "properties": {"role": "building", "id": name, "wall_height_mean_m": height},
            "geometry": {"type": "Polygon", "coordinates": rings},
        }
        for name, rings, height in buildings
    ]
    features += [
        {
            "type": "Feature",
            "properties": {"role": "public_area", "kind": "verkehrsflaeche"},
            "geometry": {"type": "Polygon", "coordinates": rings},
        }
        for rings in roads
    ]
    return json.dumps({"type": "FeatureCollection", "features": features})  # fmt: skip


def test_known_point_and_round_trip_within_a_centimetre() -> None:
    lon, lat = point_to_wgs84(500000.0, 5500000.0)
    assert lon == 9.0 and 49.65 < lat < 49.66  # the central meridian of UTM zone 32 is 9° E
    for east, north in [(553143.0, 5934992.5), (412345.67, 5712345.89), (799999.99, 5300000.01)]:
        back = point_to_utm(*point_to_wgs84(east, north))
        assert abs(back[0] - east) <= 0.01 and abs(back[1] - north) <= 0.01


def test_map_data_gives_site_and_plan_in_wgs84(applicant_client: Client, applicant: Any, tenant: Any) -> None:
    import_blankenese(tenant)
    site = site_of(PASSING)
    case = draft_case(applicant, **vorhaben_of(PASSING), site=site)
    response = applicant_client.get(data_url(case))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["crs"] == "EPSG:4326"
    roles = [f["properties"]["role"] for f in data["site"]["features"]]
    assert roles.count("parcel") == 1 and roles.count("building") == len(site["buildings"])
    parcel = data["site"]["features"][0]["geometry"]["coordinates"]
    assert parcel == to_wgs84(site["parcel"])
    assert all(9 < p[0] < 10 and 53 < p[1] < 54 for p in parcel[0])  # Hamburg-Blankenese, lon/lat order
    building = data["site"]["features"][1]["properties"]
    assert building["id"] == site["buildings"][0]["id"]
    assert data["plan"]["names"] == ["Blankenese29_Testplan_60"]
    layers = {f["properties"]["layer"] for f in data["plan"]["features"]}
    assert {"area", "baugrenze"} <= layers
    assert data["suggested_parcel"] is None


def test_map_data_without_site_shows_the_plans_and_the_parcel_from_the_register(
    applicant_client: Client, applicant: Any, tenant: Any
) -> None:
    import_blankenese(tenant)
    parcel = site_of(PASSING)["parcel"]
    Parcel.objects.create(
        tenant=tenant, kennzeichen="05139700200085______", gemarkung_number="1397", gemarkung_name="Afferde",
        flur=2, zaehler=85, area_m2=600.0, geometry={"type": "Polygon", "coordinates": parcel},
        min_x=553131.07, min_y=5934975.22, max_x=553161.69, max_y=5935013.5, source_name="test.geojson",
        imported_at=timezone.now(),
    )  # fmt: skip
    case = draft_case(applicant, gemarkung="Afferde", flur="2", flurstueck="85")
    data = applicant_client.get(data_url(case)).json()
    assert data["site"] is None
    assert data["plan"]["names"] == ["Blankenese29_Testplan_60"]
    suggestion = data["suggested_parcel"]
    assert suggestion["properties"]["label"] == "Gemarkung Afferde, Flur 2, Flurstück 85"
    assert suggestion["geometry"]["coordinates"] == to_wgs84(parcel)
    page = applicant_client.get(f"/antraege/{case.pk}/lage/").content.decode()
    assert "Flurstück aus dem Liegenschaftskataster übernehmen" in page


def test_map_data_is_not_served_to_others(applicant: Any, tenant: Any, other_tenant: Any) -> None:
    case = draft_case(applicant, site=site_of(PASSING))
    for user in (UserFactory(tenant=tenant), UserFactory(tenant=other_tenant)):
        assert login(Client(), user).get(data_url(case)).status_code == 404
    assert Client().get(data_url(case)).status_code == 302  # to the login page


def test_saving_a_drawing_stores_utm_and_shows_the_preview(
    applicant_client: Client, applicant: Any, tenant: Any
) -> None:
    import_blankenese(tenant)
    site = site_of(PASSING)
    case = draft_case(applicant, **vorhaben_of(PASSING))
    footprint = site["buildings"][0]["footprint"]
    road = [[[553125.0, 5935014.0], [553170.0, 5935014.0], [553170.0, 5935020.0], [553125.0, 5935020.0],
             [553125.0, 5935014.0]]]  # fmt: skip
    body = drawing(to_wgs84(site["parcel"]), ("Wohnhaus", to_wgs84(footprint), 6.5), roads=(to_wgs84(road),))
    response = applicant_client.post(f"/antraege/{case.pk}/lage/", {"site_drawing": body})
    assert response.status_code == 302, response.content.decode()[:3000]
    stored = Vorhaben.objects.get(pk=case.pk).site
    assert stored["crs"] == "EPSG:25832"
    assert stored["parcel"] == site["parcel"] and stored["buildings"][0]["footprint"] == footprint
    assert stored["buildings"][0]["wall_height_mean_m"] == 6.5
    assert stored["public_areas"] == [{"kind": "verkehrsflaeche", "polygon": road}]
    assert AuditEvent.objects.filter(case_id=case.pk, event=CaseEvent.CASE_UPDATED).exists()
    page = applicant_client.get(f"/antraege/{case.pk}/lage/").content.decode()
    assert "Die gezeichnete Lageplan-Geometrie wurde gespeichert." in page
    assert len(paths(svg_of(page), "footprint")) == 1


@pytest.mark.parametrize(
    ("parcel", "expected"),
    [
        ([[[9.8020, 53.5610], [9.8025, 53.5613], [9.8025, 53.5610], [9.8020, 53.5613], [9.8020, 53.5610]]],
         "ungültiges Polygon"),
        ([[[40.0, 10.0], [40.001, 10.0], [40.001, 10.001], [40.0, 10.001], [40.0, 10.0]]], "/site/parcel/0/0"),
        ([[[9.80, 53.56], ["x", 53.56], [9.80, 53.57], [9.80, 53.56]]], "Zahlenpaare"),
    ],
    ids=["self-intersecting", "outside-germany", "not-a-number"],
)  # fmt: skip
def test_invalid_drawing_gives_a_german_error_and_changes_nothing(
    applicant_client: Client, applicant: Any, parcel: Any, expected: str
) -> None:
    site = site_of(PASSING)
    case = draft_case(applicant, site=site)
    footprint = to_wgs84(site["buildings"][0]["footprint"])
    before = AuditEvent.objects.count()
    response = applicant_client.post(
        f"/antraege/{case.pk}/lage/", {"site_drawing": drawing(parcel, ("H", footprint, 6))}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Die Zeichnung wurde nicht gespeichert" in page and expected in page
    assert Vorhaben.objects.get(pk=case.pk).site == site and AuditEvent.objects.count() == before
    assert 'id="site-drawing-posted"' in page  # the rejected drawing is shown again on the map


def test_drawing_errors_equal_the_json_path(applicant_client: Client, applicant: Any) -> None:
    site = site_of(PASSING)
    case = draft_case(applicant)
    bowtie = [[[553131.0, 5934975.0], [553161.0, 5935013.0], [553161.0, 5934975.0], [553131.0, 5935013.0],
               [553131.0, 5934975.0]]]  # fmt: skip
    as_json = applicant_client.post(f"/antraege/{case.pk}/lage/", {"site_json": json.dumps({**site, "parcel": bowtie})})
    body = drawing(to_wgs84(bowtie), ("Wohnhaus", to_wgs84(site["buildings"][0]["footprint"]), 6.2))
    drawn = applicant_client.post(f"/antraege/{case.pk}/lage/", {"site_drawing": body})
    message = "/site/parcel: ungültiges Polygon (Self-intersection"
    assert message in as_json.content.decode() and message in drawn.content.decode()


def test_drawing_keeps_what_the_map_cannot_show(applicant_client: Client, applicant: Any) -> None:
    site = {**site_of(PASSING), "baugebiet": "WA", "accessories": [{"kind": "nebenanlage", "area_m2": 12.0}]}
    case = draft_case(applicant, site=site)
    features = applicant_client.get(data_url(case)).json()["site"]["features"]
    body = json.dumps({"type": "FeatureCollection", "features": features})
    response = applicant_client.post(f"/antraege/{case.pk}/lage/", {"site_drawing": body})
    assert response.status_code == 302
    stored = Vorhaben.objects.get(pk=case.pk).site
    assert stored["baugebiet"] == "WA" and stored["accessories"] == [{"kind": "nebenanlage", "area_m2": 12.0}]
    assert stored["buildings"][0]["wall_heights_m"] == site["buildings"][0]["wall_heights_m"]
    assert stored["parcel"] == site["parcel"]
