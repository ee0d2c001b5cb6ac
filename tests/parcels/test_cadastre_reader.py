"""The pure readers (bauantrag.formats.cadastre): values, areas and geometry of GeoJSON and NAS files."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from shapely.geometry import Point

from bauantrag.formats.cadastre import CadastreFormatError, gemarkung_name, parse_kennzeichen, read_parcels
from tests.parcels import files


def by_label(data: bytes) -> dict[str, object]:
    return {parcel.label: parcel for parcel in read_parcels(data)}


def test_geojson_alkis_vereinfacht_in_epsg_25832() -> None:
    parcels = read_parcels(files.unna())
    assert [(p.kennzeichen, p.gemarkung_number, p.gemarkung_name, p.flur, p.zaehler, p.nenner) for p in parcels] == [
        ("05139601100085______", "1396", "Unna", 11, 85, None),
        ("051396011000860001__", "1396", "Unna", 11, 86, 1),
        ("051396011000860002__", "1396", "Unna", 11, 86, 2),
    ]
    assert [p.area_m2 for p in parcels] == [1200.0, 800.0, 799.0]  # amtliche Fläche as given
    assert parcels[0].geometry.area == pytest.approx(1200.0)
    assert parcels[0].geometry.bounds == (409100.0, 5710300.0, 409130.0, 5710340.0)


def test_geojson_in_wgs84_is_transformed_to_epsg_25832() -> None:
    parcels = read_parcels(files.LUENEN_4326.read_bytes())
    first, second = parcels
    assert (first.kennzeichen, first.gemarkung_name, first.flur, first.label) == (
        "05128300500120______",
        "Lünen",
        5,
        "120",
    )
    assert first.area_m2 == 750.0
    assert first.geometry.area == pytest.approx(750.0, abs=0.5)
    min_x, min_y, _max_x, _max_y = first.geometry.bounds
    assert (min_x, min_y) == (pytest.approx(396500.0, abs=0.01), pytest.approx(5720500.0, abs=0.01))
    # Without a Kennzeichen it is built from the parts; no Fläche in the file: None.
    assert (second.kennzeichen, second.label, second.area_m2) == ("051283005001210003__", "121/3", None)
    assert second.geometry.area == pytest.approx(450.0, abs=0.5)


def test_nas_flurstuecke_with_polygon_surface_and_multisurface() -> None:
    parcels = by_label(files.nas())
    assert set(parcels) == {"12", "13/4", "14"}
    first = parcels["12"]
    assert (first.kennzeichen, first.gemarkung_name, first.flur, first.area_m2) == (  # type: ignore[attr-defined]
        "05139700300012______",
        "Afferde",
        3,
        1500.0,
    )
    holed = parcels["13/4"]
    assert holed.geometry.area == pytest.approx(1450.0)  # type: ignore[attr-defined]
    assert not holed.geometry.contains(Point(411542.5, 5711225.0))  # type: ignore[attr-defined]
    multi = parcels["14"]
    assert multi.geometry.geom_type == "MultiPolygon"  # type: ignore[attr-defined]
    assert (multi.area_m2, multi.geometry.area) == (None, pytest.approx(1200.0))  # type: ignore[attr-defined]


def test_kennzeichen_and_gemarkung_names() -> None:
    key = parse_kennzeichen("05329001100085______")
    assert (key.land, key.gemarkung_number, key.flur, key.zaehler, key.nenner) == ("05", "3290", 11, 85, None)
    assert parse_kennzeichen("05329001100085").text == "05329001100085______"
    assert parse_kennzeichen("053290011000850002__").nenner == 2
    assert gemarkung_name("1397") == "Afferde"
    assert gemarkung_name("1397", land="06") == ""
    with pytest.raises(ValueError, match="Format"):
        parse_kennzeichen("0532900110008")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (files.truncated_nas(), "abgeschnitten"),
        (files.truncated_geojson(), "abgeschnitten"),
        (files.doctype_nas(), "DOCTYPE"),
        (files.wrong_root(), "Wurzelelement XPlanAuszug"),
        (files.nas_without_geometry(), "AX_Flurstueck DENW36ALZZ000002: Geometrie fehlt"),
        (files.geojson_without_geometry(), "Objekt Nr. 1 (Flurstück 05139601100085______): Geometrie fehlt"),
        (b"Flurstueck;Flaeche\n85;1200\n", "weder GeoJSON noch NAS"),
        (b'{"type": "Feature"}', "FeatureCollection"),
    ],
    ids=[
        "truncated-nas",
        "truncated-geojson",
        "doctype",
        "wrong-root",
        "nas-no-geometry",
        "geojson-no-geometry",
        "csv",
        "single-feature",
    ],
)
def test_broken_files_give_a_german_error(data: bytes, expected: str) -> None:
    with pytest.raises(CadastreFormatError) as caught:
        read_parcels(data)
    assert expected in str(caught.value)


def test_error_names_the_line_in_nas_files() -> None:
    with pytest.raises(CadastreFormatError) as caught:
        read_parcels(files.nas_without_geometry())
    assert caught.value.line is not None and str(caught.value).startswith(f"Zeile {caught.value.line}, ")


def changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    collection = json.loads(files.unna())
    change(collection)
    return json.dumps(collection).encode()


def test_inconsistent_and_implausible_values_are_refused() -> None:
    def swap_axes(fc: dict[str, Any]) -> None:
        ring = fc["features"][0]["geometry"]["coordinates"][0]
        fc["features"][0]["geometry"]["coordinates"][0] = [[y, x] for x, y in ring]

    with pytest.raises(CadastreFormatError, match="nicht in Deutschland"):
        read_parcels(changed(swap_axes))
    with pytest.raises(CadastreFormatError, match="passt nicht"):
        read_parcels(changed(lambda fc: fc["features"][0]["properties"].update(flstnrzae="84")))

    def duplicate(fc: dict[str, Any]) -> None:
        fc["features"].append(fc["features"][0])

    with pytest.raises(CadastreFormatError, match="mehrfach"):
        read_parcels(changed(duplicate))
