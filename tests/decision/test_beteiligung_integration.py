"""With the Beteiligung app: an overdue request stands out in the queue, and the Nebenbestimmungen of a
Stellungnahme prefill the decision and end up in the sent Baugenehmigung (real objects, no stand-ins)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.accounts.models import Role
from bauantrag.beteiligung import actions as beteiligung_actions
from bauantrag.beteiligung.models import Beteiligung, Fachstelle, FachstelleKind, Verdict
from bauantrag.cases.models import CaseState
from bauantrag.cases.running_due import store as store_running_due
from bauantrag.correspondence import actions as letters
from bauantrag.correspondence.models import Letter, LetterKind
from tests.conftest import login
from tests.factories import UserFactory, clerk_for, complete_case, run_actions_now

pytestmark = pytest.mark.django_db


def ask(clerk: Any, case: Any, name: str = "Brandschutzdienststelle des Kreises Unna") -> tuple[Beteiligung, Any]:
    member = UserFactory(tenant=case.tenant, role=Role.AGENCY)
    fachstelle = Fachstelle.objects.create(tenant=case.tenant, name=name, kind=FachstelleKind.BRANDSCHUTZ)
    fachstelle.members.add(member)
    with run_actions_now():
        beteiligung = beteiligung_actions.request_beteiligung(
            clerk, case, fachstelle, documents=list(case.documents.all()[:2]), message="Bitte um Stellungnahme."
        )
    return beteiligung, member


def test_overdue_beteiligung_stands_out_in_the_queue(applicant: Any) -> None:
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    beteiligung, _member = ask(clerk, case)
    client = login(Client(), clerk)
    row = client.get("/bauaufsicht/").content.decode()
    row = row[row.index(case.file_number):]
    row = row[: row.index("</tr>")]
    assert "Beteiligung Brandschutzdienststelle des Kreises Unna" in row and "überfällig" not in row
    assert f"{beteiligung.deadline:%d.%m.%Y}" in row
    Beteiligung.objects.filter(pk=beteiligung.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    store_running_due([case.pk])  # update() bypasses the receivers that keep the queue's stored deadline
    html = client.get("/bauaufsicht/?ansicht=frist").content.decode()
    row = html[html.index(case.file_number):]
    assert "überfällig" in row[: row.index("</tr>")]


def test_conditions_of_the_stellungnahme_reach_the_baugenehmigung(applicant: Any) -> None:
    from bauantrag.correspondence.models import Letterhead, Textbaustein

    Letterhead.objects.get_or_create(tenant=applicant.tenant, defaults={"court_name": "Verwaltungsgericht Arnsberg"})
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    beteiligung, member = ask(clerk, case)
    with run_actions_now():
        beteiligung_actions.submit_stellungnahme(
            member, beteiligung, verdict=Verdict.ZUSTIMMUNG_NEBENBESTIMMUNGEN, text="Zustimmung unter Auflagen.",
            conditions=[{"text": "Rauchwarnmelder in allen Aufenthaltsräumen.", "legal_basis": "§ 47 Abs. 3 BauO NRW"}],
        )
    baustein = Textbaustein.objects.create(
        tenant=case.tenant, kind="hinweis", title="Baumschutz", text="Bäume sind während der Bauzeit zu schützen.",
        legal_basis="§ 4 Baumschutzsatzung Musterstadt")
    client = login(Client(), clerk)
    url = f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/"
    html = client.get(url).content.decode()
    assert "Rauchwarnmelder in allen Aufenthaltsräumen." in html
    assert "Brandschutzdienststelle des Kreises Unna – § 47 Abs. 3 BauO NRW" in html
    assert "Hinweis: Baumschutz (§ 4 Baumschutzsatzung Musterstadt)" in html  # the Kommune's Textbaustein
    response = client.post(url, {"outcome": "approve", "condition_0": "Rauchwarnmelder in allen Aufenthaltsräumen.",
                                 "condition_0_kind": "auflage", "condition_0_reason": "Rettung von Menschen.",
                                 "bausteine": [str(baustein.pk)], "reasons": ""})
    assert response.status_code == 302
    draft = Letter.objects.get(case=case, kind=LetterKind.BAUGENEHMIGUNG)
    assert ("1. Rauchwarnmelder in allen Aufenthaltsräumen.\nRechtsgrundlage: § 47 Abs. 3 BauO NRW\n"
            "Begründung: Rettung von Menschen.\nGefordert von: Brandschutzdienststelle des Kreises Unna") in draft.body
    assert "Bäume sind während der Bauzeit zu schützen. (§ 4 Baumschutzsatzung Musterstadt)" in draft.body
    with run_actions_now():
        letters.send_letter(clerk, draft)
    case.refresh_from_db()
    assert case.state == CaseState.APPROVED
    assert case.decision_conditions == [{
        "kind": "auflage", "text": "Rauchwarnmelder in allen Aufenthaltsräumen.", "reason": "Rettung von Menschen.",
        "fachstelle": "Brandschutzdienststelle des Kreises Unna", "legal_basis": "§ 47 Abs. 3 BauO NRW",
    }, {"kind": "hinweis", "text": "Bäume sind während der Bauzeit zu schützen.",
        "legal_basis": "§ 4 Baumschutzsatzung Musterstadt"}]
