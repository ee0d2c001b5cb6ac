"""No app uses another app's templates: a template includes or extends only its own app's templates, the shared
ones (``includes/``, ``panels/``) and the base; Python code renders only its own app's templates. What two apps'
pages share goes to ``includes/`` (docs/architecture.md). Import-linter cannot see templates, so this test does."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bauantrag"
TEMPLATES = PACKAGE / "templates"
SHARED = {"includes", "panels"}
TEMPLATE_TAG = re.compile(r'\{%\s*(?:include|extends)\s+"(?P<name>[^"]+)"')
TEMPLATE_NAME = re.compile(r'"(?P<name>[a-z_]+/[a-z_/]+\.html)"')


def foreign(owner: str, name: str) -> bool:
    folder = name.split("/")[0] if "/" in name else ""
    return bool(folder) and folder != owner and folder not in SHARED


def test_templates_include_only_their_own_apps_and_the_shared_ones() -> None:
    found = [
        (str(path.relative_to(TEMPLATES)), match["name"])
        for path in TEMPLATES.rglob("*.html")
        for match in TEMPLATE_TAG.finditer(path.read_text(encoding="utf-8"))
        if foreign(path.relative_to(TEMPLATES).parts[0], match["name"])
    ]
    assert found == []


def test_code_renders_only_its_own_apps_templates() -> None:
    found = [
        (str(path.relative_to(PACKAGE)), match["name"])
        for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts
        for match in TEMPLATE_NAME.finditer(path.read_text(encoding="utf-8"))
        if foreign(path.relative_to(PACKAGE).parts[0], match["name"])
    ]
    assert found == []


def test_the_check_sees_a_foreign_include() -> None:
    assert foreign("beteiligung", "workspace/_review.html")
    assert not foreign("workspace", "workspace/case.html") and not foreign("portal", "includes/findings.html")
    assert not foreign("portal", "base.html")
