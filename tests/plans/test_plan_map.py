"""The server-drawn SVG map of a plan, and the reusable renderer behind it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from lxml import etree
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from bauantrag.formats import svgmap
from tests.plans.conftest import BLANKENESE, BPLAN004, EIDELSTEDT, upload

SVG = "{http://www.w3.org/2000/svg}"


def map_of(client: Client, path: Any, data: bytes | None = None) -> tuple[str, etree._Element]:
    response = client.get(upload(client, path, data)["Location"])
    assert response.status_code == 200
    text = response.content.decode()
    match = re.search(r"<svg .*?</svg>", text, re.S)
    assert match, "no inline SVG on the page"
    return text, etree.fromstring(match.group(0).encode())  # well-formed XML or this raises


def paths(root: etree._Element, css_class: str) -> list[etree._Element]:
    return [p for p in root.iter(f"{SVG}path") if css_class in (p.get("class") or "").split()]


@pytest.mark.django_db
def test_the_map_of_blankenese_29_draws_every_area_and_boundary(admin_client: Client) -> None:
    _page, root = map_of(admin_client, BLANKENESE)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Karte des Bebauungsplans Blankenese29_Testplan_60"
    assert desc is not None and "43 Flächen für Gebäude" in desc.text and "83 Baugrenzen" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(paths(root, "area")) == 43  # 42 Baugebietsteilflächen, 1 Gemeinbedarfsfläche
    assert len(paths(root, "baugrenze")) == 83 + 1  # 83 Baugrenzen and the legend's sample line
    assert len(paths(root, "buildable")) == 79 and len(paths(root, "geltungsbereich")) == 2  # map + legend
    labels = [t.text for t in root.find(f"{SVG}g[@class='labels']")]
    assert len(labels) == 43 and labels[0] == "1 WR" and "4 WA" in labels  # numbered as in the table
    legend = " ".join(t.text or "" for t in root.find(f"{SVG}g[@class='legend']").iter(f"{SVG}text"))
    assert "WR – reines Wohngebiet" in legend and "WA – allgemeines Wohngebiet" in legend and "Baugrenze" in legend
    scale = "".join(root.find(f"{SVG}g[@class='scale-bar']").itertext())
    assert scale.endswith(" m") and root.find(f"{SVG}g[@class='north-arrow']") is not None
    # The areas are told apart by hatching too, not by colour alone; each pattern is defined in the map.
    fills = {p.get("fill") for p in paths(root, "area")}
    ids = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert len(fills) == 3 and {f[5:-1] for f in fills} <= ids  # url(#…): WR, WA, Gemeinbedarf


@pytest.mark.django_db
def test_the_text_legend_beside_the_map_names_every_symbol(admin_client: Client) -> None:
    page, _root = map_of(admin_client, EIDELSTEDT)
    assert "<strong>GE – Gewerbegebiet</strong>: grau, gepunktet, beschriftet „GE“" in page
    assert "<strong>GI – Industriegebiet</strong>: grau, kreuzweise schräg schraffiert, beschriftet „GI“" in page
    assert "<strong>Baugrenze</strong>: blaue gestrichelte Linie" in page
    assert "<strong>Grenze des Geltungsbereichs</strong>: schwarze Strich-Punkt-Linie" in page
    assert "<strong>Baulinie</strong>" not in page  # Eidelstedt 4 has none


@pytest.mark.django_db
def test_baulinien_are_solid_red_and_baugrenzen_dashed_blue(admin_client: Client) -> None:
    # BPlan004 with its first Baugrenze turned into a Baulinie (none of the real test plans has one)
    data = BPLAN004.read_bytes()
    data = data.replace(b"<xplan:BP_BauGrenze ", b"<xplan:BP_BauLinie ", 1)
    data = data.replace(b"</xplan:BP_BauGrenze>", b"</xplan:BP_BauLinie>", 1)
    page, root = map_of(admin_client, "mit-baulinie.gml", data)
    assert "<strong>Baulinie</strong>: rote durchgezogene Linie" in page
    baulinien, baugrenzen = paths(root, "baulinie"), paths(root, "baugrenze")
    assert len(baulinien) == 1 + 1 and len(baugrenzen) == 6 + 1  # plus one sample line each in the legend
    assert {(p.get("stroke"), p.get("stroke-dasharray")) for p in baulinien} == {("#c00000", None)}
    assert {(p.get("stroke"), p.get("stroke-dasharray")) for p in baugrenzen} == {("#0b57d0", "7 4")}


@pytest.mark.django_db
def test_text_from_the_plan_is_escaped(admin_client: Client) -> None:
    hostile = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"
    data = BPLAN004.read_bytes().replace(b"BPlan004_6-0</xplan:name>", hostile.encode() + b"</xplan:name>", 1)
    page, root = map_of(admin_client, "boese.gml", data)
    assert "<script>" not in page
    assert root.find(f"{SVG}title").text == 'Karte des Bebauungsplans <script>alert(1)</script> & "Co"'


def test_the_renderer_draws_polygons_with_holes_lines_and_points() -> None:
    ring = Polygon([(0, 0), (100, 0), (100, 50), (0, 50)], [[(10, 10), (20, 10), (20, 20), (10, 20)]])
    features = [
        svgmap.Feature(MultiPolygon([ring, Polygon([(200, 0), (210, 0), (210, 10)])]),
                       svgmap.Style(fill="#f00", css_class="flaeche"), label="A & B", title="<Fläche>"),
        svgmap.Feature(LineString([(0, 60), (200, 60)]), svgmap.Style(dash="4 2", css_class="linie")),
        svgmap.Feature(Point(50, 25), svgmap.Style(fill="#000", css_class="punkt")),
        svgmap.Feature(Polygon(), svgmap.Style()),  # empty geometries are left out
    ]
    svg = svgmap.render_map(features, title="Titel \x07<1>", description="Beschreibung", id_prefix="t e/st")
    root = etree.fromstring(svg.encode())
    flaeche = paths(root, "flaeche")
    assert len(flaeche) == 1 and flaeche[0].get("d").count("M") == 3  # outer ring, hole, second polygon
    assert flaeche[0].find(f"{SVG}title").text == "<Fläche>"
    assert paths(root, "linie")[0].get("stroke-dasharray") == "4 2"
    assert len(list(root.iter(f"{SVG}circle"))) == 1
    assert root.find(f"{SVG}title").text == "Titel <1>" and root.find(f"{SVG}title").get("id") == "test-title"
    assert [t.text for t in root.find(f"{SVG}g[@class='labels']")] == ["A & B"]
    assert "legend" not in svg  # no legend entries, no legend


def test_north_is_up_and_the_aspect_ratio_is_kept() -> None:
    square = Polygon([(500_000, 5_700_000), (500_100, 5_700_000), (500_100, 5_700_100), (500_000, 5_700_100)])
    marker = Point(500_000, 5_700_100)  # the north-west corner
    svg = svgmap.render_map([svgmap.Feature(square, svgmap.Style(css_class="q")),
                             svgmap.Feature(marker, svgmap.Style())], title="t", description="d", width=400)
    root = etree.fromstring(svg.encode())
    numbers = [float(n) for n in re.findall(r"[\d.]+", paths(root, "q")[0].get("d"))]
    xs, ys = numbers[0::2], numbers[1::2]
    assert max(xs) - min(xs) == pytest.approx(max(ys) - min(ys))
    circle = next(root.iter(f"{SVG}circle"))
    assert (float(circle.get("cx")), float(circle.get("cy"))) == (min(xs), min(ys))


@pytest.mark.parametrize(("metres", "nice"), [(0.7, 0.5), (1, 1), (3.4, 2), (7, 5), (99, 50), (240, 200), (0, 1)])
def test_scale_bar_lengths_are_round(metres: float, nice: float) -> None:
    assert svgmap.nice_length(metres) == pytest.approx(nice)
