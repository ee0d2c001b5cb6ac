"""The clerk's fee page: the calculation line by line with Tarifstellen and sources, what is missing, the override
with a reason (audited) and the Kassenzeichen (the Kommune's format and sequence, unique, the fee fixed then)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.decision.actions import record_withdrawal
from bauantrag.fees.assessment import current_assessment
from bauantrag.fees.events import FeeEvent
from bauantrag.fees.models import CaseFee, TariffRate
from tests.conftest import login
from tests.factories import UserFactory, clerk_for, submitted_case

pytestmark = pytest.mark.django_db

# VALID_VORHABEN: a Wohngebäude (Gebäudeart Nr. 1) of 720 m³ in the vereinfachtes Verfahren.
# 720 m³ × 172 €/m³ = 123 840,00 €; × 6 / 1000 = 743,04 €.


def test_without_the_kommunes_figures_the_clerk_sees_which_ones_are_missing(clerk_client: Client,
                                                                              applicant: Any) -> None:
    case = submitted_case(applicant)
    page = clerk_client.get(f"/gebuehren/vorgaenge/{case.pk}/").content.decode()
    assert "Satz fehlt" in page and "Rohbauwert für Nr. 1 Wohngebäude" in page and "Mindestgebühr: Betrag fehlt" in page
    assert current_assessment(case) is None
    refused = clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"})
    assert refused.status_code == 400 and "noch nicht vollständig berechnet" in refused.content.decode()
    assert not CaseFee.objects.filter(case=case).exclude(kassenzeichen="").exists()


def test_the_clerk_sees_the_calculation_and_fixes_it_with_a_kassenzeichen(
        tariff: None, clerk_client: Client, clerk: Any, applicant: Any, admin_client: Client) -> None:
    case = submitted_case(applicant)
    overview = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "743,04 €" in overview and f"/gebuehren/vorgaenge/{case.pk}/" in overview  # the panel on the case page
    page = clerk_client.get(f"/gebuehren/vorgaenge/{case.pk}/").content.decode()
    assert "Brutto-Rauminhalt 720 m³ × Rohbauwert 172,00 €/m³" in page and "= 123.840,00 €" in page
    assert "6 Tausendstel der Rohbausumme von 123.840,00 €" in page and "743,04 €" in page
    assert "Gebührensatz der Testkommune, gültig ab 01.01.2026" in page  # the source of each line
    assert "Tarifstellen 3.1.1.2, 3.1.4.2 des Allgemeinen Gebührentarifs" in page

    response = clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"})
    assert response.status_code == 302
    fee = CaseFee.objects.get(case=case)
    year = timezone.localdate().year
    assert fee.kassenzeichen == f"GEB/{year}/00001"
    assert fee.due_date == timezone.localdate() + dt.timedelta(days=30)
    assessment = current_assessment(case)
    assert assessment is not None and assessment.total == Decimal("743.04")
    assert assessment.kassenzeichen == fee.kassenzeichen
    assert [(line.tarifstelle, line.amount) for line in assessment.lines] == [("3.1.4.2", Decimal("743.04"))]
    assert "Tarifstellen 3.1.1.2, 3.1.4.2" in assessment.legal_basis

    # the next case gets the next number; a tariff change later leaves the fixed fee alone
    second = submitted_case(applicant)
    clerk_client.post(f"/gebuehren/vorgaenge/{second.pk}/", {"schritt": "kassenzeichen"})
    assert CaseFee.objects.get(case=second).kassenzeichen == f"GEB/{year}/00002"
    rate = TariffRate.objects.get(tarifstelle="3.1.4.2")
    changed = admin_client.post(f"/gebuehren/tarif/saetze/{rate.pk}/", {
        "purpose": "vereinfachtes_verfahren", "tarifstelle": "3.1.4.2", "label": "Vereinfachtes Verfahren",
        "kind": "promille", "value": "10", "valid_from": "2026-01-01", "source": "geändert"})
    assert changed.status_code == 302
    assessment = current_assessment(case)
    assert assessment is not None and assessment.total == Decimal("743.04")
    third = submitted_case(applicant)
    assert (current_assessment(third) or pytest.fail("no fee")).total == Decimal("1238.40")  # 123 840 × 10/1000

    # fixed: no further change
    late = clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "festsetzen", "total": "100",
                                                                 "reason": "zu spät"})
    assert late.status_code == 400 and "kann nicht mehr geändert werden" in late.content.decode()
    event = AuditEvent.objects.get(event=FeeEvent.KASSENZEICHEN_ASSIGNED, case_id=case.pk)
    assert event.after["total"] == "743.04" and event.actor_id == clerk.pk


def test_the_clerk_overrides_the_amount_only_with_a_reason_and_the_trail_keeps_both(
        tariff: None, clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    without = clerk_client.post(url, {"schritt": "festsetzen", "total": "600,00", "reason": "  "})
    assert without.status_code == 400 and current_assessment(case).total == Decimal("743.04")  # type: ignore[union-attr]
    assert clerk_client.post(url, {"schritt": "festsetzen", "total": "600,00",
                                   "reason": "Geringer Prüfaufwand, Typenhaus"}).status_code == 302
    assessment = current_assessment(case)
    assert assessment is not None and assessment.total == Decimal("600.00") and assessment.overridden
    assert [line.amount for line in assessment.lines] == [Decimal("743.04"), Decimal("-143.04")]
    assert assessment.lines[1].explanation == "Geringer Prüfaufwand, Typenhaus"
    event = AuditEvent.objects.get(event=FeeEvent.OVERRIDDEN, case_id=case.pk)
    assert event.after == {"override_total": "600.00", "override_reason": "Geringer Prüfaufwand, Typenhaus",
                           "calculated_total": "743.04"}
    assert clerk_client.post(url, {"schritt": "berechnet"}).status_code == 302
    assert current_assessment(case).total == Decimal("743.04")  # type: ignore[union-attr]
    assert AuditEvent.objects.filter(event=FeeEvent.OVERRIDE_REMOVED, case_id=case.pk).exists()


def test_a_withdrawn_case_is_charged_the_withdrawal_share(tariff: None, clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    record_withdrawal(clerk_for(case.tenant), case, reason="Erklärung der Bauherrschaft vom 01.12.2026")
    case.refresh_from_db()
    # 743,04 € × 25 % = 185,76 €
    assessment = current_assessment(case)
    assert assessment is not None and assessment.total == Decimal("185.76")
    assert [line.amount for line in assessment.lines] == [Decimal("743.04"), Decimal("-557.28")]
    assert clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"}).status_code == 302


def test_the_clerk_chooses_the_gebaeudeart_where_the_use_does_not_tell(tariff: None, clerk_client: Client,
                                                                        applicant: Any) -> None:
    case = submitted_case(applicant, use="garage")
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    unchosen = clerk_client.get(url).content.decode()
    assert "Gebäudeart nach Anhang 1 zu Tarifstelle 3.1.1.2 ist nicht gewählt." in unchosen
    assert clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "18", "procedure": ""}).status_code == 302
    page = clerk_client.get(url).content.decode()
    assert "Rohbauwert für Nr. 18 Kleingaragen, gültig am" in page  # the Kommune has not entered that one yet
    assert AuditEvent.objects.filter(event=FeeEvent.BASIS_SET, case_id=case.pk).exists()
    assert clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "99"}).status_code == 400


def test_only_the_kommunes_casework_reaches_the_fee_page(tariff: None, applicant: Any, other_tenant: Any,
                                                          tenant: Any) -> None:
    case = submitted_case(applicant)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    for user in (applicant, UserFactory(tenant=tenant, role=Role.AGENCY),
                 UserFactory(tenant=other_tenant, role=Role.CLERK)):
        client = login(Client(), user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"schritt": "kassenzeichen"}).status_code == 404
    assert not CaseFee.objects.exists()


def test_a_rahmengebuehr_is_set_by_the_clerk_within_its_frame(tariff: None, admin_client: Client,
                                                              clerk_client: Client, applicant: Any) -> None:
    assert admin_client.post("/gebuehren/tarif/saetze/neu/", {
        "purpose": "genehmigungsfreistellung", "tarifstelle": "3.1.3.1", "label": "Freistellung", "kind": "rahmen",
        "value": "50", "value_max": "500", "valid_from": "2026-01-01", "source": "Satzung der Testkommune",
    }).status_code == 302
    case = submitted_case(applicant)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "1", "procedure": "genehmigungsfreistellung"})
    page = clerk_client.get(url).content.decode()
    assert "Rahmengebühr von 50,00 € bis 500,00 €: die Sachbearbeitung setzt den Betrag im Rahmen fest." in page
    assert current_assessment(case) is None
    outside = clerk_client.post(url, {"schritt": "festsetzen", "total": "600", "reason": "Aufwand"})
    assert outside.status_code == 400 and "zwischen 50,00 € und 500,00 €" in outside.content.decode()
    assert clerk_client.post(url, {"schritt": "festsetzen", "total": "120", "reason": "Einfacher Fall"}
                             ).status_code == 302
    assessment = current_assessment(case)
    assert assessment is not None and assessment.total == Decimal("120.00")
    assert [(line.tarifstelle, line.amount) for line in assessment.lines] == [("3.1.3.1", Decimal("120.00"))]


def test_the_bescheid_block_states_the_fixed_fee_with_kassenzeichen_and_legal_basis(
        tariff: None, clerk_client: Client, applicant: Any) -> None:
    from django.template.loader import render_to_string

    case = submitted_case(applicant)
    clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"})
    assessment = current_assessment(case)
    assert assessment is not None
    text = " ".join(render_to_string("fees/bescheid_festsetzung.html", {"assessment": assessment}).split())
    assert "Verwaltungsgebühr von 743,04 € festgesetzt (§ 1 Abs. 1 AVwGebO NRW" in text
    assert "= 123.840,00 €" in text and "3.1.4.2" in text
    due = f"{assessment.due_date:%d.%m.%Y}"
    assert (f"bis zum {due} unter Angabe des Kassenzeichens {assessment.kassenzeichen} auf das Konto: Stadtkasse "
            "Musterstadt, IBAN DE02 1203 0000 0000 2020 51.") in text


def test_the_clerk_sets_the_volume_when_the_application_lacks_it(tariff: None, clerk_client: Client,
                                                                  applicant: Any) -> None:
    case = submitted_case(applicant, gross_volume_m3=None)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    assert "Brutto-Rauminhalt (m³) nach DIN 277:2021-08 fehlt" in clerk_client.get(url).content.decode()
    assert clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "1", "procedure": "",
                                   "gross_volume_m3": "0"}).status_code == 400
    assert clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "1", "procedure": "",
                                   "gross_volume_m3": "850,00"}).status_code == 302
    # 850 m³ × 172 €/m³ = 146 200,00 €; × 6 / 1000 = 877,20 €
    assert (current_assessment(case) or pytest.fail("no fee")).total == Decimal("877.20")
    event = AuditEvent.objects.get(event=FeeEvent.BASIS_SET, case_id=case.pk)
    assert event.after["gross_volume_m3"] == "850.00"


def test_a_format_without_the_year_counts_on_across_years(tariff: None, admin_client: Client, clerk_client: Client,
                                                           applicant: Any, tenant: Any) -> None:
    from bauantrag.fees.models import KassenzeichenSequence

    assert admin_client.post("/gebuehren/tarif/einstellungen/", {
        "kassenzeichen_format": "5{NR}", "number_digits": "7", "booking_account": "", "payment_details": "",
        "payment_days": "14"}).status_code == 302
    KassenzeichenSequence.objects.create(tenant=tenant, year=0, last_number=41)  # numbers given in earlier years
    case = submitted_case(applicant)
    clerk_client.post(f"/gebuehren/vorgaenge/{case.pk}/", {"schritt": "kassenzeichen"})
    fee = CaseFee.objects.get(case=case)
    assert fee.kassenzeichen == "50000042" and fee.due_date == timezone.localdate() + dt.timedelta(days=14)


def test_a_refusal_prepared_while_the_case_is_open_is_charged_as_a_refusal(
        tariff: None, admin_client: Client, clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    assert current_assessment(case, "refused") is None  # the Kommune has no refusal percentage yet
    assert clerk_client.post(url, {"schritt": "grundlagen", "gebaeudeart": "1", "procedure": "",
                                   "outcome": "ablehnung"}).status_code == 302
    assert "Ablehnung des Bauantrags: Prozentsatz der Gebühr fehlt" in clerk_client.get(url).content.decode()
    assert admin_client.post("/gebuehren/tarif/saetze/neu/", {
        "purpose": "ablehnung", "tarifstelle": "3.1.4.9", "label": "Ablehnung", "kind": "prozent", "value": "50",
        "valid_from": "2026-01-01", "source": "Satzung der Testkommune"}).status_code == 302
    # 743,04 € × 50 % = 371,52 €
    assert (current_assessment(case) or pytest.fail("no fee")).total == Decimal("371.52")
    assert (current_assessment(case, "approved") or pytest.fail("no fee")).total == Decimal("743.04")


def test_a_fee_fixed_as_an_approval_warns_when_the_case_is_withdrawn_afterwards(
        tariff: None, clerk_client: Client, applicant: Any) -> None:
    case = submitted_case(applicant)
    url = f"/gebuehren/vorgaenge/{case.pk}/"
    clerk_client.post(url, {"schritt": "kassenzeichen"})
    assert "entschieden wurde inzwischen" not in clerk_client.get(url).content.decode()
    record_withdrawal(clerk_for(case.tenant), case, reason="Erklärung der Bauherrschaft")
    page = clerk_client.get(url).content.decode()
    assert "Die Gebühr wurde für die Entscheidung „Genehmigung“ festgesetzt; entschieden wurde inzwischen " \
           "„Rücknahme“." in page
    assert (current_assessment(case) or pytest.fail("no fee")).total == Decimal("743.04")  # fixed stays fixed
