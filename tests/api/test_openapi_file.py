"""docs/api/openapi.yaml is the schema the code serves: a change to the API shows up in review as a diff of the
committed file (regenerate it with `make openapi`)."""

from __future__ import annotations

import difflib
from io import StringIO
from pathlib import Path

from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def generated_schema() -> str:
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    return out.getvalue()


def test_the_committed_openapi_file_is_the_schema_of_the_code() -> None:
    committed, generated = COMMITTED.read_text(encoding="utf-8"), generated_schema()
    diff = "".join(difflib.unified_diff(committed.splitlines(True), generated.splitlines(True),
                                        "docs/api/openapi.yaml", "generated", n=1))
    assert committed == generated, f"docs/api/openapi.yaml is outdated, run `make openapi`:\n{diff[:3000]}"

