"""Notification mails received by a real SMTP server: sender of the Kommune, Aktenzeichen, link — nothing else."""

from __future__ import annotations

import pytest
from django.test import Client

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.cases import actions
from bauantrag.cases.models import Case
from bauantrag.cases.open_findings import open_findings
from bauantrag.notifications.models import NotificationLog, NotificationStatus
from tests.factories import (
    VALID_VORHABEN,
    UserFactory,
    add_documents,
    clerk_for,
    complete_case,
    draft_case,
    nachforderung_case,
    run_actions_now,
    submitted_case,
)
from tests.notifications.conftest import SmtpServer

pytestmark = pytest.mark.django_db

SENDER = "Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>"
PERSONAL = (
    VALID_VORHABEN["bauherr_name"], "Erika", "Mustermann", VALID_VORHABEN["street"], "Lindenweg 12", "59423",
    "Unna", VALID_VORHABEN["flurstueck"], "Flurstück", "Gemarkung", "Einfamilienhaus", "vorlage-", ".pdf",
)


def _with_sender(tenant: Tenant) -> Tenant:
    tenant.mail_sender = SENDER
    tenant.full_clean()
    tenant.save()
    return tenant


def _assert_no_personal_data(text: str, *others: str) -> None:
    for value in (*PERSONAL, *others):
        assert value.lower() not in text.lower(), f"{value!r} must not be in the mail"


def test_submission_through_the_portal_sends_the_eingangsbestaetigung(
    smtp_server: SmtpServer, tenant: Tenant, applicant: User, applicant_client: Client
) -> None:
    _with_sender(tenant)
    case = draft_case(applicant)
    add_documents(case)
    with run_actions_now():
        response = applicant_client.post(f"/antraege/{case.pk}/einreichen/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.file_number

    inbox = smtp_server.inbox
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.mail_from == "bauaufsicht@musterstadt.example"
    assert envelope.rcpt_tos == [applicant.email]
    mail = inbox.parsed(0)
    assert mail["From"] == SENDER
    assert mail["To"] == applicant.email
    assert inbox.subject(0) == f"Eingangsbestätigung – Aktenzeichen {case.file_number}"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail.get_content_type() == "multipart/alternative"
    assert not any(part.get_filename() for part in mail.walk()), "no attachments"
    link = f"https://bauantrag.kreis.example/antraege/{case.pk}/"
    text = mail.get_body(("plain",))
    html = mail.get_body(("html",))
    assert text is not None and html is not None
    assert case.file_number in text.get_content() and link in text.get_content()
    assert "ist bei der Bauaufsichtsbehörde eingegangen" in text.get_content()
    assert f'<a href="{link}">' in html.get_content()
    _assert_no_personal_data(inbox.everything(0), applicant.first_name, applicant.last_name)

    log = NotificationLog.objects.get(case=case)
    assert (log.event, log.status, log.attempts, log.recipient) == ("submitted", NotificationStatus.SENT, 1,
                                                                     applicant.email)
    assert log.sent_at is not None and log.message_id == mail["Message-ID"]


def test_applicant_and_designer_each_get_their_own_mail_without_the_others_address(
    smtp_server: SmtpServer, tenant: Tenant
) -> None:
    designer = UserFactory(tenant=tenant, role=Role.DESIGNER, email="planerin@architektur.example")
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT, email="bauherrin@privat.example")
    case = draft_case(designer)
    Case.objects.filter(pk=case.pk).update(applicant=applicant)  # the designer filed it for the Bauherrin
    case.refresh_from_db()
    add_documents(case, ())
    with run_actions_now():
        actions.submit(designer, case)

    inbox = smtp_server.inbox
    assert sorted(env.rcpt_tos[0] for env in inbox.envelopes) == [applicant.email, designer.email]
    for index, envelope in enumerate(inbox.envelopes):
        other = designer.email if envelope.rcpt_tos == [applicant.email] else applicant.email
        assert envelope.mail_from == "betrieb@bauantrag.example"  # no sender set for this Kommune
        _assert_no_personal_data(inbox.everything(index), other, designer.last_name, applicant.last_name)


def test_nachforderung_resubmission_and_completeness_are_notified(smtp_server: SmtpServer, tenant: Tenant) -> None:
    _with_sender(tenant)
    applicant = UserFactory(tenant=tenant)
    case = nachforderung_case(applicant)
    inbox = smtp_server.inbox
    subjects = [inbox.subject(i) for i in range(len(inbox.envelopes))]
    assert subjects == [
        f"Eingangsbestätigung – Aktenzeichen {case.file_number}",
        f"Nachforderung von Unterlagen – Aktenzeichen {case.file_number}",
    ]
    nachforderung = inbox.everything(1)
    assert "§ 71 Abs. 1 BauO NRW" in nachforderung
    assert f"https://bauantrag.kreis.example/antraege/{case.pk}/" in nachforderung
    # What is missing, why, and the clerk's words stay in the portal.
    _assert_no_personal_data(nachforderung, "Baubeschreibung", "Bitte reichen Sie", "fehlt", clerk_for.__name__)

    with run_actions_now():
        actions.resubmit(applicant, case)
    assert inbox.subject(2) == f"Erneute Einreichung eingegangen – Aktenzeichen {case.file_number}"
    with run_actions_now():
        actions.confirm_completeness(clerk_for(tenant), case)
    assert inbox.subject(3) == f"Vollständigkeitsbestätigung – Aktenzeichen {case.file_number}"
    assert "Vollständigkeit Ihres Bauantrags bestätigt" in inbox.everything(3)
    for index in range(4):
        assert inbox.parsed(index)["From"] == SENDER
        _assert_no_personal_data(inbox.everything(index), applicant.last_name)
    assert list(NotificationLog.objects.filter(case=case).order_by("created_at").values_list("event", "round")) == [
        ("submitted", 1), ("nachforderung", 1), ("resubmitted", 2), ("complete", 2),
    ]
    assert set(NotificationLog.objects.filter(case=case).values_list("status", flat=True)) == {"sent"}


def test_completeness_mail_of_a_directly_complete_case(smtp_server: SmtpServer, tenant: Tenant) -> None:
    case = complete_case(UserFactory(tenant=tenant))
    subjects = [smtp_server.inbox.subject(i) for i in range(len(smtp_server.inbox.envelopes))]
    assert subjects[-1] == f"Vollständigkeitsbestätigung – Aktenzeichen {case.file_number}"
    assert len(subjects) == 2


def test_the_clerk_confirms_completeness_in_the_workspace_and_the_mail_arrives(
    smtp_server: SmtpServer, tenant: Tenant, clerk_client: Client
) -> None:
    _with_sender(tenant)
    case = submitted_case(UserFactory(tenant=tenant))
    with run_actions_now():
        url = f"/bauaufsicht/vorgaenge/{case.pk}/vollstaendig/"
        shown = [str(f.pk) for f in open_findings(case)]  # the second step, after the list of open findings
        response = clerk_client.post(url, {"bestaetigt": "1", "befund": shown})
    assert response.status_code == 302
    inbox = smtp_server.inbox
    assert len(inbox.envelopes) == 2
    assert inbox.subject(1) == f"Vollständigkeitsbestätigung – Aktenzeichen {case.file_number}"
    assert inbox.parsed(1)["From"] == SENDER
