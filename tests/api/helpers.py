"""Small helpers for talking JSON to the API through the Django test client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client

API = "/api/v1"


def case_url(case_id: object, suffix: str = "") -> str:
    return f"{API}/applications/{case_id}/{suffix}"


def get(client: Client, url: str, **extra: Any) -> Any:
    return client.get(url, **extra)


def post(client: Client, url: str, data: object = None, **extra: Any) -> Any:
    if data is None:
        return client.post(url, **extra)
    return client.post(url, data=json.dumps(data), content_type="application/json", **extra)


def patch(client: Client, url: str, data: object, **extra: Any) -> Any:
    return client.patch(url, data=json.dumps(data), content_type="application/json", **extra)


def errors_of(response: Any) -> list[dict[str, Any]]:
    """The structured error list; asserts the error format on the way."""
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"errors"}, body
    assert body["errors"], body
    for entry in body["errors"]:
        assert set(entry) <= {"code", "detail", "field", "finding_id"} and entry["code"] and entry["detail"], entry
    return list(body["errors"])


def error_fields(response: Any) -> set[str]:
    return {entry["field"] for entry in errors_of(response) if "field" in entry}


def stored_files() -> list[Path]:
    root = Path(settings.DOCUMENT_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
