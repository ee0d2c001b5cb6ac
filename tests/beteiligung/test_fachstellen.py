"""The directory of Fachstellen: the Kommune's administration maintains it (members only agency accounts of the
same Kommune), clerks read it, Fachstellen and other Kommunen do not see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import Fachstelle
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_creates_and_edits_a_fachstelle(tenant: Any, other_tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    member = UserFactory(tenant=tenant, role=Role.AGENCY, first_name="Dora", last_name="Denkmal")
    foreign_agency = UserFactory(tenant=other_tenant, role=Role.AGENCY, first_name="Fritz", last_name="Fremd")
    client = login(Client(), admin)
    page = client.get("/beteiligung/fachstellen/neu/")
    assert page.status_code == 200
    assert "Dora Denkmal" in page.content.decode() and "Fritz Fremd" not in page.content.decode()
    assert 'href="/beteiligung/fachstellen/"' in page.content.decode()  # navigation link for the administration

    response = client.post("/beteiligung/fachstellen/neu/", {
        "name": "Untere Denkmalbehörde", "kind": "denkmal", "email": "denkmal@kreis.example",
        "deadline_months": "2", "active": "on", "members": [str(member.pk)],
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    fachstelle = Fachstelle.objects.get(tenant=tenant, name="Untere Denkmalbehörde")
    assert list(fachstelle.members.all()) == [member] and fachstelle.months == 2 and fachstelle.active

    # a member of another Kommune is no valid choice
    response = client.post(f"/beteiligung/fachstellen/{fachstelle.pk}/", {
        "name": "Untere Denkmalbehörde", "kind": "denkmal", "deadline_months": "1",
        "members": [str(foreign_agency.pk)],
    })
    assert response.status_code == 400
    assert list(fachstelle.members.all()) == [member]

    response = client.post(f"/beteiligung/fachstellen/{fachstelle.pk}/", {
        "name": "Untere Denkmalbehörde des Kreises", "kind": "denkmal", "deadline_months": "1", "members": [],
    })
    assert response.status_code == 302
    fachstelle.refresh_from_db()
    assert fachstelle.name == "Untere Denkmalbehörde des Kreises" and not fachstelle.active
    assert not fachstelle.members.exists()
    events = AuditEvent.objects.filter(event=BeteiligungEvent.FACHSTELLE_CHANGED).order_by("seq")
    assert [e.after.get("name") for e in events] == ["Untere Denkmalbehörde", "Untere Denkmalbehörde des Kreises"]
    assert events[1].before["members"] == [member.username] and events[1].after["members"] == []

    duplicate = client.post("/beteiligung/fachstellen/neu/", {
        "name": "Untere Denkmalbehörde des Kreises", "kind": "denkmal", "deadline_months": "1",
    })
    assert duplicate.status_code == 400
    assert "Eine Fachstelle mit dieser Bezeichnung gibt es bereits." in duplicate.content.decode()


def test_the_gemeinde_always_has_two_months(tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    fachstelle = actions.save_fachstelle(admin, None, {"name": "Gemeinde", "kind": "gemeinde",
                                                       "deadline_months": 1, "active": True})
    assert fachstelle.deadline_months == 2 and fachstelle.months == 2


def test_members_must_be_agency_accounts_of_the_kommune(tenant: Any, other_tenant: Any) -> None:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    for wrong in (UserFactory(tenant=tenant, role=Role.CLERK), UserFactory(tenant=other_tenant, role=Role.AGENCY)):
        with pytest.raises(ValidationError) as refused:
            actions.save_fachstelle(admin, None, {"name": f"Stelle {wrong.pk}", "kind": "sonstige",
                                                  "deadline_months": 1, "members": [wrong]})
        assert "members" in refused.value.message_dict
    assert not Fachstelle.objects.exists()


def test_only_the_administration_changes_the_directory(tenant: Any, other_tenant: Any) -> None:
    fachstelle = Fachstelle.objects.create(tenant=tenant, name="Brandschutz", kind="brandschutz")
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    foreign_admin = UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN)
    for actor in (clerk, UserFactory(tenant=tenant, role=Role.AGENCY)):
        with pytest.raises(PermissionDenied):
            actions.save_fachstelle(actor, fachstelle, {"name": "Umbenannt"})
    with pytest.raises(PermissionDenied):
        actions.save_fachstelle(foreign_admin, fachstelle, {"name": "Umbenannt"})

    reader = login(Client(), clerk)
    assert reader.get("/beteiligung/fachstellen/").status_code == 200
    view = reader.get(f"/beteiligung/fachstellen/{fachstelle.pk}/")
    assert view.status_code == 200 and "<form" not in view.content.decode().split('id="inhalt"')[1]
    assert reader.post(f"/beteiligung/fachstellen/{fachstelle.pk}/", {"name": "Umbenannt"}).status_code == 403
    assert reader.get("/beteiligung/fachstellen/neu/").status_code == 403
    outsider = login(Client(), foreign_admin)
    assert outsider.get(f"/beteiligung/fachstellen/{fachstelle.pk}/").status_code == 404
    assert b"Brandschutz" not in outsider.get("/beteiligung/fachstellen/").content
    fachstelle.refresh_from_db()
    assert fachstelle.name == "Brandschutz"
