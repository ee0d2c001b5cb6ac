"""The Kommune's administration maintains its tariff table, Rohbauwerte and settings; the Sachbearbeitung reads them;
nobody else sees them. Every change is on the audit trail; overlapping validity and unusable entries are refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.fees.events import FeeEvent
from bauantrag.fees.models import FeeSettings, RohbauwertEntry, TariffRate
from tests.conftest import login
from tests.factories import UserFactory
from tests.fees.conftest import TARIFF_POSTS

pytestmark = pytest.mark.django_db


def test_the_admin_enters_the_tariff_and_the_trail_records_it(tariff: None, admin_client: Client) -> None:
    rate = TariffRate.objects.get(purpose="vereinfachtes_verfahren")
    assert (rate.tarifstelle, str(rate.value), str(rate.valid_from)) == ("3.1.4.2", "6.00", "2026-01-01")
    assert str(RohbauwertEntry.objects.get(gebaeudeart="1").eur_per_m3) == "172.00"
    assert FeeSettings.objects.get().kassenzeichen_format == "GEB/{JAHR}/{NR}"
    page = admin_client.get("/gebuehren/tarif/").content.decode()
    assert "3.1.4.2" in page and "Nr. 1 Wohngebäude" in page and "172,00 €" in page and "1.09.01.431100" in page
    events = list(AuditEvent.objects.filter(event__startswith="fees.").values_list("event", flat=True))
    assert events.count(FeeEvent.TARIFF_CHANGED) == 3 and FeeEvent.ROHBAUWERT_CHANGED in events
    assert FeeEvent.SETTINGS_CHANGED in events


def test_a_new_year_needs_the_old_entry_closed_first(tariff: None, admin_client: Client) -> None:
    new_year = {"gebaeudeart": "1", "eur_per_m3": "176,80", "valid_from": "2027-01-01", "source": "MBl. 2027"}
    refused = admin_client.post("/gebuehren/tarif/rohbauwerte/neu/", new_year)
    assert refused.status_code == 400 and "gilt in diesem Zeitraum schon ein Rohbauwert" in refused.content.decode()
    old = RohbauwertEntry.objects.get(gebaeudeart="1")
    assert admin_client.post(f"/gebuehren/tarif/rohbauwerte/{old.pk}/", {
        "gebaeudeart": "1", "eur_per_m3": "172,00", "valid_from": "2026-01-01", "valid_to": "2026-12-31",
        "source": "Rohbauwerte der Testkommune 2026"}).status_code == 302
    assert admin_client.post("/gebuehren/tarif/rohbauwerte/neu/", new_year).status_code == 302
    assert RohbauwertEntry.objects.filter(gebaeudeart="1").count() == 2


@pytest.mark.parametrize(("data", "message"), [
    ({"kind": "promille", "purpose": "mindestgebuehr"}, "passt nicht zu"),
    ({"kind": "prozent", "purpose": "ablehnung", "value": "150"}, "zwischen 0 und 100"),
    ({"kind": "rahmen", "purpose": "genehmigungsfreistellung", "value": "50"}, "Höchstbetrag"),
])
def test_an_unusable_entry_is_refused_with_a_german_reason(admin_client: Client, data: dict[str, str],
                                                           message: str) -> None:
    post = {"tarifstelle": "3.1.4.1", "label": "Test", "value": "6", "valid_from": "2026-01-01", "source": "Test",
            **data}
    response = admin_client.post("/gebuehren/tarif/saetze/neu/", post)
    assert response.status_code == 400 and message in response.content.decode()
    assert not TariffRate.objects.exists()


@pytest.mark.parametrize("pattern", ["BA-{JAHR}", "{NR}{NR}", "=HYPERLINK({NR})", "-{NR}", "{JAHR}{JAHR}-{NR}"])
def test_a_kassenzeichen_format_without_one_running_number_or_with_odd_characters_is_refused(
        admin_client: Client, pattern: str) -> None:
    response = admin_client.post("/gebuehren/tarif/einstellungen/", {
        "kassenzeichen_format": pattern, "number_digits": "6", "booking_account": "", "payment_days": "30"})
    assert response.status_code == 400
    assert not FeeSettings.objects.exists()


def test_clerks_read_the_tariff_but_only_the_administration_changes_it(tariff: None, tenant: Any,
                                                                        other_tenant: Any) -> None:
    rate = TariffRate.objects.get(purpose="vereinfachtes_verfahren")
    clerk = login(Client(), UserFactory(tenant=tenant, role=Role.CLERK))
    assert clerk.get("/gebuehren/tarif/").status_code == 200
    page = clerk.get(f"/gebuehren/tarif/saetze/{rate.pk}/")
    assert page.status_code == 200 and "Änderungen nimmt die Administration der Kommune vor." in page.content.decode()
    assert "Vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)" in page.content.decode()  # the label, not the key
    url, data = TARIFF_POSTS[0]
    assert clerk.post(f"/gebuehren/tarif/saetze/{rate.pk}/", {**data, "value": "1"}).status_code == 403
    assert clerk.post(url, data).status_code == 403
    foreign_admin = login(Client(), UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN))
    own = foreign_admin.get("/gebuehren/tarif/")  # the other Kommune's own (empty) tariff
    assert own.status_code == 200 and "3.1.4.2" not in own.content.decode()
    for user in (UserFactory(tenant=tenant, role=Role.APPLICANT), UserFactory(tenant=tenant, role=Role.AGENCY)):
        assert login(Client(), user).get("/gebuehren/tarif/").status_code == 403
    for client in (foreign_admin, login(Client(), UserFactory(tenant=tenant, role=Role.AGENCY))):
        assert client.get(f"/gebuehren/tarif/saetze/{rate.pk}/").status_code == 404
        assert client.post(f"/gebuehren/tarif/saetze/{rate.pk}/", {**data, "value": "1"}).status_code == 404
    rate.refresh_from_db()
    assert str(rate.value) == "6.00"
