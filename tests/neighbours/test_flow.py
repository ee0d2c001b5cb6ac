"""A clerk works through § 72 BauO NRW on a real case through the pages (Django test client, PostgreSQL): the
adjoining Flurstücke from the register, owner and address by hand, the judgement and a consent, the Benachrichtigung
as a letter read back from its PDF, the Zugang and the period by § 31 VwVfG NRW, an Einwendung in time and one late,
the Einwendungen on the decision page, the Baugenehmigung served on the neighbour who did not consent; every step in
the audit trail, nothing of it visible to the applicant."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.correspondence import actions as letters
from bauantrag.correspondence.access import letters_visible_to
from bauantrag.correspondence.models import Letter, LetterKind, LetterState, Recipient
from bauantrag.neighbours.events import NeighbourEvent
from bauantrag.neighbours.models import Affected, Neighbour, Objection
from tests.conftest import login
from tests.correspondence.conftest import pdf_text, stored_pdf
from tests.decision.conftest import approve
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db

SALUTATIONS = re.compile(r"Sehr geehrte|Guten Tag")
CLOSING = "Mit freundlichen Grüßen"
RULE_ID = re.compile(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b")


def url(case: Any) -> str:
    return f"/nachbarn/vorgaenge/{case.pk}/"


def neighbour_data(**extra: str) -> dict[str, str]:
    return {"name": "Petra Nachbar", "anrede": "frau", "street": "Lindenweg 14", "postal_code": "59423",
            "city": "Unna", "flurstueck": "", **extra}


def sent_on(letter: Letter, day: dt.date) -> None:
    """The letter went out by post on ``day`` (the test cannot wait for the calendar)."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    Letter.objects.filter(pk=letter.pk).update(sent_at=moment)


def assert_reads_as_a_letter(text: str, case: Any) -> None:
    assert len(SALUTATIONS.findall(text)) == 1, text
    assert text.count(CLOSING) == 1, text
    assert "XBau" not in text and not RULE_ID.search(text), text
    assert case.file_number in text and "Lindenweg 12, 59423 Unna" in text
    # § 72 Abs. 1 Satz 2: without the names of Bauherrschaft and Entwurfsverfasser/in
    assert "Bauwunsch" not in text and "Dora Entwurf" not in text, text


