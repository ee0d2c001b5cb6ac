"""Broken and unsupported files: PlanFormatError with a German message naming line and element."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bauantrag.formats.xplan import PlanFormatError, read_plan


def error_of(data: bytes) -> PlanFormatError:
    with pytest.raises(PlanFormatError) as caught:
        read_plan(data)
    return caught.value


def line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def test_truncated_real_plan_names_the_last_line(xp: SimpleNamespace) -> None:
    data = (xp.DATA / "hamburg_blankenese29_xplan60" / "xplan.gml").read_bytes()
    cut = data[: len(data) // 2]
    error = error_of(cut)
    assert error.line is not None and abs(error.line - (cut.count(b"\n") + 1)) <= 1
    assert str(error).startswith(f"Zeile {error.line}: ")


def test_non_xml_bytes() -> None:
    error = error_of(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert error.line == 1 and "kein XML" in error.message


def test_empty_file() -> None:
    assert error_of(b"  \n").message == "Die Datei ist leer."


def test_wrong_root() -> None:
    error = error_of(b'<?xml version="1.0"?>\n<html><body>Bebauungsplan</body></html>')
    assert (error.line, error.element) == (2, "html") and "XPlanAuszug" in error.message


@pytest.mark.parametrize("namespace", ["http://www.xplanung.de/xplangml/7/0", "http://www.xplanung.de/xplangml/3/0"])
def test_unknown_namespace_is_an_unsupported_version(xp: SimpleNamespace, namespace: str) -> None:
    error = error_of(xp.plan(ns=namespace))
    assert "nicht unterstützte XPlanGML-Version" in error.message and error.line == 2


def test_polygon_with_fewer_than_4_points(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    data = xp.plan(xp.polygon(f"{x} {y} {x + 5} {y} {x} {y}"))
    error = error_of(data)
    assert error.element == "BP_BaugebietsTeilFlaeche"  # the line locates it; the gml:id is not shown
    assert error.line == line_of(data, b"<gml:LinearRing>")
    assert str(error) == f"Zeile {error.line}, Element BP_BaugebietsTeilFlaeche: Polygon hat weniger als 4 Punkte (3)"


def test_ring_not_closed(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    error = error_of(xp.plan(xp.polygon(f"{x} {y} {x + 5} {y} {x + 5} {y + 5} {x} {y + 5}")))
    assert "nicht geschlossen" in error.message


def test_bowtie_is_reported_not_repaired(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    bowtie = f"{x} {y} {x + 10} {y + 10} {x + 10} {y} {x} {y + 10} {x} {y}"
    error = error_of(xp.plan(xp.polygon(bowtie)))
    assert "ungültig" in error.message and "Self-intersection" in error.message
    assert error.element == "BP_BaugebietsTeilFlaeche"


def test_trivially_invalid_polygon_is_repaired(xp: SimpleNamespace) -> None:
    x, y = xp.X0, xp.Y0
    # the ring touches itself at (x, y+5) and so encloses a triangular hole: invalid, but make_valid keeps the area
    ring = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 5), (5, 7), (5, 3), (0, 5), (0, 0)]
    pos_list = " ".join(f"{x + dx} {y + dy}" for dx, dy in ring)
    area = read_plan(xp.plan(xp.polygon(pos_list))).areas[0]
    assert area.geometry.is_valid and area.geometry.area == pytest.approx(90.0)


def test_value_that_is_not_a_number(xp: SimpleNamespace) -> None:
    data = xp.plan(values="<xplan:GRZ>0,4</xplan:GRZ>")
    error = error_of(data)
    assert error.message == "GRZ ist keine Zahl: '0,4'" and error.line == line_of(data, b"<xplan:GRZ>")


def test_storey_count_must_be_whole(xp: SimpleNamespace) -> None:
    assert "ganze Zahl" in error_of(xp.plan(values="<xplan:Z>2.5</xplan:Z>")).message


@pytest.mark.parametrize(
    ("written", "read", "warning"),
    [
        ("16.10.1973", "1973-10-16", "nicht im Format JJJJ-MM-TT; gelesen als 1973-10-16"),  # cf. Eidelstedt 4
        ("16.10.73", None, "kein lesbares Datum ('16.10.73')"),  # the same file: two-digit year, ambiguous
        ("01.01.9999", None, "Platzhalter"),  # a WMS GetFeatureInfo answer of a Kommune (fake-ows-server)
    ],
)
def test_a_date_off_the_schema_is_read_if_certain_else_left_out_with_a_warning(
    xp: SimpleNamespace, written: str, read: str | None, warning: str
) -> None:
    plan = read_plan(xp.plan(plan_extra=f"<xplan:inkrafttretensDatum>{written}</xplan:inkrafttretensDatum>"))
    assert (plan.in_force_date.isoformat() if plan.in_force_date else None) == read
    assert any(warning in text for text in plan.warnings), plan.warnings


def test_bad_coordinate(xp: SimpleNamespace) -> None:
    error = error_of(xp.plan(xp.polygon("565500 5932700 abc 5932700 565510 5932710 565500 5932700")))
    assert "ungültige Koordinate 'abc'" in error.message


@pytest.mark.parametrize(
    ("srs", "expected"),
    [("EPSG:999999", "unbekanntes Koordinatenreferenzsystem"), ("EPSG:4326", "nicht projiziert")],
)
def test_unsupported_crs(xp: SimpleNamespace, srs: str, expected: str) -> None:
    error = error_of(xp.plan(srs=srs))
    assert expected in error.message and error.element == "Envelope"


def test_file_without_bebauungsplan(xp: SimpleNamespace) -> None:
    data = xp.plan().replace(b"BP_Plan", b"FP_Plan")
    error = error_of(data)
    assert "keinen Bebauungsplan" in error.message and "FP_Plan" in error.message


def test_read_plan_refuses_a_file_with_two_plans_naming_them(xp: SimpleNamespace) -> None:
    second = (
        "<gml:featureMember><xplan:BP_Plan gml:id='P2'><xplan:name>B</xplan:name></xplan:BP_Plan></gml:featureMember>"
    )
    message = error_of(xp.plan(features=second)).message
    assert "2 Bebauungspläne („Testplan“, „B“)" in message


def test_missing_geometry_and_xlink_geometry(xp: SimpleNamespace) -> None:
    assert (
        "position"
        in error_of(
            xp.plan(values="")
            .replace(b"<xplan:position>", b"<xplan:xposition>")
            .replace(b"</xplan:position>", b"</xplan:xposition>")
        ).message
    )
    error = error_of(xp.plan("").replace(b"<xplan:position></xplan:position>", b"<xplan:position xlink:href='#G9'/>"))
    assert "xlink:href" in error.message


def test_missing_file_is_a_plan_format_error() -> None:
    with pytest.raises(PlanFormatError, match="nicht gelesen"):
        read_plan("/nonexistent/plan.gml")
