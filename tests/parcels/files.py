"""The synthetic cadastre files (tests/data/cadastre, see its README) and broken variants of them."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "cadastre"
UNNA_25832 = DATA / "unna_flurstuecke_25832.geojson"
LUENEN_4326 = DATA / "luenen_flurstuecke_4326.geojson"
AFFERDE_NAS = DATA / "afferde_flurstuecke_nas.xml"


def nas() -> bytes:
    return AFFERDE_NAS.read_bytes()


def unna() -> bytes:
    return UNNA_25832.read_bytes()


def truncated_nas() -> bytes:
    data = nas()
    return data[: data.rfind(b"\n", 0, len(data) // 2) + 1]


def truncated_geojson() -> bytes:
    data = unna()
    return data[: len(data) * 2 // 3]


def doctype_nas() -> bytes:
    return nas().replace(
        b'<?xml version="1.0" encoding="utf-8"?>\n',
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n',
    )


def wrong_root() -> bytes:
    return b'<?xml version="1.0"?>\n<XPlanAuszug xmlns="http://www.xplanung.de/xplangml/6/0"/>\n'


def nas_without_geometry() -> bytes:
    """The second Flurstück (13/4) without its position."""
    data = nas().decode()
    start = data.index("<position>", data.index("DENW36ALZZ000002"))
    end = data.index("</position>", start) + len("</position>")
    return (data[:start] + data[end:]).encode()


def geojson_without_geometry() -> bytes:
    return unna().replace(b'"geometry": {', b'"geometry": null, "x": {', 1)
