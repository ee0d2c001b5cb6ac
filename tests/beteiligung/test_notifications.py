"""The mail to the Fachstelle, received by a real SMTP server (aiosmtpd): Aktenzeichen, what happened and the link to
the Beteiligung — no personal data, no file names, not even the Anschreiben."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.beteiligung import actions
from bauantrag.notifications.models import NotificationLog, NotificationStatus
from tests.factories import UserFactory, run_actions_now
from tests.notifications.conftest import SmtpServer

pytestmark = pytest.mark.django_db


def test_the_fachstelle_and_its_members_get_a_mail_without_personal_data(
    smtp_server: SmtpServer, kommune: Any
) -> None:
    inactive = UserFactory(tenant=kommune.case.tenant, role="agency", username="alt@kreis.example", is_active=False)
    kommune.brandschutz.members.add(inactive)
    smtp_server.inbox.envelopes.clear()  # the applicant's mails of submission and completeness
    with run_actions_now():
        beteiligung = actions.request_beteiligung(
            kommune.clerk, kommune.case, kommune.brandschutz, documents=kommune.documents("1803", "0401"),
            message="Vertraulich: bitte Brandschutzkonzept von Frau Wilhelmine Bauherrin prüfen.",
        )
    inbox = smtp_server.inbox
    assert sorted(address for e in inbox.envelopes for address in e.rcpt_tos) == [
        "bsd@kreis.example", "feuer@kreis.example"]  # the inactive account gets nothing
    case = kommune.case
    vorhaben = case.vorhaben
    personal = (
        vorhaben.bauherr_name, "Wilhelmine", "Bauherrin", kommune.applicant.email, vorhaben.street,
        vorhaben.address_line(), vorhaben.postal_code, vorhaben.flurstueck, vorhaben.description, "vorlage-", ".pdf",
        "Vertraulich", "Brandschutzkonzept", kommune.clerk.last_name,
    )
    link = f"https://bauantrag.kreis.example/beteiligung/{beteiligung.pk}/"
    for index in range(len(inbox.envelopes)):
        assert inbox.subject(index) == f"Bitte um Stellungnahme – Aktenzeichen {case.file_number}"
        text = inbox.parsed(index).get_body(("plain",))
        assert text is not None
        content = text.get_content()
        assert case.file_number in content and link in content
        assert "bittet Ihre Fachstelle um eine Stellungnahme" in content
        everything = inbox.everything(index)
        for value in personal:
            assert value.lower() not in everything.lower(), f"{value!r} must not be in the mail"
    logs = NotificationLog.objects.filter(case=case, event="beteiligung")
    assert {log.status for log in logs} == {NotificationStatus.SENT}
