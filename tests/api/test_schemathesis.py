"""The API against its own OpenAPI document (schemathesis, bounded): no server error, no response off the schema.

Schemathesis generates requests for every operation from docs' schema as the project serves it (through the WSGI
application, real PostgreSQL, eager tasks), authenticated with a casework token of a Kommune (its technical
account is a clerk). Path ids are drawn both at random and from the Kommune's real objects, so that the checks
see real answers and not only 404s. MAX_EXAMPLES bounds the run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import checks

from bauantrag.api.models import TokenScope
from bauantrag.api.tokens import create_token
from bauantrag.cases.models import Finding
from bauantrag.wsgi import application
from tests.conftest import login
from tests.factories import TenantFactory, UserFactory, draft_case, nachforderung_case, submitted_case

MAX_EXAMPLES = 25
REAL_IDS: dict[str, list[str]] = {}
AUTH: dict[str, str] = {}
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@schemathesis.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """Half of the time, an id of an object that exists in the Kommune instead of a random one."""
    real = {name: REAL_IDS[name] for name in path_parameters or {} if REAL_IDS.get(name)}
    if not real:
        return st.just(path_parameters)
    return st.booleans().flatmap(lambda use_real: st.fixed_dictionaries({
        name: st.sampled_from(real[name]) if use_real and name in real else st.just(value)
        for name, value in path_parameters.items()
    }))


@contextmanager
def wsgi_in_test_transaction() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request; Django's test client stops that so
    that the test's transaction survives. The same here, for the requests schemathesis sends (the test client
    connects them again after each of its own requests)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _summary(exc: BaseException) -> list[str]:
    """One line per distinct failure: its title and the schema location or the status it is about."""
    found = exc.exceptions if isinstance(exc, BaseExceptionGroup) else (exc,)
    lines = []
    for failure in found:
        text = str(failure)
        where = next((line.strip() for line in text.splitlines() if line.strip().startswith(("Schema at", "["))),
                     "")
        lines.append(f"{type(failure).__name__}: {text.splitlines()[0] if text else ''} {where}".strip())
    return lines


def _run_all(schema: Any, headers: dict[str, str], cookies: dict[str, str], statuses: Counter[int]) -> list[str]:
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            response = case.call(headers=headers, cookies=cookies)
            statuses[response.status_code] += 1
            case.validate_response(response, checks=CHECKS)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis' FailureGroup is no Exception
            failures += [f"{operation.method.upper()} {operation.path}: {line}" for line in _summary(exc)]
    return failures


def test_the_api_keeps_to_its_schema(db: Any) -> None:
    tenant = TenantFactory(slug="musterstadt")
    applicant = UserFactory(tenant=tenant)
    cases = [submitted_case(applicant), nachforderung_case(applicant), draft_case(applicant)]
    REAL_IDS["case_id"] = [str(case.pk) for case in cases]
    REAL_IDS["document_id"] = [str(d.pk) for case in cases for d in case.documents.all()]
    REAL_IDS["finding_id"] = [str(f.pk) for f in Finding.objects.filter(check_run__case__in=cases)]
    # The Kommune's system with a casework token (its technical account is a clerk) …
    issued = create_token(None, tenant, name="Schemathesis", scope=TokenScope.CASEWORK,
                          expires_at=timezone.now() + timedelta(days=1))
    # … and the applicant in a browser session (with the CSRF token), who owns the cases.
    cookies = {name: morsel.value for name, morsel in login(Client(), applicant).cookies.items()}
    statuses: Counter[int] = Counter()
    with wsgi_in_test_transaction():
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
        assert len(list(schema.get_all_operations())) == 18  # every operation of the document
        failures = _run_all(schema, {"Authorization": f"Bearer {issued.secret}"}, {}, statuses)
        failures += _run_all(schema, {"X-CSRFToken": cookies["csrftoken"]}, cookies, statuses)

    assert not failures, "\n\n".join(failures)
    assert statuses[500] == 0
    # Not only refusals: real objects were read and changed.
    assert sum(count for status, count in statuses.items() if status < 300) >= 50, statuses
