"""Who sees a Beteiligung: only the members of the asked Fachstelle and the Kommune's Sachbearbeitung. Everybody
else — another Fachstelle of the same Kommune, an agency account without Fachstelle, the applicant, anyone of
another Kommune — gets 404 on the page, on the shared Bauvorlagen and on the Stellungnahme."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.access import access_shared_document, beteiligungen_visible_to
from bauantrag.beteiligung.models import Beteiligung, Stellungnahme
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANSWER = {"verdict": "zustimmung", "text": "Keine Bedenken.", "nb-TOTAL_FORMS": "3", "nb-INITIAL_FORMS": "0"}


@pytest.fixture
def asked(kommune: Any) -> Beteiligung:
    return actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                       documents=kommune.documents("1803"), message="Bitte prüfen.")


def outsiders(kommune: Any, other_tenant: Any) -> dict[str, Any]:
    foreign_agency = UserFactory(tenant=other_tenant, role=Role.AGENCY)
    return {
        "Fachstelle derselben Kommune, nicht angefragt": kommune.naturschutz_member,
        "Fachstellen-Konto ohne Fachstelle": kommune.loose_agency,
        "Antragsteller/in des Vorgangs": kommune.applicant,
        "Fachstelle einer anderen Kommune": foreign_agency,
        "Sachbearbeitung einer anderen Kommune": UserFactory(tenant=other_tenant, role=Role.CLERK),
        "Administration einer anderen Kommune": UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN),
    }


def test_everybody_but_the_asked_fachstelle_and_the_clerks_gets_404(
    kommune: Any, asked: Beteiligung, other_tenant: Any
) -> None:
    lageplan = kommune.documents("1803")[0]
    for label, user in outsiders(kommune, other_tenant).items():
        client = login(Client(), user)
        urls = (f"/beteiligung/{asked.pk}/", f"/beteiligung/{asked.pk}/dokumente/{lageplan.pk}/")
        for url in urls:
            response = client.get(url)
            assert response.status_code == 404, (label, url, response.status_code)
            assert kommune.case.file_number.encode() not in response.content, label
        assert client.post(f"/beteiligung/{asked.pk}/", ANSWER).status_code == 404, label
        assert client.post(f"/beteiligung/{asked.pk}/zuruecknehmen/").status_code == 404, label
        assert not beteiligungen_visible_to(user).exists(), label
        if user.role == Role.AGENCY:
            inbox = client.get("/beteiligung/")
            assert inbox.status_code == 200 and kommune.case.file_number.encode() not in inbox.content, label
    assert not Stellungnahme.objects.exists()
    asked.refresh_from_db()
    assert asked.status == "requested"


def test_a_stellungnahme_from_an_agency_that_was_not_asked_is_refused(kommune: Any, asked: Beteiligung) -> None:
    client = login(Client(), kommune.naturschutz_member)
    assert client.post(f"/beteiligung/{asked.pk}/", ANSWER).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.submit_stellungnahme(kommune.naturschutz_member, asked, verdict="zustimmung", text="")
    with pytest.raises(PermissionDenied):
        actions.submit_stellungnahme(kommune.clerk, asked, verdict="zustimmung", text="")
    assert not Stellungnahme.objects.exists()


def test_a_member_removed_from_the_fachstelle_loses_access(kommune: Any, asked: Beteiligung) -> None:
    client = login(Client(), kommune.brandschutz_member)
    assert client.get(f"/beteiligung/{asked.pk}/").status_code == 200
    kommune.brandschutz.members.remove(kommune.brandschutz_member)
    assert client.get(f"/beteiligung/{asked.pk}/").status_code == 404


def test_only_the_shared_subset_is_served(kommune: Any, asked: Beteiligung) -> None:
    member = kommune.brandschutz_member
    lageplan, grundriss = kommune.documents("1803", "2001")
    assert access_shared_document(member, asked.pk, lageplan.pk)[1] == lageplan
    from django.http import Http404

    with pytest.raises(Http404):
        access_shared_document(member, asked.pk, grundriss.pk)
    with pytest.raises(Http404):
        access_shared_document(member, asked.pk, "kein-uuid")


def test_clerk_pages_stay_closed_to_agencies(kommune: Any, asked: Beteiligung) -> None:
    client = login(Client(), kommune.brandschutz_member)
    assert client.get(f"/beteiligung/vorgaenge/{kommune.case.pk}/anfragen/").status_code == 404
    assert client.post(f"/beteiligung/{asked.pk}/zuruecknehmen/").status_code == 404
    assert client.get("/bauaufsicht/").status_code == 403
    assert client.get("/beteiligung/fachstellen/").status_code == 403
    assert client.get(f"/beteiligung/fachstellen/{kommune.brandschutz.pk}/").status_code == 404
    asked.refresh_from_db()
    assert asked.status == "requested"
