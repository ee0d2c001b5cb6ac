"""The vulnerability audit of the pins fails on a finding and passes, saying so, when no advisory data answers."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit_pins.py"


def audit_pins() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_pins", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_known_vulnerability_fails_the_build_and_names_the_fix() -> None:
    report = {"dependencies": [
        {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["5.2.19"]}]},
        {"name": "celery", "version": "5.7.0", "vulns": []},
    ]}
    status, message = audit_pins().verdict(report)
    assert status == 1 and "django 5.2.0: PYSEC-2026-1 (behoben in 5.2.19)" in message


def test_no_answer_for_any_package_is_a_skip_not_a_pass_nor_a_failure() -> None:
    report = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"},
                               {"name": "celery", "skip_reason": "Dependency not found on PyPI"}]}
    status, message = audit_pins().verdict(report)
    assert status == 0 and message.startswith("Schwachstellenprüfung übersprungen")


def test_a_clean_report_counts_the_checked_packages_and_names_the_unchecked() -> None:
    report = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []},
                               {"name": "interne-lib", "skip_reason": "not on PyPI"}]}
    status, message = audit_pins().verdict(report)
    assert status == 0 and "1 Pakete geprüft" in message and "ohne Auskunft: interne-lib" in message
