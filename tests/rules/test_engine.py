"""The engine: result shape, rule ids, and that broken input or rules raise instead of passing."""

import datetime as dt
import json
from dataclasses import replace

import pytest

from bauantrag.rules.engine import RULESET_VERSION, run_precheck
from bauantrag.rules.model import DocumentRef, Finding, RuleError, Vorhaben

EFH = Vorhaben(
    project_kind="neubau",
    use="wohngebaeude",
    detached=True,
    units=1,
    height_m=3.1,
    structure_height_m=9.4,
    gross_floor_area_m2=186.0,
    underground=False,
    planning_area="bebauungsplan_qualifiziert",
    plan_conforming=True,
    access_secured=True,
    procedure_requested="genehmigungsfreistellung",
    documents=(DocumentRef("1803", "Lageplan"),),
)


def test_das_ergebnis_hat_die_vereinbarte_json_form() -> None:
    result = run_precheck(replace(EFH, submitted_on=dt.date(2025, 3, 3))).to_dict()
    assert list(result) == [
        "procedure", "procedure_determined", "building_class", "ruleset_version", "law", "findings"
    ]
    assert result["procedure"] == result["procedure_determined"] == "genehmigungsfreistellung"
    assert result["building_class"] == 1
    assert result["ruleset_version"] == RULESET_VERSION
    assert result["law"]["submitted_on"] == "2025-03-03"
    assert result["law"]["bauo_nrw_applied"]["name"] == "BauO NRW in der ab 01.01.2024 geltenden Fassung"
    for finding in result["findings"]:
        assert list(finding) == [
            "rule", "status", "legal_basis", "message", "evidence", "law_version", "review_note"
        ]
        assert finding["status"] in {"pass", "fail", "needs_review"}
    json.dumps(result, allow_nan=False)


def test_die_regeln_laufen_in_fester_reihenfolge_mit_eindeutigen_ids() -> None:
    rules = [f.rule for f in run_precheck(EFH).findings]
    assert rules[:4] == [
        "bauo_nrw.2.3.gebaeudeklasse",
        "bauo_nrw.50.2.grosser_sonderbau",
        "bauo_nrw.62-65.verfahrensart",
        "bauo_nrw.procedure_wish",
    ]
    assert all(rule.startswith("baupruefvo.completeness.") for rule in rules[4:])
    assert len(rules) == len(set(rules))


def test_eine_fehlerhafte_eingabe_fuehrt_zu_einer_ausnahme_und_nie_zu_pass() -> None:
    broken = replace(EFH, height_m="7")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        run_precheck(broken)


def test_ein_befund_mit_unbekanntem_status_wird_abgelehnt() -> None:
    with pytest.raises(RuleError):
        Finding(rule="x", status="ok", legal_basis="§ 1", message="m", law_version="v")  # type: ignore[arg-type]


def test_ein_befund_mit_nicht_serialisierbaren_belegen_wird_abgelehnt() -> None:
    with pytest.raises(RuleError):
        Finding(
            rule="x", status="pass", legal_basis="§ 1", message="m", evidence={"a": object()}, law_version="v"
        )


def test_ein_unbekanntes_land_wird_abgelehnt() -> None:
    with pytest.raises(ValueError, match="Kein Regelwerk"):
        run_precheck(EFH, land="by")
