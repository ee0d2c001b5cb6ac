"""Shared helpers of the XPlanGML reader tests: the stored real plans and a builder for small synthetic plans."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"
XPLAN_60 = "http://www.xplanung.de/xplangml/6/0"
GML_32 = "http://www.opengis.net/gml/3.2"
X0, Y0 = 565500.0, 5932700.0  # HafenCity, EPSG:25832


def square(x: float = X0, y: float = Y0, size: float = 10.0) -> str:
    """posList text of a closed square ring."""
    points = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
    return " ".join(f"{px} {py}" for px, py in points)


def polygon(pos_list: str, attributes: str = "") -> str:
    return (
        f"<gml:Polygon gml:id='G1'{attributes}><gml:exterior><gml:LinearRing><gml:posList>{pos_list}</gml:posList>"
        "</gml:LinearRing></gml:exterior></gml:Polygon>"
    )


def build_plan(
    geometry: str | None = None,
    *,
    values: str = "<xplan:GRZ>0.4</xplan:GRZ><xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>",
    ns: str = XPLAN_60,
    gml: str = GML_32,
    srs: str = "EPSG:25832",
    plan_extra: str = "",
    features: str = "",
    root: str = "xplan:XPlanAuszug",
    prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n',
) -> bytes:
    """A small but complete plan: BP_Plan + one BP_BaugebietsTeilFlaeche (id F1) with ``geometry``."""
    area_geometry = geometry if geometry is not None else polygon(square())
    text = (
        f"{prolog}<{root} xmlns:xplan='{ns}' xmlns:gml='{gml}' xmlns:xlink='http://www.w3.org/1999/xlink' "
        "xmlns:wfs='http://www.opengis.net/wfs' gml:id='A'>\n"
        f"  <gml:boundedBy><gml:Envelope srsName='{srs}'><gml:lowerCorner>{X0} {Y0}</gml:lowerCorner>"
        f"<gml:upperCorner>{X0 + 100} {Y0 + 100}</gml:upperCorner></gml:Envelope></gml:boundedBy>\n"
        "  <gml:featureMember><xplan:BP_Plan gml:id='P1'><xplan:name>Testplan</xplan:name>"
        f"<xplan:nummer>7</xplan:nummer>{plan_extra}<xplan:planArt>1000</xplan:planArt>"
        "<xplan:rechtsstand>4000</xplan:rechtsstand></xplan:BP_Plan></gml:featureMember>\n"
        "  <gml:featureMember>\n    <xplan:BP_BaugebietsTeilFlaeche gml:id='F1'>\n"
        f"      <xplan:position>{area_geometry}</xplan:position>\n"
        f"      {values}\n    </xplan:BP_BaugebietsTeilFlaeche>\n  </gml:featureMember>\n"
        f"  {features}\n</{root}>\n"
    )
    return text.encode("utf-8")


@pytest.fixture
def xp() -> SimpleNamespace:
    """The helpers: ``xp.plan(...)`` builds plan bytes, ``xp.square()``, ``xp.polygon()``, ``xp.DATA``, ``xp.X0``."""
    return SimpleNamespace(plan=build_plan, square=square, polygon=polygon, DATA=DATA, X0=X0, Y0=Y0, GML_32=GML_32)