def test_nachbarbeteiligung_vom_register_bis_zur_zustellung(case: Any, client_of_clerk: Client,
                                                             clerk_of_case: Any, applicant: Any) -> None:
    page = client_of_clerk.get(url(case))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Flur 11, Flurstück 85" in body and "Flur 11, Flurstück 86/2" in body
    assert "Flurstück 86/1<" not in body  # the Baugrundstück itself is no neighbour

    offered = [p.pk for p in page.context["overview"].register_parcels]
    assert client_of_clerk.post(url(case), {"action": "register", "parcels": offered}).status_code == 302
    west, east = Neighbour.objects.filter(case=case).order_by("flurstueck")
    assert (west.flurstueck, east.flurstueck) == ("Unna, Flur 11, Flurstück 85", "Unna, Flur 11, Flurstück 86/2")
    assert west.affected == Affected.OPEN

    # the judgement needs a reason; a wrong postal code gets a German message; nothing is changed then
    bad = client_of_clerk.post(url(case), {"action": "update", "neighbour": west.pk, "affected": "ja",
                                           "affected_reason": "", **neighbour_data(postal_code="594")})
    assert bad.status_code == 400
    assert "Die Postleitzahl hat fünf Ziffern." in bad.content.decode()
    west.refresh_from_db()
    assert west.name == "" and west.affected == Affected.OPEN

    reason = "Abweichung von der Tiefe der Abstandsfläche zur Westgrenze"
    for neighbour, name in ((west, "Petra Nachbar"), (east, "Hans Osten")):
        response = client_of_clerk.post(url(case), {
            "action": "update", "neighbour": neighbour.pk, "affected": "ja", "affected_reason": reason,
            **neighbour_data(name=name, flurstueck=neighbour.flurstueck)})
        assert response.status_code == 302, response.content.decode()[:2000]
    # the eastern neighbour signed the Lageplan and the Bauzeichnungen: no notification (§ 72 Abs. 2 Satz 1)
    today = timezone.localdate()
    assert client_of_clerk.post(url(case), {"action": "consent", "neighbour": east.pk, "consent_on": today,
                                            "consent_kind": "unterschrift"}).status_code == 302
    refused = client_of_clerk.post(url(case), {"action": "notify", "neighbour": east.pk, "abweichungen": ""})
    assert refused.status_code == 400 and "Benachrichtigung entfällt" in refused.content.decode()

    response = client_of_clerk.post(url(case), {
        "action": "notify", "neighbour": west.pk,
        "abweichungen": "Abweichung von der Tiefe der Abstandsfläche an der Westseite: 2,50 m statt 3,00 m "
                        "(§ 6 Abs. 5 BauO NRW)"})
    assert response.status_code == 302
    west.refresh_from_db()
    draft = west.notification_letter
    assert draft is not None and draft.kind == LetterKind.NACHBAR_BENACHRICHTIGUNG
    assert draft.recipient == Recipient.NEIGHBOUR and response["Location"].endswith(f"/schreiben/{draft.pk}/")
    editor = client_of_clerk.get(response["Location"]).content.decode()
    assert "stellen Sie es der Nachbarin / dem Nachbarn zu" in editor, editor[editor.find("Versenden"):][:1500]
    assert "Petra Nachbar" in editor
    sent = letters.send_letter(clerk_of_case, draft)
    text = pdf_text(stored_pdf(sent))
    assert_reads_as_a_letter(text, case)
    assert "Sehr geehrte Frau Nachbar," in text
    assert "Petra Nachbar Lindenweg 14 59423 Unna" in text  # the address in the window
    assert "Gegen Zustellungsurkunde" in text
    assert "Unna, Flur 11, Flurstück 85" in text and "2,50 m statt 3,00 m" in text
    assert "innerhalb von einem Monat nach Zugang dieser Benachrichtigung" in text
    assert "(§ 72 Abs. 1 Satz 4 BauO NRW)" in text and "ausgeschlossen" in text

    # the Zustellungsurkunde says: received Wednesday 07.10.2026 → + one month = Saturday 07.11.2026 → Monday 09.11.
    sent_on(sent, dt.date(2026, 10, 5))
    early = client_of_clerk.post(url(case), {"action": "delivered", "neighbour": west.pk, "zugang": "2026-10-04"})
    assert early.status_code == 400 and "Der Zugang liegt zwischen dem Versand (05.10.2026) und heute." in \
        early.content.decode()
    assert client_of_clerk.post(url(case), {"action": "delivered", "neighbour": west.pk,
                                            "zugang": "2026-10-07"}).status_code == 302
    west.refresh_from_db()
    assert west.notified_on == dt.date(2026, 10, 7) and west.objection_deadline == dt.date(2026, 11, 9)
    assert "§ 31 Abs. 3 Satz 1 VwVfG NRW" in west.deadline_basis
    # the case was submitted after 01.09.2026: the governing Fassung's wording is unknown → zu prüfen
    assert "zu prüfen" in west.deadline_note

    letter_of_neighbour = minimal_pdf("Einwendung Petra Nachbar")
    refused = client_of_clerk.post(url(case), {
        "action": "objection", "neighbour": west.pk, "received_on": "2026-11-09", "form": "textform",
        "text": "Einwendung", "file": SimpleUploadedFile("brief.exe", b"MZ\x90\x00", "application/octet-stream")})
    assert refused.status_code == 400 and "Dateiformat nicht zulässig" in refused.content.decode()
    assert not Objection.objects.filter(neighbour=west).exists()
    for day, words, upload in (
            ("2026-11-09", "Der Schattenwurf nimmt meinem Garten die Sonne.",
             SimpleUploadedFile("einwendung.pdf", letter_of_neighbour, "application/pdf")),
            ("2026-11-10", "Nachtrag: auch die Terrasse liegt im Schatten.", None)):
        data = {"action": "objection", "neighbour": west.pk, "received_on": day, "form": "textform", "text": words}
        if upload is not None:
            data["file"] = upload
        assert client_of_clerk.post(url(case), data).status_code == 302
    in_time, late = Objection.objects.filter(neighbour=west).order_by("received_on")
    assert not in_time.late and late.late
    file_url = f"{url(case)}einwendungen/{in_time.pk}/datei/"
    download = client_of_clerk.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == letter_of_neighbour
    assert download["Content-Disposition"].startswith("attachment") and in_time.file_name == "einwendung.pdf"
    assert in_time.file_sha256 == hashlib.sha256(letter_of_neighbour).hexdigest()

    decision_page = client_of_clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/entscheidung/").content.decode()
    assert "2 Einwendungen liegen vor" in decision_page
    assert "Der Schattenwurf nimmt meinem Garten die Sonne." in decision_page
    assert "nach Ablauf der Frist – Ausschluss nach § 72 Abs. 1 Satz 4 BauO NRW zu prüfen" in decision_page

    bescheid = approve(clerk_of_case, case)
    case_page = client_of_clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Die Baugenehmigung ist 1 Nachbarin / Nachbarn noch zuzustellen" in case_page
    assert client_of_clerk.post(url(case), {"action": "serve_draft"}).status_code == 302
    west.refresh_from_db()
    east.refresh_from_db()
    assert east.decision_letter is None  # consented: nothing to serve
    delivery = west.decision_letter
    assert delivery is not None and delivery.kind == LetterKind.NACHBAR_ZUSTELLUNG
    served = letters.send_letter(clerk_of_case, delivery)
    text = pdf_text(stored_pdf(served))
    assert_reads_as_a_letter(text, case)
    assert f"Datum der Baugenehmigung: {timezone.localdate(bescheid.sent_at):%d.%m.%Y}" in text
    assert "§ 72 Abs. 2 Satz 2 BauO NRW" in text
    assert "Gegen die Baugenehmigung kann innerhalb eines Monats nach ihrer Zustellung Klage erhoben werden." in text
    assert "Verwaltungsgericht Arnsberg" in text
    assert client_of_clerk.post(url(case), {"action": "served", "neighbour": west.pk, "on": today}).status_code == 302
    west.refresh_from_db()
    assert west.decision_served_on == today

    events = set(AuditEvent.objects.filter(case_id=case.pk).values_list("event", flat=True))
    assert events >= {NeighbourEvent.NEIGHBOUR_ADDED, NeighbourEvent.NEIGHBOUR_CHANGED,
                      NeighbourEvent.CONSENT_RECORDED, NeighbourEvent.NOTIFICATION_DRAFTED,
                      NeighbourEvent.NOTIFICATION_DELIVERED, NeighbourEvent.OBJECTION_RECORDED,
                      NeighbourEvent.DECISION_DRAFTED, NeighbourEvent.DECISION_SERVED}
    delivered = AuditEvent.objects.get(case_id=case.pk, event=NeighbourEvent.NOTIFICATION_DELIVERED)
    assert delivered.after["deadline"] == "2026-11-09" and delivered.actor == clerk_of_case

    # third parties' data stays with the Bauaufsicht
    assert not letters_visible_to(applicant).filter(recipient=Recipient.NEIGHBOUR).exists()
    applicant_client = login(Client(), applicant)
    assert applicant_client.get(url(case)).status_code in (403, 404)
    assert applicant_client.get(file_url).status_code == 404
    assert Letter.objects.filter(case=case, recipient=Recipient.NEIGHBOUR, state=LetterState.SENT).count() == 2


