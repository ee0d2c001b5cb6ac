"""GML geometry forms of the XPlanGML profile, and the attribute differences between the versions."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from bauantrag.formats.xplan import PlanFormatError, read_plan
from bauantrag.rules.planning.plan import Bebauungsplan


def ring_of(*members: str) -> str:
    curves = "".join(f"<gml:curveMember>{member}</gml:curveMember>" for member in members)
    return f"<gml:Polygon gml:id='G1'><gml:exterior><gml:Ring>{curves}</gml:Ring></gml:exterior></gml:Polygon>"


def curve(*segments: str) -> str:
    return f"<gml:Curve gml:id='C{len(segments)}'><gml:segments>{''.join(segments)}</gml:segments></gml:Curve>"


def segment(kind: str, points: list[tuple[float, float]]) -> str:
    return f"<gml:{kind}><gml:posList>{' '.join(f'{x} {y}' for x, y in points)}</gml:posList></gml:{kind}>"


def line_string(points: list[tuple[float, float]]) -> str:
    return f"<gml:LineString><gml:posList>{' '.join(f'{x} {y}' for x, y in points)}</gml:posList></gml:LineString>"


def feature(kind: str, gml_id: str, body: str) -> str:
    return f"<gml:featureMember><xplan:{kind} gml:id='{gml_id}'>{body}</xplan:{kind}></gml:featureMember>"


def read(xp: SimpleNamespace, geometry: str, **kwargs: str) -> Bebauungsplan:
    return read_plan(xp.plan(geometry, **kwargs))


def test_half_disc_of_arc_and_line_segment(xp: SimpleNamespace) -> None:
    x, y, r = xp.X0, xp.Y0, 20.0
    arc = segment("Arc", [(x + r, y), (x, y + r), (x - r, y)])
    line = segment("LineStringSegment", [(x - r, y), (x + r, y)])
    area = read(xp, ring_of(curve(arc, line))).areas[0].geometry
    assert area.area == pytest.approx(math.pi * r * r / 2, rel=1e-3)
    assert area.is_valid and len(area.exterior.coords) > 20


def test_clockwise_arc_string_and_separate_curve_members(xp: SimpleNamespace) -> None:
    x, y, r = xp.X0, xp.Y0, 10.0
    end = (x - r / math.sqrt(2), y - r / math.sqrt(2))
    arcs = segment("ArcString", [(x - r, y), (x, y + r), (x + r, y), (x, y - r), end])
    closing = line_string([end, (x - r, y)])
    area = read(xp, ring_of(curve(arcs), closing)).areas[0].geometry
    # clockwise from 180° over the top to 225°: the circle minus the 45° segment cut off by the closing chord
    segment_45 = r * r / 2 * (math.pi / 4 - math.sin(math.pi / 4))
    assert area.area == pytest.approx(math.pi * r * r - segment_45, rel=2e-3)  # inscribed polyline, 5 mm tolerance


def test_circle(xp: SimpleNamespace) -> None:
    x, y, r = xp.X0, xp.Y0, 5.0
    circle = segment("Circle", [(x + r, y), (x, y + r), (x - r, y)])
    area = read(xp, ring_of(curve(circle))).areas[0].geometry
    assert area.area == pytest.approx(math.pi * r * r, rel=2e-3)
    assert all(math.dist(point, (x, y)) == pytest.approx(r, abs=1e-6) for point in area.exterior.coords)
    assert len(area.exterior.coords) > 32


def test_gap_between_curve_members_is_an_error(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    first = f"<gml:LineString><gml:posList>{x} {y} {x + 10} {y} {x + 10} {y + 10}</gml:posList></gml:LineString>"
    second = f"<gml:LineString><gml:posList>{x + 9} {y + 10} {x} {y + 10} {x} {y}</gml:posList></gml:LineString>"
    with pytest.raises(PlanFormatError, match=r"Lücke 1\.000 m"):
        read(xp, ring_of(first, second))


def test_arc_with_even_point_count_is_an_error(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    arc = segment("Arc", [(x, y), (x + 1, y + 1), (x + 2, y), (x, y)])
    with pytest.raises(PlanFormatError, match="Kreisbogen braucht 3, 5, 7"):
        read(xp, ring_of(curve(arc)))


def test_polygon_with_hole_pos_elements_and_3d_coordinates(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    outer = "".join(
        f"<gml:pos>{px} {py} 12.5</gml:pos>" for px, py in [(x, y), (x + 20, y), (x + 20, y + 20), (x, y + 20), (x, y)]
    )
    hole = " ".join(
        f"{px} {py} 3"
        for px, py in [(x + 5, y + 5), (x + 5, y + 10), (x + 10, y + 10), (x + 10, y + 5), (x + 5, y + 5)]
    )
    polygon = (
        "<gml:Polygon gml:id='G1' srsDimension='3'>"
        f"<gml:exterior><gml:LinearRing>{outer}</gml:LinearRing></gml:exterior>"
        f"<gml:interior><gml:LinearRing><gml:posList>{hole}</gml:posList></gml:LinearRing></gml:interior></gml:Polygon>"
    )
    area = read(xp, polygon).areas[0].geometry
    assert area.area == pytest.approx(400 - 25)
    assert not area.has_z


def test_multisurface_and_surface_patches(xp: SimpleNamespace) -> None:
    first = xp.polygon(xp.square(size=10))
    second = xp.polygon(xp.square(x=xp.X0 + 50, size=5))
    ring = f"<gml:LinearRing><gml:posList>{xp.square(x=xp.X0 + 100, size=2)}</gml:posList></gml:LinearRing>"
    patch = f"<gml:PolygonPatch><gml:exterior>{ring}</gml:exterior></gml:PolygonPatch>"
    surface = f"<gml:Surface gml:id='S1'><gml:patches>{patch}</gml:patches></gml:Surface>"
    multi = (
        f"<gml:MultiSurface gml:id='M1'><gml:surfaceMember>{first}</gml:surfaceMember>"
        f"<gml:surfaceMember>{second}</gml:surfaceMember>"
        f"<gml:surfaceMember>{surface}</gml:surfaceMember></gml:MultiSurface>"
    )
    area = read(xp, multi).areas[0].geometry
    assert area.geom_type == "MultiPolygon" and area.area == pytest.approx(100 + 25 + 4)


def test_lines_curves_and_orientation(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    composite = (
        f"<gml:CompositeCurve><gml:curveMember>{line_string([(x, y), (x + 3, y)])}</gml:curveMember>"
        f"<gml:curveMember>{line_string([(x + 3, y), (x + 3, y + 4)])}</gml:curveMember></gml:CompositeCurve>"
    )
    reversed_line = (
        "<gml:OrientableCurve orientation='-'><gml:baseCurve>"
        f"{line_string([(x, y), (x, y + 2)])}</gml:baseCurve></gml:OrientableCurve>"
    )
    multi = (
        f"<gml:MultiCurve><gml:curveMember>{composite}</gml:curveMember>"
        f"<gml:curveMember>{reversed_line}</gml:curveMember></gml:MultiCurve>"
    )
    features = feature("BP_BauLinie", "L1", f"<xplan:position>{multi}</xplan:position>") + feature(
        "BP_BauGrenze", "L2", f"<xplan:position>{xp.polygon(xp.square(size=4))}</xplan:position>"
    )
    lines = {line.id: line for line in read(xp, xp.polygon(xp.square()), features=features).boundary_lines}
    assert lines["L1"].kind == "baulinie" and lines["L1"].geometry.geom_type == "MultiLineString"
    assert lines["L1"].geometry.length == pytest.approx(3 + 4 + 2)
    assert lines["L1"].geometry.geoms[1].coords[0] == (x, y + 2)
    assert lines["L2"].kind == "baugrenze" and lines["L2"].geometry.length == pytest.approx(16)


def test_srs_inherited_from_the_document_envelope(xp: SimpleNamespace) -> None:
    area = read(xp, xp.polygon(xp.square()), srs="urn:ogc:def:crs:EPSG::25832").areas[0]
    assert area.geometry.bounds == (xp.X0, xp.Y0, xp.X0 + 10, xp.Y0 + 10)


def test_gml_31_with_coordinates_element(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    coordinates = " ".join(f"{px},{py}" for px, py in [(x, y), (x + 8, y), (x + 8, y + 8), (x, y + 8), (x, y)])
    polygon = (
        "<gml:Polygon><gml:exterior><gml:LinearRing>"
        f"<gml:coordinates decimal='.' cs=',' ts=' '>{coordinates}</gml:coordinates>"
        "</gml:LinearRing></gml:exterior></gml:Polygon>"
    )
    result = read_plan(xp.plan(polygon, gml="http://www.opengis.net/gml"))
    assert result.areas[0].geometry.area == pytest.approx(64)
    assert result.areas[0].id == "F1"


@pytest.mark.parametrize("version", ["4.1", "5.0", "5.1", "5.2", "5.3", "5.4", "6.0"])
def test_every_supported_namespace(xp: SimpleNamespace, version: str) -> None:
    namespace = f"http://www.xplanung.de/xplangml/{version.replace('.', '/')}"
    result = read_plan(xp.plan(ns=namespace))
    assert result.xplan_version == version
    assert (result.name, result.number, result.plan_kind, result.legal_status) == ("Testplan", "7", ("1000",), "4000")
    assert result.areas[0].grz == 0.4 and result.areas[0].special_use == "1200"


def test_wfs_feature_collection_root(xp: SimpleNamespace) -> None:
    assert read_plan(xp.plan(root="wfs:FeatureCollection")).xplan_version == "6.0"


def test_version_specific_attributes(xp: SimpleNamespace) -> None:
    heights = (
        "<xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>2000</xplan:hoehenbezug>"
        "<xplan:bezugspunkt>2000</xplan:bezugspunkt><xplan:hMin>8</xplan:hMin><xplan:hMax uom='m'>12.5</xplan:hMax>"
        "</xplan:XP_Hoehenangabe></xplan:hoehenangabe>"
    )
    values_60 = (
        f"{heights}<xplan:GRZmax>0.6</xplan:GRZmax><xplan:Zmin>2</xplan:Zmin><xplan:Zzwingend>3</xplan:Zzwingend>"
        "<xplan:sondernutzung><xplan:BP_KomplexeSondernutzung><xplan:allgemein>1600</xplan:allgemein>"
        "</xplan:BP_KomplexeSondernutzung></xplan:sondernutzung><xplan:bauweise>3000</xplan:bauweise>"
    )
    area = read_plan(xp.plan(values=values_60)).areas[0]
    assert (area.grz_max, area.z_min, area.z_exact, area.bauweise, area.special_use_detail) == (
        0.6,
        2,
        3,
        "3000",
        "1600",
    )
    assert area.heights[0].height_reference == "2000" and area.heights[0].reference_point == "2000"
    assert (area.heights[0].h_min, area.heights[0].h_max, area.heights[0].h) == (8.0, 12.5, None)
    values_52 = "<xplan:sondernutzung>1500</xplan:sondernutzung>"
    assert (
        read_plan(xp.plan(values=values_52, ns="http://www.xplanung.de/xplangml/5/2")).areas[0].special_use_detail
        == "1500"
    )
    detail = "<xplan:detaillierteArtDerBaulNutzung>Wohnen am Wasser</xplan:detaillierteArtDerBaulNutzung>"
    assert read_plan(xp.plan(values=detail)).areas[0].special_use_detail == "Wohnen am Wasser"


def test_baunvo_and_dates_per_version(xp: SimpleNamespace) -> None:
    plan_41 = read_plan(
        xp.plan(
            ns="http://www.xplanung.de/xplangml/4/1",
            plan_extra="<xplan:inkrafttretensDatum>1999-05-04</xplan:inkrafttretensDatum>",
            features=feature("BP_Bereich", "B1", "<xplan:versionBauNVO>3000</xplan:versionBauNVO>"),
        )
    )
    assert (plan_41.baunvo_version, plan_41.baunvo_year, str(plan_41.in_force_date)) == ("3000", 1977, "1999-05-04")
    plan_54 = read_plan(
        xp.plan(
            ns="http://www.xplanung.de/xplangml/5/4",
            plan_extra="<xplan:versionBauNVOText>BauNVO 2017</xplan:versionBauNVOText>",
        )
    )
    assert (plan_54.baunvo_version, plan_54.baunvo_year) == ("BauNVO 2017", 2017)
    gemeinde = (
        "<xplan:gemeinde><xplan:XP_Gemeinde><xplan:rs>059780040040</xplan:rs>"
        "<xplan:gemeindeName>Unna</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>"
    )
    unna = read_plan(xp.plan(plan_extra=gemeinde))
    assert (unna.gemeinde, unna.ags) == ("Unna", "05978040")
