"""A complete case on Flurstück 86/1 of the Kommune's register (Unna, Flur 11), between 85 and 86/2, with the
Kommune's letterhead; the clerk logged in through the real login with TOTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import User
from bauantrag.cases.models import Case
from bauantrag.correspondence.models import Letterhead
from bauantrag.parcels.actions import import_parcels
from tests.conftest import login
from tests.factories import complete_case

CADASTRE = Path(__file__).resolve().parents[1] / "data" / "cadastre" / "unna_flurstuecke_25832.geojson"


@pytest.fixture
def letterhead(tenant: Any) -> Letterhead:
    tenant.authority_name = "Untere Bauaufsichtsbehörde der Stadt Musterstadt"
    tenant.save()
    return Letterhead.objects.create(
        tenant=tenant, street="Rathausplatz 1", postal_code="59423", city="Musterstadt",
        court_name="Verwaltungsgericht Arnsberg", court_address="Jägerstraße 1, 59821 Arnsberg",
    )


@pytest.fixture
def case(applicant: User, letterhead: Letterhead) -> Case:
    import_parcels(None, applicant.tenant, CADASTRE.name, CADASTRE.read_bytes())
    case = complete_case(applicant)
    vorhaben = case.vorhaben
    vorhaben.gemarkung, vorhaben.flur, vorhaben.flurstueck = "Unna", "11", "86/1"
    vorhaben.bauherr_name, vorhaben.designer_name = "Beate Bauwunsch", "Dora Entwurf"
    vorhaben.save()
    return case


@pytest.fixture
def clerk_of_case(case: Case) -> User:
    from tests.factories import clerk_for

    return clerk_for(case.tenant)


@pytest.fixture
def client_of_clerk(clerk_of_case: User) -> Client:
    return login(Client(), clerk_of_case)
