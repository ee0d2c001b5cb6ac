"""The import contracts of pyproject.toml (docs/architecture.md, "Layers") hold for the code, and each of them
fails on a module that breaks it: lint-imports runs on a copy of the package with such modules added."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

VIOLATIONS = {
    # a core app reaching up into a feature app
    "bauantrag/cases/reaches_up.py": "from bauantrag.correspondence.models import Letter\n",
    # the pure engine importing Django
    "bauantrag/rules/uses_django.py": "from django.db import models\n",
    # a feature app importing another app's views and a private name
    "bauantrag/beteiligung/takes_private.py": (
        "from bauantrag.documents.views import download\nfrom bauantrag.cases.access import _private\n"
    ),
}


def _copy_project(target: Path) -> None:
    shutil.copytree(ROOT / "bauantrag", target / "bauantrag", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    contracts = target / "tests" / "architecture"
    contracts.mkdir(parents=True)
    for name in ("tests/__init__.py", "tests/architecture/__init__.py", "tests/architecture/import_contracts.py"):
        shutil.copy(ROOT / name, target / name)


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, check=False,
                          timeout=600)  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not LINT_IMPORTS.exists():
        pytest.fail(f"lint-imports fehlt neben {sys.executable} (requirements/test.txt: import-linter)")
    target = tmp_path_factory.mktemp("project")
    _copy_project(target)
    return target


def test_the_code_keeps_every_contract(project: Path) -> None:
    result = _lint(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_each_contract_fails_on_a_module_that_breaks_it(project: Path) -> None:
    for path, source in VIOLATIONS.items():
        (project / path).write_text(source, encoding="utf-8")
    result = _lint(project)
    out = " ".join(result.stdout.split())  # rich wraps long lines
    assert result.returncode == 1, out
    assert "Contracts: 0 kept, 4 broken." in out
    assert "bauantrag.rules is not allowed to import django: - bauantrag.rules.uses_django -> django (l.1)" in out
    # the layers contract and the core-apps contract
    assert out.count("bauantrag.cases is not allowed to import bauantrag.correspondence: - "
                     "bauantrag.cases.reaches_up -> bauantrag.correspondence.models (l.1)") == 2
    assert "bauantrag.beteiligung.takes_private -> bauantrag.documents.views (l.1): another app's views" in out
    assert ("bauantrag.beteiligung.takes_private -> bauantrag.cases.access (l.2): a private name of another app "
            "(_private)") in out
