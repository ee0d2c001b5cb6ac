"""Öffentliche Bekanntmachung (§ 72 Abs. 3 to 6 BauO NRW) through the clerk's page: the notice of a Vorhaben with
the Auslegung and the period for Einwendungen, its text read back from the PDF; the notice of the Baugenehmigung
instead of serving it on more than 20 neighbours; the software's suggestions stay suggestions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.cases.display import latest_run
from bauantrag.correspondence.models import LetterKind, Recipient
from bauantrag.correspondence.pdf import render_letter
from bauantrag.neighbours import actions
from bauantrag.neighbours.events import NeighbourEvent
from bauantrag.neighbours.models import Affected, Neighbour, PublicNotice
from tests.correspondence.conftest import pdf_text
from tests.decision.conftest import approve

pytestmark = pytest.mark.django_db

RULE_ID = re.compile(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b")


def url(case: Any) -> str:
    return f"/nachbarn/vorgaenge/{case.pk}/"


def notice(**extra: str) -> dict[str, str]:
    return {"action": "notice", "kind": "vorhaben", "published_on": "2027-02-20",
            "published_in": "Amtsblatt der Stadt Musterstadt Nr. 4/2027 und im Internet",
            "inspection_place": "im Rathaus, Zimmer 204, montags bis freitags 8 bis 12 Uhr",
            "display_from": "2027-03-02", **extra}


def test_bekanntmachung_des_vorhabens_mit_auslegung_und_einwendungsfrist(case: Any, client_of_clerk: Client,
                                                                          clerk_of_case: Any) -> None:
    wrong = client_of_clerk.post(url(case), notice(display_from="2027-02-20"))
    assert wrong.status_code == 400
    assert "Die Auslegung beginnt nach der Bekanntmachung (§ 72 Abs. 5 Satz 1 BauO NRW)." in wrong.content.decode()
    assert not PublicNotice.objects.filter(case=case).exists()

    assert client_of_clerk.post(url(case), notice()).status_code == 302
    row = PublicNotice.objects.get(case=case)
    # Auslegung 02.03.2027 + one month → Donnerstag 01.04.2027; Einwendungen two weeks later → Donnerstag 15.04.2027
    assert (row.display_from, row.display_until, row.objections_until) == (
        dt.date(2027, 3, 2), dt.date(2027, 4, 1), dt.date(2027, 4, 15))
    assert row.letter is not None and row.letter.kind == LetterKind.BEKANNTMACHUNG
    assert row.letter.recipient == Recipient.PUBLIC
    text = pdf_text(render_letter(row.letter, sent_at=None, sender=None).data)
    assert "Sehr geehrte" not in text and "Mit freundlichen Grüßen" not in text  # a notice, not a letter
    assert case.file_number in text and "Lindenweg 12, 59423 Unna" in text
    assert "vom 02.03.2027 bis zum 01.04.2027 im Rathaus, Zimmer 204" in text
    assert "bis zum 15.04.2027 (zwei Wochen nach Ablauf der Auslegungsfrist)" in text
    assert "alle öffentlich-rechtlichen Einwendungen ausgeschlossen" in text
    assert "Amtsblatt der Stadt Musterstadt Nr. 4/2027" in text
    assert "Bauwunsch" not in text and "XBau" not in text and not RULE_ID.search(text)
    recorded = AuditEvent.objects.get(case_id=case.pk, event=NeighbourEvent.NOTICE_RECORDED)
    assert recorded.after["objections_until"] == "2027-04-15"

    page = client_of_clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Auslegung 02.03.2027 bis 01.04.2027" in page and "Einwendungen bis 15.04.2027" in page

    # § 72 Abs. 3: after the Bekanntmachung of the Vorhaben Abs. 1 and 2 do not apply – no single notification
    neighbour = actions.add_neighbour(clerk_of_case, case, {"name": "Petra Nachbar", "street": "Lindenweg 14",
                                                            "postal_code": "59423", "city": "Unna"})
    Neighbour.objects.filter(pk=neighbour.pk).update(affected=Affected.YES, affected_reason="Abstandsfläche")
    refused = client_of_clerk.post(url(case), {"action": "notify", "neighbour": neighbour.pk})
    assert refused.status_code == 400 and "(§ 72 Abs. 3 BauO NRW)" in refused.content.decode()
    # and the Baugenehmigung is announced, not served (Abs. 6 Satz 2)
    approve(clerk_of_case, case)
    page = client_of_clerk.get(url(case)).content.decode()
    assert "Die Baugenehmigung ist öffentlich bekannt zu machen (§ 72 Abs. 6 Satz 2 BauO NRW)" in page
    assert "Schreiben zur Zustellung entwerfen" not in page


def test_bekanntmachung_der_baugenehmigung_statt_zustellung_an_mehr_als_20_nachbarn(
        case: Any, client_of_clerk: Client, clerk_of_case: Any) -> None:
    early = client_of_clerk.post(url(case), notice(kind="bescheid", display_from=""))
    assert early.status_code == 400 and "noch nicht versandt" in early.content.decode()

    for number in range(21):
        actions.add_neighbour(clerk_of_case, case, {"name": f"Nachbar {number}", "street": f"Weg {number}",
                                                    "postal_code": "59423", "city": "Unna"})
    Neighbour.objects.filter(case=case).update(affected=Affected.YES, affected_reason="Abstandsfläche")
    approve(clerk_of_case, case)
    page = client_of_clerk.get(url(case)).content.decode()
    assert "Die Zustellung kann durch öffentliche Bekanntmachung ersetzt werden (§ 72 Abs. 6 Satz 1 BauO NRW)" in page

    assert client_of_clerk.post(url(case), notice(kind="bescheid", published_on="2027-02-03",
                                                  display_from="")).status_code == 302
    row = PublicNotice.objects.get(case=case)
    # the Bescheid lies out from the day after the notice for two weeks: 04.02. to Mittwoch 17.02.2027
    assert (row.display_from, row.display_until, row.objections_until) == (
        dt.date(2027, 2, 4), dt.date(2027, 2, 17), None)
    assert row.legal_basis == "§ 72 Abs. 6 Satz 4 und 8 BauO NRW"
    text = pdf_text(render_letter(row.letter, sent_at=None, sender=None).data)
    assert "Die Zustellung der Baugenehmigung an die Nachbarinnen und Nachbarn wird durch diese öffentliche " \
           "Bekanntmachung ersetzt" in text
    assert "vom 04.02.2027 bis zum 17.02.2027" in text and "als zugestellt" in text
    # served by the notice: no single letters any more
    refused = client_of_clerk.post(url(case), {"action": "serve_draft"})
    assert refused.status_code == 400 and "öffentlich bekannt gemacht" in refused.content.decode()
    assert not Neighbour.objects.filter(case=case, decision_letter__isnull=False).exists()


def test_vorschlaege_aus_register_und_befund_entscheiden_nichts(case: Any, client_of_clerk: Client) -> None:
    run = latest_run(case)
    assert run is not None
    run.findings.create(
        tenant_id=case.tenant_id, position=99, rule="bauo_nrw.6.abstandsflaechen", status="needs_review",
        legal_basis="§ 6 Abs. 5 BauO NRW", message="Die Abstandsfläche der Westwand reicht 0,50 m über die Grenze.",
    )
    page = client_of_clerk.get(url(case)).content.decode()
    assert "Vorschlag:" in page and "Die Abstandsfläche der Westwand reicht 0,50 m über die Grenze." in page
    assert "§ 6 Abs. 5 BauO NRW" in page
    assert not Neighbour.objects.filter(case=case).exists()  # suggested, not taken


def test_baugrundstueck_nicht_im_register(case: Any, client_of_clerk: Client) -> None:
    vorhaben = case.vorhaben
    vorhaben.flurstueck = "999"
    vorhaben.save()
    page = client_of_clerk.get(url(case)).content.decode()
    assert "Das Baugrundstück ist im Flurstücksregister der Kommune nicht gefunden worden" in page
