"""The optional ``site`` object of the application's JSON form: conversion and German errors by JSON pointer."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bauantrag.formats.application_json import ApplicationFormatError, load_application, site_from_dict

REPO = Path(__file__).resolve().parents[3]
EXAMPLE: dict[str, Any] = json.loads((REPO / "examples" / "bplan_wa_einfamilienhaus.json").read_text("utf-8"))


def broken(change) -> ApplicationFormatError:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(EXAMPLE)
    change(data)
    with pytest.raises(ApplicationFormatError) as info:
        site_from_dict(data)
    return info.value


def test_das_beispiel_ergibt_einen_lageplan_mit_grundstueck_haus_strasse_und_nebenanlagen() -> None:
    site = site_from_dict(EXAMPLE)
    assert site is not None
    assert site.parcel.area == pytest.approx(709.34, abs=0.1)
    assert [b.id for b in site.buildings] == ["Wohnhaus"]
    assert site.buildings[0].wall_heights_m == (6.2, 6.2, 6.2, 6.2)
    assert site.buildings[0].roof is not None and site.buildings[0].roof.gable_edges == (1, 3)
    assert [a.kind for a in site.accessories or ()] == ["garagen_stellplaetze", "nebenanlage"]
    assert [p.kind for p in site.public_areas] == ["verkehrsflaeche"]
    assert site.plan_ref == "../tests/data/xplan/hamburg_blankenese29_xplan60/xplan.gml"


def test_ein_antrag_ohne_lageplan_hat_keinen() -> None:
    data = {k: v for k, v in EXAMPLE.items() if k != "site"}
    assert site_from_dict(data) is None
    assert load_application(data).use == "wohngebaeude"


def test_laengen_und_breitengrade_statt_utm_koordinaten_werden_abgelehnt() -> None:
    error = broken(lambda d: d["site"]["parcel"][0].__setitem__(0, [7.5, 51.5]))
    assert "/site/parcel/0/0/0: muss mindestens 100000 sein, gefunden 7.5" in str(error)


def test_ein_sich_selbst_schneidendes_grundstueck_wird_mit_json_zeiger_abgelehnt() -> None:
    bow_tie = [[[400000, 5710000], [400010, 5710010], [400010, 5710000], [400000, 5710010], [400000, 5710000]]]
    error = broken(lambda d: d["site"].__setitem__("parcel", bow_tie))
    assert error.errors[0].pointer == "/site/parcel"
    assert "ungültiges Polygon" in error.errors[0].message


def test_die_zahl_der_wandhoehen_muss_der_zahl_der_kanten_entsprechen() -> None:
    error = broken(lambda d: d["site"]["buildings"][0].__setitem__("wall_heights_m", [6.2, 6.2]))
    assert str(error.errors[0]) == (
        "/site/buildings/0/wall_heights_m: 2 Wandhöhen angegeben, der äußere Ring hat aber 4 Kanten"
    )


def test_ein_giebel_auf_einer_nicht_vorhandenen_kante_wird_abgelehnt() -> None:
    error = broken(lambda d: d["site"]["buildings"][0]["roof"].__setitem__("gable_edges", [1, 7]))
    assert error.errors[0].pointer == "/site/buildings/0/roof/gable_edges/1"


def test_unbekannte_felder_im_lageplan_werden_abgelehnt() -> None:
    error = broken(lambda d: d["site"].__setitem__("flurstueck", "4711"))
    assert "/site/flurstueck: unbekanntes Feld" in str(error)


def test_eine_nebenanlage_ohne_flaeche_und_polygon_wird_abgelehnt() -> None:
    error = broken(lambda d: d["site"].__setitem__("accessories", [{"kind": "nebenanlage"}]))
    assert error.errors[0].pointer == "/site/accessories/0"


def test_ein_nicht_geschlossener_ring_wird_geschlossen() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["site"]["buildings"][0]["footprint"][0].pop()
    data["site"]["buildings"][0]["wall_heights_m"] = [6.2, 6.2, 6.2, 6.2]
    site = site_from_dict(data)
    assert site is not None and site.buildings[0].footprint.area == pytest.approx(88.0)
