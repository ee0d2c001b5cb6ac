"""The rule catalogue is complete and honest: every rule the engine can emit has an entry, every example gives
the status it claims when run through the real engine, and ``docs/regelkatalog.md`` is the generator's output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from catalogue_rule_ids import rule_ids_in_code

from bauantrag.formats.application_json import read_application_json, site_from_dict, vorhaben_from_dict
from bauantrag.formats.xplan import read_plan
from bauantrag.rules.catalogue import build_catalogue
from bauantrag.rules.catalogue_entries import ENTRIES
from bauantrag.rules.catalogue_examples import Example
from bauantrag.rules.catalogue_render import render_markdown
from bauantrag.rules.engine import run_precheck

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "regelkatalog.md"
CATALOGUED = {entry.rule for entry in ENTRIES}
EXAMPLES = [(entry.rule, n, ex) for entry in ENTRIES for n, ex in enumerate(entry.examples, 1)]


def _emitted_by_example_files() -> set[str]:
    rules: set[str] = set()
    for path in sorted((REPO / "examples").glob("*.json")):
        data = read_application_json(path)
        site = site_from_dict(data, validate=False)
        plan = read_plan(path.parent / site.plan_ref) if site is not None and site.plan_ref else None
        rules |= {f.rule for f in run_precheck(vorhaben_from_dict(data), plan=plan, site=site).findings}
    return rules


def test_jede_regel_aus_dem_quelltext_steht_im_katalog() -> None:
    in_code = rule_ids_in_code()
    assert len(in_code) >= 26
    missing = sorted(in_code - CATALOGUED)
    assert not missing, f"Regeln ohne Eintrag im Regelkatalog: {missing}"


def test_der_katalog_nennt_keine_regel_die_es_im_quelltext_nicht_gibt() -> None:
    assert sorted(CATALOGUED - rule_ids_in_code()) == []
    assert len(CATALOGUED) == len(ENTRIES), "eine Regel steht doppelt im Katalog"


def test_jede_regel_die_beispiele_und_beispielantraege_ausloesen_steht_im_katalog() -> None:
    emitted = _emitted_by_example_files()
    for _, _, ex in EXAMPLES:
        emitted |= {f.rule for f in run_precheck(ex.vorhaben, plan=ex.plan, site=ex.site).findings}
    missing = sorted(emitted - CATALOGUED)
    assert not missing, f"Regeln ohne Eintrag im Regelkatalog: {missing}"
    assert emitted == CATALOGUED, f"ohne Beispiel ausgelöst: {sorted(CATALOGUED - emitted)}"


@pytest.mark.parametrize(("rule", "number", "example"), EXAMPLES, ids=[f"{r}-{n}" for r, n, _ in EXAMPLES])
def test_jedes_beispiel_ergibt_in_der_echten_pruefung_den_behaupteten_status(
    rule: str, number: int, example: Example
) -> None:
    findings = [f for f in run_precheck(example.vorhaben, plan=example.plan, site=example.site).findings]
    finding = next(f for f in findings if f.rule == rule)
    assert finding.status == example.expect, finding.message
    shown = next(r for r in build_catalogue()["rules"] if r["rule"] == rule)["examples"][number - 1]["result"]
    assert shown == {
        "status": finding.status,
        "status_label": {"pass": "erfüllt", "fail": "nicht erfüllt", "needs_review": "zu prüfen"}[finding.status],
        "legal_basis": finding.legal_basis,
        "message": finding.message,
        "law_version": finding.law_version,
        "review_note": finding.review_note,
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.rule for e in ENTRIES])
def test_jede_regel_hat_ein_bestandenes_und_ein_nicht_bestandenes_beispiel_oder_begruendet_warum_nicht(
    entry: object,
) -> None:
    from bauantrag.rules.catalogue_entries import Entry

    assert isinstance(entry, Entry)
    expects = {ex.expect for ex in entry.examples}
    claimed = {status for status, _ in entry.statuses}
    assert expects <= claimed, "ein Beispiel zeigt einen Status, den der Eintrag nicht nennt"
    if "fail" in claimed:
        assert "fail" in expects, "der Eintrag nennt „nicht erfüllt“, zeigt aber kein Beispiel dafür"
    if "pass" not in expects or not expects & {"fail", "needs_review"}:
        assert entry.note, "ein Beispiel fehlt, ohne dass der Eintrag begründet, warum"
    if "fail" not in claimed:
        assert "„nicht erfüllt“" in entry.note, "der Eintrag muss sagen, warum die Regel nie „nicht erfüllt“ ergibt"
    assert entry.basis and "§" in entry.basis and entry.title and entry.applies_to and entry.requires


def test_jeder_eintrag_nennt_gesetzesfassung_und_rechtsgrundlage_mit_absatz_oder_nummer() -> None:
    for rule in build_catalogue()["rules"]:
        assert rule["law_versions"] and all(rule["law_versions"]), rule["rule"]
        examples_basis = " ".join(ex["result"]["legal_basis"] for ex in rule["examples"])
        assert re.search(r"Abs\.|Satz|Nr\.", rule["legal_basis"] + examples_basis), rule["rule"]


def test_docs_regelkatalog_md_ist_die_ausgabe_des_generators() -> None:
    expected = render_markdown(build_catalogue())
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/regelkatalog.md ist veraltet: neu erzeugen mit "
        "`.venv/bin/python -m bauantrag.cli rules catalogue --format md > docs/regelkatalog.md`"
    )


def _cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bauantrag.cli", "rules", "catalogue", *args],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )
    return done.stdout


def test_die_kommandozeile_gibt_den_katalog_als_markdown_json_und_html_aus() -> None:
    assert _cli() == DOC.read_text(encoding="utf-8")
    data = json.loads(_cli("--format", "json"))
    assert {r["rule"] for r in data["rules"]} == CATALOGUED
    assert [law["law"] for law in data["laws"]] == ["BauO NRW", "BauPrüfVO NRW", "BauNVO/BauGB"]
    html = _cli("--format", "html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de">' in html
    assert all(f"<code>{rule}</code>" in html for rule in CATALOGUED)
