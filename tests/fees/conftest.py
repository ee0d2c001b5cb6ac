"""The test Kommune's fee data, entered through the administration's pages as a Kommune would.

These figures are the TEST KOMMUNE'S DATA, not law (see tests/fees/test_calculation.py): 6 Tausendstel for the
vereinfachtes Verfahren, Mindestgebühr 50 €, 25 % on withdrawal, Rohbauwert Wohngebäude 172 €/m³ from 01.01.2026.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role, User
from tests.conftest import login
from tests.factories import UserFactory

TARIFF_POSTS = (
    ("/gebuehren/tarif/saetze/neu/", {
        "purpose": "vereinfachtes_verfahren", "tarifstelle": "3.1.4.2", "label": "Vereinfachtes Verfahren",
        "kind": "promille", "value": "6", "valid_from": "2026-01-01", "source": "Gebührensatz der Testkommune"}),
    ("/gebuehren/tarif/saetze/neu/", {
        "purpose": "mindestgebuehr", "tarifstelle": "3.1.4", "label": "Mindestgebühr", "kind": "fest",
        "value": "50,00", "valid_from": "2026-01-01", "source": "Satzung der Testkommune"}),
    ("/gebuehren/tarif/saetze/neu/", {
        "purpose": "ruecknahme", "tarifstelle": "3.1.4.10", "label": "Rücknahme", "kind": "prozent",
        "value": "25", "valid_from": "2026-01-01", "source": "Satzung der Testkommune"}),
    ("/gebuehren/tarif/rohbauwerte/neu/", {
        "gebaeudeart": "1", "eur_per_m3": "172,00", "valid_from": "2026-01-01",
        "source": "Rohbauwerte der Testkommune 2026"}),
    ("/gebuehren/tarif/einstellungen/", {
        "kassenzeichen_format": "GEB/{JAHR}/{NR}", "number_digits": "5", "booking_account": "1.09.01.431100",
        "payment_details": "Stadtkasse Musterstadt, IBAN DE02 1203 0000 0000 2020 51", "payment_days": "30"}),
)


@pytest.fixture
def tenant_admin(tenant: Any) -> User:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)


@pytest.fixture
def admin_client(tenant_admin: User) -> Client:
    return login(Client(), tenant_admin)


@pytest.fixture
def tariff(admin_client: Client) -> None:
    for url, data in TARIFF_POSTS:
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
