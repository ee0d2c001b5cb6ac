"""Every BAUANTRAG_* variable is declared once with default and meaning, and the README's table is generated
from those declarations."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bauantrag.settings import environment

REPO = Path(__file__).resolve().parents[2]
NAME = re.compile(r"\bBAUANTRAG_[A-Z0-9_]+\b")


def test_the_readme_table_is_the_output_of_the_environment_module() -> None:
    printed = subprocess.run([sys.executable, "-m", "bauantrag.settings.environment"], capture_output=True,
                             text=True, check=True, cwd=REPO).stdout
    assert printed == environment.readme_table()
    assert printed in (REPO / "README.md").read_text(encoding="utf-8"), (
        "README.md's table of environment variables is outdated: replace it with the output of "
        "`python -m bauantrag.settings.environment`"
    )


def test_every_variable_the_code_and_scripts_name_is_declared() -> None:
    sources = [*(REPO / "bauantrag").rglob("*.py"), *(REPO / "scripts").glob("*.sh"), REPO / "Makefile"]
    named = {name for path in sources for name in NAME.findall(path.read_text(encoding="utf-8"))}
    assert named - set(environment.BY_NAME) == set()
    assert set(environment.BY_NAME) - named == set(), "declared but read nowhere"


def test_values_are_parsed_to_the_declared_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAUANTRAG_DOCUMENT_MAX_PER_CASE", "12")
    monkeypatch.setenv("BAUANTRAG_LLM_ALLOWED", "true")
    monkeypatch.setenv("BAUANTRAG_ALLOWED_HOSTS", "bauantrag.kreis-unna.de,localhost")
    monkeypatch.setenv("BAUANTRAG_SMTP_PASSWORD", "$geheim")  # not read as the name of another variable
    assert environment.read("BAUANTRAG_DOCUMENT_MAX_PER_CASE") == 12
    assert environment.read("BAUANTRAG_LLM_ALLOWED") is True
    assert environment.read("BAUANTRAG_ALLOWED_HOSTS") == ["bauantrag.kreis-unna.de", "localhost"]
    assert environment.read("BAUANTRAG_SMTP_PASSWORD") == "$geheim"
    monkeypatch.delenv("BAUANTRAG_DOCUMENT_MAX_PER_CASE")
    assert environment.read("BAUANTRAG_DOCUMENT_MAX_PER_CASE") == 200


def test_a_malformed_number_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAUANTRAG_DOCUMENT_MAX_PER_CASE", "zweihundert")
    with pytest.raises(ValueError, match="zweihundert"):
        environment.read("BAUANTRAG_DOCUMENT_MAX_PER_CASE")


def test_an_undeclared_variable_cannot_be_read() -> None:
    with pytest.raises(KeyError):
        environment.read("BAUANTRAG_NOT_DECLARED")
