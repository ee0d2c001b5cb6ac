"""Coordinate reference systems: plans derived at test time from a real plan (nothing derived is stored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pyproj import Transformer

from bauantrag.formats.xplan import read_plan
from bauantrag.formats.xplan.crs import epsg_of
from bauantrag.rules.planning.plan import Bebauungsplan

DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"
SOURCE = DATA / "hamburg_bplan004_xplan60" / "xplan.gml"  # 6.0, EPSG:25832, polygons with arcs, 2D
GML = "{http://www.opengis.net/gml/3.2}"
COORDINATE_ELEMENTS = (f"{GML}posList", f"{GML}pos", f"{GML}lowerCorner", f"{GML}upperCorner")


def converted(srs_name: str, epsg: int) -> bytes:
    """The real plan with every coordinate transformed from EPSG:25832 to ``epsg`` and every srsName replaced."""
    root = etree.fromstring(SOURCE.read_bytes())
    to_target = Transformer.from_crs(25832, epsg, always_xy=True)
    for element in root.iter(*COORDINATE_ELEMENTS):
        values = [float(v) for v in element.text.split()]
        xs, ys = to_target.transform(values[0::2], values[1::2])
        element.text = " ".join(f"{x:.4f} {y:.4f}" for x, y in zip(xs, ys, strict=True))
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("srsName"):
            element.set("srsName", srs_name)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def as_3d(data: bytes, srs_name: str, declare_dimension: bool = True) -> bytes:
    """The plan with a height added to every coordinate (srsDimension 3), as 3D GML exports write it."""
    root = etree.fromstring(data)
    for element in root.iter(f"{GML}posList", f"{GML}pos"):
        values = element.text.split()
        element.text = " ".join(f"{x} {y} 7.25" for x, y in zip(values[0::2], values[1::2], strict=True))
        if declare_dimension:
            element.set("srsDimension", "3")
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("srsName"):
            element.set("srsName", srs_name)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def assert_same_geometry(result: Bebauungsplan, original: Bebauungsplan, tolerance_m: float) -> None:
    assert len(result.areas) == len(original.areas) and len(result.boundary_lines) == len(original.boundary_lines)
    for got, expected in zip(result.areas, original.areas, strict=True):
        assert got.id == expected.id
        assert got.geometry.symmetric_difference(expected.geometry).area < expected.geometry.length * tolerance_m
        assert got.geometry.hausdorff_distance(expected.geometry) < tolerance_m
    assert result.geltungsbereich.hausdorff_distance(original.geltungsbereich) < tolerance_m


@pytest.fixture(scope="module")
def original() -> Bebauungsplan:
    return read_plan(SOURCE)


@pytest.mark.parametrize("srs_name", ["EPSG:31467", "urn:adv:crs:DE_DHDN_3GK3"])
def test_gauss_krueger_plan_is_transformed_to_utm(srs_name: str, original: Bebauungsplan) -> None:
    data = converted(srs_name, 31467)
    assert b"EPSG:25832" not in data and b" 35" in data  # Gauß-Krüger zone 3 eastings start with 35…
    result = read_plan(data)
    assert result.source_crs == srs_name
    assert_same_geometry(result, original, tolerance_m=0.01)  # same pyproj operation both ways: mm round trip


@pytest.mark.parametrize(
    "srs_name",
    [
        "EPSG:25832",
        "urn:ogc:def:crs:EPSG::25832",
        "urn:adv:crs:ETRS89_UTM32",
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH",
    ],
)
def test_3d_coordinates_drop_the_height(srs_name: str, original: Bebauungsplan) -> None:
    result = read_plan(as_3d(SOURCE.read_bytes(), srs_name))
    assert result.source_crs == srs_name
    assert not any(area.geometry.has_z for area in result.areas)
    assert_same_geometry(result, original, tolerance_m=1e-6)


def test_compound_crs_implies_three_dimensions(original: Bebauungsplan) -> None:
    data = as_3d(SOURCE.read_bytes(), "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", declare_dimension=False)
    assert b"srsDimension" not in data
    assert_same_geometry(read_plan(data), original, tolerance_m=1e-6)


def test_srs_names_map_to_epsg_codes() -> None:
    assert {
        name: epsg_of(name)
        for name in (
            "EPSG:25832",
            "urn:ogc:def:crs:EPSG::25832",
            "urn:ogc:def:crs:EPSG:6.12:25833",
            "http://www.opengis.net/def/crs/EPSG/0/25832",
            "urn:adv:crs:ETRS89_UTM32",
            "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH",
            "EPSG:31467",
            "urn:adv:crs:DE_DHDN_3GK3",
            "urn:adv:crs:DE_DHDN_3GK2",
        )
    } == {
        "EPSG:25832": 25832,
        "urn:ogc:def:crs:EPSG::25832": 25832,
        "urn:ogc:def:crs:EPSG:6.12:25833": 25833,
        "http://www.opengis.net/def/crs/EPSG/0/25832": 25832,
        "urn:adv:crs:ETRS89_UTM32": 25832,
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH": 25832,
        "EPSG:31467": 31467,
        "urn:adv:crs:DE_DHDN_3GK3": 31467,
        "urn:adv:crs:DE_DHDN_3GK2": 31466,
    }