def test_hand_erfasster_nachbar_ohne_anschrift_wird_nicht_benachrichtigt(case: Any, client_of_clerk: Client) -> None:
    response = client_of_clerk.post(url(case), {"action": "add", **neighbour_data(street="", city="")})
    assert response.status_code == 302
    neighbour = Neighbour.objects.get(case=case)
    assert neighbour.source == "manual"
    Neighbour.objects.filter(pk=neighbour.pk).update(affected=Affected.YES)
    refused = client_of_clerk.post(url(case), {"action": "notify", "neighbour": neighbour.pk})
    assert refused.status_code == 400
    assert "fehlen Name oder Anschrift" in refused.content.decode()
    assert not Letter.objects.filter(case=case, kind=LetterKind.NACHBAR_BENACHRICHTIGUNG).exists()


def test_ein_nachbar_eines_anderen_vorgangs_ist_nicht_erreichbar(case: Any, client_of_clerk: Client,
                                                                applicant: Any) -> None:
    from tests.factories import complete_case

    other = complete_case(applicant)
    client_of_clerk.post(url(other), {"action": "add", **neighbour_data()})
    foreign = Neighbour.objects.get(case=other)
    response = client_of_clerk.post(url(case), {"action": "consent", "neighbour": foreign.pk,
                                                "consent_on": timezone.localdate(), "consent_kind": "unterschrift"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.consent_on is None
