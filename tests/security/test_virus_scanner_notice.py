"""The operator is told when uploads are not scanned for malware (ASVS 5.4.3; finding: virus scanning was off by
default without telling the operator): a warning of ``manage.py check --deploy`` and a line on the admin index."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings

from bauantrag.accounts.models import Role
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTICE = "Kein Virenscanner eingerichtet (BAUANTRAG_CLAMD ist leer)"


def deploy_check() -> str:
    """What ``check --deploy`` reports (its own process runs it under production settings: tests/settings)."""
    return "\n".join(f"{message.id} {message.msg} {message.hint}"
                     for message in run_checks(include_deployment_checks=True))


def operator_client(tenant: Any) -> Client:
    operator = UserFactory(tenant=None, role=Role.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    return login(Client(), operator)


@override_settings(DOCUMENT_CLAMD="")
def test_without_a_scanner_check_deploy_warns_and_the_admin_index_says_so(tenant: Any) -> None:
    output = deploy_check()
    assert "documents.W001" in output and NOTICE in output and "BAUANTRAG_CLAMD" in output
    page = operator_client(tenant).get("/verwaltung/")
    assert page.status_code == 200
    assert 'id="scanner-notice"' in page.content.decode() and NOTICE in page.content.decode()


@override_settings(DOCUMENT_CLAMD="unix:///run/clamav/clamd.ctl")
def test_with_a_scanner_there_is_no_notice(tenant: Any) -> None:
    assert "documents.W001" not in deploy_check()
    page = operator_client(tenant).get("/verwaltung/")
    assert page.status_code == 200 and 'id="scanner-notice"' not in page.content.decode()
