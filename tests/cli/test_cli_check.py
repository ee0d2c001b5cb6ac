"""``bauantrag check`` from the command line (``python -m bauantrag.cli``)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bauantrag.cli import main

REPO = Path(__file__).resolve().parents[2]
EXPECTED_PROCEDURE = {
    "verfahrensfrei_garage.json": ("verfahrensfrei", 1),
    "freistellung_einfamilienhaus.json": ("genehmigungsfreistellung", 1),
    "vereinfacht_mehrfamilienhaus.json": ("vereinfachtes_verfahren", 4),
    "baugenehmigung_buerogebaeude.json": ("baugenehmigungsverfahren", 5),
    "unvollstaendig_gewerbehalle.json": ("vereinfachtes_verfahren", 3),
    "bplan_wa_einfamilienhaus.json": ("genehmigungsfreistellung", 1),
    # a Genehmigungsfreistellung is not possible while the check finds the Vorhaben at odds with the plan
    # (§ 63 Abs. 2 Satz 1 Nr. 2 BauO NRW)
    "bplan_wa_verstoss_grz_baugrenze.json": ("vereinfachtes_verfahren", 3),
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bauantrag.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_zu_jedem_beispiel_gibt_es_eine_erwartung() -> None:
    assert {p.name for p in (REPO / "examples").glob("*.json")} == set(EXPECTED_PROCEDURE)


@pytest.mark.parametrize("name", sorted(EXPECTED_PROCEDURE))
def test_jedes_beispiel_ergibt_die_erwartete_verfahrensart(name: str) -> None:
    completed = run_cli("check", f"examples/{name}", "--format", "json")
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert (result["procedure"], result["building_class"]) == EXPECTED_PROCEDURE[name]
    assert {"procedure", "building_class", "findings", "ruleset_version"} <= set(result)


def test_der_unvollstaendige_antrag_meldet_die_fehlenden_bauvorlagen_und_endet_trotzdem_mit_0() -> None:
    completed = run_cli("check", "examples/unvollstaendig_gewerbehalle.json", "--format", "json")
    assert completed.returncode == 0
    failed = {f["rule"] for f in json.loads(completed.stdout)["findings"] if f["status"] == "fail"}
    assert {
        "baupruefvo.completeness.baubeschreibung",
        "baupruefvo.completeness.betriebsbeschreibung",
        "baupruefvo.completeness.kostenermittlung",
    } <= failed


def test_die_textausgabe_ist_lesbares_deutsch() -> None:
    completed = run_cli("check", "examples/vereinfacht_mehrfamilienhaus.json")
    assert completed.returncode == 0
    assert "Verfahrensart:  vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)" in completed.stdout
    assert "Gebäudeklasse 4" in completed.stdout
    assert "Rechtsstand:    BauO NRW in der ab 01.01.2024 geltenden Fassung (Antrag vom 03.11.2025)" in (
        completed.stdout
    )


def test_der_tag_der_antragstellung_waehlt_die_fassung_der_bauo_nrw() -> None:
    """§ 90 Abs. 4 BauO NRW: the procedural law in force at the submission decides; a date on the command line
    overrides submitted_on of the application."""
    completed = run_cli("check", "examples/vereinfacht_mehrfamilienhaus.json", "--submitted-on", "2023-05-02",
                        "--format", "json")
    law = json.loads(completed.stdout)["law"]
    assert law["submitted_on"] == "2023-05-02"
    assert law["bauo_nrw_applied"]["key"] == "bauo_nrw_2021"
    broken = run_cli("check", "examples/vereinfacht_mehrfamilienhaus.json", "--submitted-on", "2.5.2023")
    assert broken.returncode == 2
    assert "kein gültiges Datum" in broken.stderr


def test_die_html_ausgabe_ist_eine_deutsche_seite_und_maskiert_alle_angaben(tmp_path: Path) -> None:
    data = json.loads((REPO / "examples" / "verfahrensfrei_garage.json").read_text(encoding="utf-8"))
    data["description"] = '<script>alert("x")</script> Garage'
    data["documents"] = [{"type_code": "1803", "name": "<img src=x onerror=alert(1)>"}]
    (tmp_path / "application.json").write_text(json.dumps(data), encoding="utf-8")
    completed = run_cli("check", str(tmp_path), "--format", "html")
    assert completed.returncode == 0, completed.stderr
    page = completed.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="de">' in page
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;" in page


def test_mit_plan_laeuft_die_planungsrechtliche_pruefung_gegen_den_bebauungsplan() -> None:
    completed = run_cli(
        "check",
        "examples/bplan_wa_verstoss_grz_baugrenze.json",
        "--plan",
        "tests/data/xplan/hamburg_blankenese29_xplan60/xplan.gml",
        "--format",
        "json",
    )
    assert completed.returncode == 0, completed.stderr
    status = {f["rule"]: f["status"] for f in json.loads(completed.stdout)["findings"]}
    assert status["baunvo.19.grz"] == "fail"
    assert status["baunvo.23.baugrenze"] == "fail"


def test_ein_fehlender_bebauungsplan_endet_mit_2_und_deutscher_meldung() -> None:
    completed = run_cli("check", "examples/verfahrensfrei_garage.json", "--plan", "plan.gml", "--format", "json")
    assert completed.returncode == 2
    assert "Fehler im Bebauungsplan plan.gml: Die Datei kann nicht gelesen werden" in completed.stderr
    assert completed.stdout == ""


def test_eine_fehlende_datei_endet_mit_2_und_deutscher_meldung() -> None:
    completed = run_cli("check", "examples/gibt_es_nicht.json")
    assert completed.returncode == 2
    assert "Antragsdatei nicht gefunden" in completed.stderr
    assert completed.stdout == ""


def test_kaputtes_json_endet_mit_2_und_nennt_zeile_und_spalte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text('{"format_version": 1,,}', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Ungültiges JSON" in err
    assert "Zeile 1, Spalte 22" in err


def test_ein_schemafehler_endet_mit_2_und_nennt_das_feld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "falsch.json"
    path.write_text(
        json.dumps({"format_version": 1, "project_kind": "abriss", "use": "garage"}), encoding="utf-8"
    )
    assert main(["check", str(path)]) == 2
    assert "/project_kind: ungültiger Wert 'abriss'" in capsys.readouterr().err


def test_ohne_befehl_zeigt_die_hilfe_und_endet_mit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "check" in capsys.readouterr().err
