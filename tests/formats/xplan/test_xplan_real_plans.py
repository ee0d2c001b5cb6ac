"""Every real plan imports, and its counts and values match data/xplan/INDEX_summary.txt of the project data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point

from bauantrag.formats.xplan import read_plan
from bauantrag.rules.planning.plan import BAUGEBIET, Bebauungsplan

DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"

# Taken from INDEX_summary.txt (whole-file counts and value samples, values as strings). The value samples there
# count every element of that name in the file, also on classes the reader does not return (BP_HoehenMass,
# Gemeinbedarfsflächen …); so the values the reader returns must be among them, and the attributes that only
# BP_BaugebietsTeilFlaeche carries (besondere/allgemeine Art, bauweise) must match exactly.
# "h" of HafenCity 7 lists only the first 8 of 28 values (truncated sample).
INDEX: dict[str, dict[str, Any]] = {
    "hamburg_blankenese29_xplan60/xplan.gml": {
        "version": "6.0", "srs": "EPSG:25832", "name": "Blankenese29_Testplan_60",
        "gemeinde": "Freie und Hansestadt Hamburg", "ags": "02000000", "planArt": ("1000",), "rechtsstand": "3000",
        "counts": (42, 83, 0, 79),
        "GRZ": {"0.2", "0.3", "0.4", "0.5"}, "Z": {"1", "2", "3"}, "GR": {"130", "300"},
        "besondereArtDerBaulNutzung": {"1100", "1200"},
    },
    "hamburg_bplan004_xplan60/xplan.gml": {
        "version": "6.0", "srs": "EPSG:25832", "name": "BPlan004_6-0", "gemeinde": "Freie und Hansestadt Hamburg",
        "ags": "02000000", "planArt": ("3000",), "rechtsstand": "3000",
        "counts": (2, 7, 0, 7),
        "GRZ": {"0.6", "0.9", "1"}, "Z": {"1", "4", "5", "6", "7"}, "besondereArtDerBaulNutzung": {"1200"},
        "bauweise": {"2000"}, "h": {"22.5", "23.5", "26.5", "30", "6.7", "7"}, "hoehenbezug": {"1000"},
    },
    "hamburg_eidelstedt4_xplan41/xplan.gml": {
        "version": "4.1", "srs": "urn:adv:crs:ETRS89_UTM32", "name": "Eidelstedt 4", "gemeinde": "Hamburg",
        "ags": "02000000", "planArt": ("1000",), "rechtsstand": "4000",
        "counts": (4, 8, 0, 9),
        "GRZ": {"0.8"}, "GFZ": {"2.4"}, "Z": {"6"}, "allgArtDerBaulNutzung": {"3000"},
        "besondereArtDerBaulNutzung": {"1700", "1800"}, "bauweise": {"2000"}, "h": {"15.5", "17", "18", "23"},
        "hoehenbezug": {"1000"},
    },
    "hamburg_hafencity7_xplan52.gml": {
        "version": "5.2", "srs": "EPSG:25832", "name": "HafenCity7", "gemeinde": "Freie und Hansestadt Hamburg",
        "ags": "02000000", "planArt": ("1000",), "rechtsstand": "3000",
        "counts": (3, 25, 0, 25),
        "GRZ": {"1.0"}, "Z": {"1", "2", "7", "8", "9"}, "Zmax": {"13", "16", "5"},
        "besondereArtDerBaulNutzung": {"1500"},
        "h": {"0.0", "13", "16.5", "17", "26", "34", "35", "36"}, "h_truncated": True,
        "hoehenbezug": {"1000", "2000", "2500"},
    },
    "hamburg_rotherbaum27_xplan52.gml": {
        "version": "5.2", "srs": "EPSG:25832", "name": "Rotherbaum27", "gemeinde": "Freie und Hansestadt Hamburg",
        "ags": "02000000", "planArt": ("1000",), "rechtsstand": "3000",
        "counts": (4, 18, 0, 23),
        "GRZ": {"0.4", "0.6", "1"}, "GFZ": {"1.2"}, "Z": {"1", "3", "4", "6"},
        "allgArtDerBaulNutzung": {"1000", "2000"}, "besondereArtDerBaulNutzung": {"1100", "1200", "1600"},
        "bauweise": {"2000"}, "h": {"18", "3.5", "45"}, "hoehenbezug": {"2000", "2500"},
    },
    "test_xplan60_ueberlappung_valide.gml": {
        "version": "6.0", "srs": "EPSG:25832", "name": "BPlan_6-0_4-5-2-4-Ueberlappung_valide",
        "gemeinde": "Freie und Hansestadt Hamburg", "ags": "02000000", "planArt": ("1000",), "rechtsstand": "3000",
        "counts": (7, 21, 0, 21),
        "GRZ": {"0.2", "0.4"}, "GFZ": {"0.3", "0.5", "0.6", "0.8"}, "Z": {"1", "2"},
        "allgArtDerBaulNutzung": {"1000"}, "besondereArtDerBaulNutzung": {"1100", "1200"}, "bauweise": {"1000"},
        "h": {"31.1", "32.3", "34.9"}, "hoehenbezug": {"1000"},
    },
}  # fmt: skip
# Areas of other classes that carry the Maß der Nutzung (counted in the files: grep -c "<xplan:BP_Gemeinbedarfs…").
OTHER_AREAS: dict[str, dict[str, int]] = {
    "hamburg_blankenese29_xplan60/xplan.gml": {"BP_GemeinbedarfsFlaeche": 1},
    "hamburg_bplan004_xplan60/xplan.gml": {"BP_BesondererNutzungszweckFlaeche": 1},
    "hamburg_eidelstedt4_xplan41/xplan.gml": {"BP_GemeinbedarfsFlaeche": 1},
    "hamburg_hafencity7_xplan52.gml": {"BP_BesondererNutzungszweckFlaeche": 1},
    "hamburg_rotherbaum27_xplan52.gml": {"BP_GemeinbedarfsFlaeche": 3},
    "test_xplan60_ueberlappung_valide.gml": {},
}
PLANS = sorted(INDEX)
_CACHE: dict[str, Bebauungsplan] = {}


def plan(name: str) -> Bebauungsplan:
    if name not in _CACHE:
        _CACHE[name] = read_plan(DATA / name)
    return _CACHE[name]


def numbers(values: set[str]) -> set[float]:
    return {float(value) for value in values}


def test_every_stored_plan_has_expectations() -> None:
    stored = {str(path.relative_to(DATA)) for path in DATA.rglob("*.gml")}
    assert stored == set(INDEX)


@pytest.mark.parametrize("name", PLANS)
def test_plan_attributes_match_the_index(name: str) -> None:
    expected, result = INDEX[name], plan(name)
    assert result.xplan_version == expected["version"]
    assert result.source_crs == expected["srs"]
    assert result.name == expected["name"]
    assert result.gemeinde == expected["gemeinde"]
    assert result.ags == expected["ags"]
    assert result.plan_kind == expected["planArt"]
    assert result.legal_status == expected["rechtsstand"]


@pytest.mark.parametrize("name", PLANS)
def test_feature_counts_match_the_index(name: str) -> None:
    result = plan(name)
    baugrenzen = sum(1 for line in result.boundary_lines if line.kind == "baugrenze")
    baulinien = sum(1 for line in result.boundary_lines if line.kind == "baulinie")
    baugebiete = [a for a in result.areas if a.kind == BAUGEBIET]
    assert (len(baugebiete), baugrenzen, baulinien, len(result.buildable_areas)) == INDEX[name]["counts"]
    others: dict[str, int] = {}
    for area in result.areas:
        if area.kind != BAUGEBIET:
            others[area.kind] = others.get(area.kind, 0) + 1
    assert others == OTHER_AREAS[name]


@pytest.mark.parametrize("name", PLANS)
def test_area_only_attributes_match_exactly(name: str) -> None:
    expected, areas = INDEX[name], [a for a in plan(name).areas if a.kind == BAUGEBIET]
    assert {a.special_use for a in areas} == expected["besondereArtDerBaulNutzung"]
    assert {a.general_use for a in areas} - {None} == expected.get("allgArtDerBaulNutzung", set())
    assert {a.bauweise for a in areas} - {None} == expected.get("bauweise", set())


@pytest.mark.parametrize("name", PLANS)
def test_mass_values_are_among_the_indexed_values(name: str) -> None:
    expected, result = INDEX[name], plan(name)
    features = [*result.areas, *result.buildable_areas]
    read = {
        "GRZ": {f.grz for f in features} - {None},
        "GFZ": {f.gfz for f in features} - {None},
        "Z": {f.z for f in features} - {None},
        "Zmax": {f.z_max for f in features} - {None},
        "GR": {a.gr for a in result.areas} - {None},
    }
    for attribute, values in read.items():
        assert values <= numbers(expected.get(attribute, set())), attribute
    heights = {h.h for f in features for h in f.heights if h.h is not None}
    listed = numbers(expected.get("h", set()))
    if expected.get("h_truncated"):
        heights = {h for h in heights if h <= max(listed)}
    assert heights <= listed
    references = {h.height_reference for f in features for h in f.heights}
    assert references <= expected.get("hoehenbezug", set())


def test_values_read_from_features_in_detail() -> None:
    blankenese = plan("hamburg_blankenese29_xplan60/xplan.gml")
    assert sum(1 for a in blankenese.areas if a.grz is not None) == 38  # INDEX: GRZ n=38, only on the areas
    assert sum(1 for f in (*blankenese.areas, *blankenese.buildable_areas) if f.z is not None) == 70  # Z n=70
    assert blankenese.number == "29"
    eidelstedt = plan("hamburg_eidelstedt4_xplan41/xplan.gml")
    assert str(eidelstedt.in_force_date) == "1973-10-16"
    assert (eidelstedt.baunvo_version, eidelstedt.baunvo_year) == ("4000", 1990)  # 4.1: code on BP_Bereich
    gi = next(a for a in eidelstedt.areas if a.special_use == "1800")
    assert (gi.grz, gi.bmz, gi.general_use) == (0.8, 9.0, "3000")
    assert [(h.reference_point, h.height_reference, h.h) for h in gi.heights] == [("5000", "1000", 23.0)]
    assert ("gliederung1", "GI") in gi.values
    rotherbaum = plan("hamburg_rotherbaum27_xplan52.gml")
    assert (rotherbaum.baunvo_version, rotherbaum.baunvo_year) == ("1990-01-01", 1990)  # 5.2: versionBauNVODatum
    assert {a.z_exact for a in rotherbaum.areas} - {None} == {5}
    ueberlappung = plan("test_xplan60_ueberlappung_valide.gml")
    assert (ueberlappung.baunvo_version, ueberlappung.baunvo_year) == (
        "1977-01-01",
        1977,
    )  # 6.0: XP_GesetzlicheGrundlage
    hafencity = plan("hamburg_hafencity7_xplan52.gml")
    assert hafencity.baunvo_year == 2017 and str(hafencity.ordinance_date) == "2019-06-18"


@pytest.mark.parametrize("name", PLANS)
def test_geometry_is_sane(name: str) -> None:
    result = plan(name)
    assert result.geltungsbereich is not None and result.geltungsbereich.is_valid
    minx, miny, maxx, maxy = result.geltungsbereich.bounds
    assert 540_000 < minx < maxx < 590_000 and 5_920_000 < miny < maxy < 5_960_000  # Hamburg in UTM 32N
    margin = result.geltungsbereich.buffer(0.5)
    for feature in (*result.areas, *result.buildable_areas):
        assert feature.geometry.is_valid and feature.geometry.area > 1.0
        assert feature.geometry.geom_type in ("Polygon", "MultiPolygon")
        assert feature.geometry.intersection(margin).area / feature.geometry.area > 0.999
    for line in result.boundary_lines:
        assert line.geometry.length > 0 and line.geometry.difference(margin).length < 0.01
    total = sum(area.geometry.area for area in result.areas)
    assert 0 < total <= result.geltungsbereich.area * 1.001


def test_arcs_are_approximated_closely() -> None:
    result = plan("hamburg_blankenese29_xplan60/xplan.gml")  # rings made of Arc, ArcString and LineString members
    rounded = [a for a in result.areas if len(a.geometry.exterior.coords) > 40]
    assert rounded, "Blankenese 29 has areas bounded by arcs"
    assert all(a.geometry.is_valid for a in rounded)


def test_areas_at_finds_the_area_of_a_point_buffer() -> None:
    result = plan("test_xplan60_ueberlappung_valide.gml")
    target = result.areas[3]
    probe = target.geometry.representative_point().buffer(2.0)
    hits = result.areas_at(probe)
    assert hits[0][0].id == target.id
    assert hits[0][1] == pytest.approx(probe.intersection(target.geometry).area)
    assert [area.id for area, _ in result.areas_at(target.geometry.representative_point())] == [target.id]
    assert result.areas_at(Point(0, 0).buffer(5)) == []


def test_areas_at_orders_overlaps_largest_first() -> None:
    result = plan("hamburg_blankenese29_xplan60/xplan.gml")
    whole = result.geltungsbereich
    hits = result.areas_at(whole)
    assert len(hits) == len(result.areas)
    overlaps = [overlap for _, overlap in hits]
    assert overlaps == sorted(overlaps, reverse=True) and overlaps[0] > 0
