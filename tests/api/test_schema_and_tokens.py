"""The OpenAPI document, and token authentication for other municipal systems."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from drf_spectacular.validation import validate_schema

from bauantrag.api.models import TokenScope
from bauantrag.api.tokens import create_token
from bauantrag.cases.open_findings import open_findings
from tests.api.helpers import API, case_url, errors_of
from tests.factories import UserFactory, draft_case, submitted_case

pytestmark = pytest.mark.django_db


def api_routes() -> set[str]:
    """Every DRF route below /api/, as OpenAPI path templates."""
    found: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern) and hasattr(entry.callback, "cls") and route.startswith("api/"):
                template = route.replace("<uuid:", "{").replace(">", "}")
                if "schema" not in template:
                    found.add("/" + template)

    walk(get_resolver().url_patterns, "")
    return found


def test_openapi_document_is_valid_and_complete_in_json_and_yaml() -> None:
    response = Client().get(f"{API}/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "Bauantrag API"
    routes = api_routes()
    assert len(routes) == 15
    assert set(schema["paths"]) == routes
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            assert operation["operationId"] and operation["summary"], (path, method)
            assert "401" in operation["responses"], (path, method)
            if "{" in path:
                assert "404" in operation["responses"], (path, method)
    assert {"sessionAuth", "tokenAuth"} <= set(schema["components"]["securitySchemes"])
    assert "tenant" not in schema["components"]["schemas"]["VorhabenRequest"]["properties"]

    as_yaml = Client().get(f"{API}/schema/")
    assert as_yaml.status_code == 200 and "openapi" in as_yaml["Content-Type"]
    assert yaml.safe_load(as_yaml.content) == schema


def test_system_integration_with_a_token(tenant: Any, other_tenant: Any) -> None:
    issued = create_token(None, tenant, name="Fachverfahren", scope=TokenScope.CASEWORK,
                          expires_at=timezone.now() + timedelta(days=30))
    ours, theirs = (
        submitted_case(UserFactory(tenant=tenant)),
        submitted_case(UserFactory(tenant=other_tenant)),
    )
    draft_case(UserFactory(tenant=tenant))
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")

    listing = client.get(f"{API}/applications/")
    assert listing.status_code == 200
    assert [c["file_number"] for c in listing.json()["results"]] == [ours.file_number]
    assert client.get(case_url(theirs.pk)).status_code == 404

    seen = [str(f.pk) for f in open_findings(ours)]
    response = client.post(case_url(ours.pk, "confirm-completeness/"), {"acknowledged_open_findings": seen},
                           content_type="application/json")  # no CSRF token needed for tokens
    assert response.status_code == 200 and response.json()["state"] == "complete"
    history = client.get(case_url(ours.pk, "history/")).json()["results"]
    complete = next(e for e in reversed(history) if e["event"] == "case.complete")
    assert complete["actor_label"] == f"Fachverfahren (Schnittstelle) <api-{issued.token.prefix}@musterstadt>"

    bad = Client(HTTP_AUTHORIZATION="Bearer bau_00000000_" + "0" * 43)
    response = bad.get(f"{API}/applications/")
    assert response.status_code == 401 and errors_of(response)[0]["code"] == "authentication_failed"
