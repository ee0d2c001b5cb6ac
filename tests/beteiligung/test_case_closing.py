"""A case that closes takes its open Beteiligungen with it: withdrawn (audited), no Stellungnahme any more."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import BeteiligungStatus, Verdict
from bauantrag.cases.models import CaseState
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision import actions as decision

pytestmark = pytest.mark.django_db


def test_withdrawing_the_application_ends_the_open_beteiligungen(kommune: Any) -> None:
    open_one = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                           documents=kommune.documents("1803"), message="Bitte prüfen.")
    answered = actions.request_beteiligung(kommune.clerk, kommune.case, kommune.naturschutz,
                                           documents=kommune.documents("1803"), message="Bitte prüfen.")
    actions.submit_stellungnahme(kommune.naturschutz_member, answered, verdict=Verdict.KEINE_BEDENKEN,
                                 text="Keine Bedenken.")

    decision.record_withdrawal(kommune.clerk, kommune.case, reason="Schreiben der Bauherrin vom 20.11.2026")

    kommune.case.refresh_from_db()
    open_one.refresh_from_db()
    answered.refresh_from_db()
    assert kommune.case.state == CaseState.WITHDRAWN
    assert open_one.status == BeteiligungStatus.WITHDRAWN
    assert open_one.withdraw_reason == "Vorgang abgeschlossen: Antrag zurückgenommen"
    assert answered.status == BeteiligungStatus.ANSWERED  # an answer stays on record
    withdrawn = AuditEvent.objects.filter(event=BeteiligungEvent.BETEILIGUNG_WITHDRAWN, subject_id=str(open_one.pk))
    assert withdrawn.count() == 1
    with pytest.raises(TransitionNotAllowed):
        actions.submit_stellungnahme(kommune.brandschutz_member, open_one, verdict=Verdict.KEINE_BEDENKEN,
                                     text="Zu spät.")


def test_a_mailbox_attachment_cannot_be_shared_as_a_bauvorlage(kommune: Any) -> None:
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bauantrag.correspondence.actions import post_message
    from tests.files import minimal_pdf

    message = post_message(kommune.applicant, kommune.case, "Nachtrag", "Anbei ein Foto.",
                           files=[SimpleUploadedFile("foto.pdf", minimal_pdf("Foto"))])
    attachment = message.attachments.get().document
    with pytest.raises(ValidationError, match="Anhänge von Nachrichten"):
        actions.request_beteiligung(kommune.clerk, kommune.case, kommune.brandschutz,
                                    documents=[attachment], message="Bitte prüfen.")
