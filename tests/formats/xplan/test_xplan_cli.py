"""``bauantrag plan inspect`` and ``plan import`` from the command line (``python -m bauantrag.cli``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bauantrag.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=env,
    )


def test_inspect_json_of_a_41_plan() -> None:
    completed = run_cli("plan", "inspect", str(DATA / "hamburg_eidelstedt4_xplan41" / "xplan.gml"), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    listing = json.loads(completed.stdout)
    assert listing["count"] == len(listing["plans"]) == 1
    summary = listing["plans"][0]
    assert summary["version"] == "4.1"
    assert summary["crs"] == {"source": "urn:adv:crs:ETRS89_UTM32", "target": "EPSG:25832"}
    assert (summary["name"], summary["gemeinde"], summary["ags"]) == ("Eidelstedt 4", "Hamburg", "02000000")
    assert (summary["in_force_date"], summary["legal_status_label"]) == ("1973-10-16", "in Kraft getreten")
    assert len(summary["areas"]) == summary["counts"]["areas"] == 5  # 4 Baugebietsteilflächen, 1 Gemeinbedarf
    labels = {area["special_use"]: area["special_use_label"] for area in summary["areas"]}
    assert labels == {"1700": "GE – Gewerbegebiet", "1800": "GI – Industriegebiet", None: None}
    assert summary["areas"][4]["kind_label"] == "Fläche für den Gemeinbedarf (§ 9 Abs. 1 Nr. 5 BauGB)"
    assert [area["name"] for area in summary["areas"]][:2] == ["Teilfläche 1 von 5 „GI“", "Teilfläche 2 von 5 „GI“"]
    assert summary["links"] == [
        {"relation": "geaendert_durch", "relation_label": "geändert durch", "kind": "aenderung",
         "kind_label": "Änderung", "name": "Eidelstedt 4 (textliche Änderung)", "number": None, "date": None,
         "in_file": False},
    ]  # fmt: skip
    gi = next(area for area in summary["areas"] if area["special_use"] == "1800")
    assert gi["grz"] == 0.8 and gi["area_m2"] > 1000
    assert gi["heights"][0]["h"] == 23.0 and gi["heights"][0]["reference_point_label"] == "Höhe baulicher Anlagen"
    x, y = gi["representative_point"]
    assert 559_000 < x < 561_000 and 5_938_000 < y < 5_940_000


@pytest.mark.parametrize(
    ("name", "version", "areas"),
    [
        ("hamburg_blankenese29_xplan60/xplan.gml", "6.0", 43),  # 42 Baugebietsteilflächen, 1 Gemeinbedarf
        ("hamburg_rotherbaum27_xplan52.gml", "5.2", 7),  # 4 Baugebietsteilflächen, 3 Gemeinbedarf
    ],
)
def test_inspect_json_counts(name: str, version: str, areas: int) -> None:
    completed = run_cli("plan", "inspect", str(DATA / name), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    summary = json.loads(completed.stdout)["plans"][0]
    assert (summary["version"], len(summary["areas"])) == (version, areas)
    assert all(
        set(area) >= {"id", "special_use", "grz", "z", "gfz", "bauweise", "heights"} for area in summary["areas"]
    )


def test_inspect_text() -> None:
    completed = run_cli("plan", "inspect", str(DATA / "hamburg_bplan004_xplan60" / "xplan.gml"))
    assert completed.returncode == 0, completed.stderr
    assert "Bebauungsplan BPlan004_6-0" in completed.stdout
    assert "XPlanGML 6.0, Koordinaten EPSG:25832 → EPSG:25832" in completed.stdout
    assert "vorhabenbezogener Bebauungsplan" in completed.stdout
    assert completed.stdout.count("WA – allgemeines Wohngebiet") == 2 and "GRZ 0,9" in completed.stdout


def test_inspect_broken_file_exits_2_with_german_error(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.gml"
    broken.write_bytes((DATA / "hamburg_hafencity7_xplan52.gml").read_bytes()[:5000])
    completed = run_cli("plan", "inspect", str(broken))
    assert completed.returncode == 2 and completed.stdout == ""
    assert completed.stderr.startswith("Fehler: Zeile ")


def test_inspect_doctype_exits_2(tmp_path: Path) -> None:
    attack = tmp_path / "xxe.gml"
    attack.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n')
    completed = run_cli("plan", "inspect", str(attack), "--format", "json")
    assert completed.returncode == 2 and "DOCTYPE" in completed.stderr and "root:" not in completed.stderr


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """A fresh SQLite database and document folder, whatever database the test run itself uses."""
    return {
        **os.environ,
        "BAUANTRAG_DATA_DIR": str(tmp_path),
        "BAUANTRAG_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BAUANTRAG_DOCUMENT_ROOT": str(tmp_path / "documents"),
    }


def run_manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, capture_output=True, text=True, encoding="utf-8",
        timeout=300, check=False, env=env,
    )  # fmt: skip


def test_import_goes_through_the_plan_register(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    migrated = run_manage(env, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    plan = str(DATA / "hamburg_bplan004_xplan60" / "xplan.gml")

    unknown = run_cli("plan", "import", plan, "--tenant", "gibt-es-nicht", env=env)
    assert unknown.returncode == 2
    assert unknown.stderr == "Fehler: Keine Kommune mit dem Kurznamen „gibt-es-nicht“.\n"

    created = run_manage(env, "shell", "-c", "from bauantrag.accounts.models import Tenant; "
                         "Tenant.objects.create(slug='musterstadt', name='Stadt Musterstadt', authority_name='UBA')")
    assert created.returncode == 0, created.stderr
    imported = run_cli("plan", "import", plan, "--tenant", "musterstadt", env=env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(
        "Bebauungsplan „BPlan004_6-0“ in das Planregister von Stadt Musterstadt übernommen: XPlanGML 6.0, "
        "2 Baugebietsteilflächen, 1 weitere Flächen für Gebäude"
    )
    again = run_cli("plan", "import", plan, "--tenant", "musterstadt", env=env)
    assert again.returncode == 2 and again.stderr.startswith("Fehler: Dieser Plan ist bereits im Planregister")
    broken = tmp_path / "kaputt.gml"
    broken.write_bytes((DATA / "hamburg_hafencity7_xplan52.gml").read_bytes()[:5000])
    refused = run_cli("plan", "import", str(broken), "--tenant", "musterstadt", env=env)
    assert refused.returncode == 2 and refused.stderr.startswith("Fehler: Die Datei ist kein lesbarer XPlanGML-Plan.")
    assert len(list((tmp_path / "documents").rglob("*.gml"))) == 1


def test_check_with_a_file_of_several_plans_uses_the_plan_in_force_at_the_site(tmp_path: Path) -> None:
    application = json.loads((REPO / "examples" / "freistellung_einfamilienhaus.json").read_text(encoding="utf-8"))
    x, y = 566_855.0, 5_945_020.0  # in Langenhorn 51, outside both Änderungen
    application["planning_area"] = "bebauungsplan_qualifiziert"
    application["site"] = {
        "crs": "EPSG:25832",
        "plan": str(REPO / "tests" / "data" / "xplan_fixtures" / "langenhorn51_aenderungen_xplan52.gml"),
        "parcel": [[[x - 10, y - 10], [x + 20, y - 10], [x + 20, y + 20], [x - 10, y + 20], [x - 10, y - 10]]],
        "buildings": [{"id": "Wohnhaus", "kind": "hauptgebaeude", "wall_heights_m": [6, 6, 6, 6],
                       "footprint": [[[x, y], [x + 10, y], [x + 10, y + 8], [x, y + 8], [x, y]]]}],
    }  # fmt: skip
    path = tmp_path / "antrag.json"
    path.write_text(json.dumps(application), encoding="utf-8")
    completed = run_cli("check", str(path), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    findings = {f["rule"]: f for f in json.loads(completed.stdout)["findings"]}
    assert findings["bplan.lage"]["message"].startswith("Bebauungsplan „Langenhorn 51“: Die Hauptgebäude liegen")
    assert findings["baunvo.19.grz"]["evidence"]["grz_limit"] == 0.4
    html = run_cli("check", str(path), "--format", "html")
    assert html.returncode == 0 and "Lageplan" in html.stdout
