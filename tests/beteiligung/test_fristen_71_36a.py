"""Review items M4 and M20: the periods of the hearing.

§ 71 Abs. 4 Satz 1 BauO NRW: „Die Bauaufsichtsbehörde setzt unter den Voraussetzungen des Absatzes 3 eine angemessene
Frist; sie darf höchstens zwei Monate betragen.“ § 71 Abs. 6 Satz 3: „Die Fristen nach Absatz 4 dürfen nur
ausnahmsweise bis zu einem Monat verlängert werden, im vereinfachten Baugenehmigungsverfahren jedoch nur, wenn das
Einvernehmen der Gemeinde nach § 36 Absatz 1 Satz 1 und 2 des Baugesetzbuches erforderlich ist.“
§ 36a Abs. 1 Satz 4 BauGB: „Die Zustimmung der Gemeinde gilt als erteilt, wenn sie nicht binnen drei Monaten nach
Eingang des Ersuchens der Genehmigungsbehörde verweigert wird“.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import Beteiligung, Fachstelle
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.rules.calendar import add_months, add_months_deadline
from tests.conftest import login

pytestmark = pytest.mark.django_db


def ask(kommune: Any, fachstelle: Fachstelle, **kwargs: Any) -> Beteiligung:
    kwargs.setdefault("documents", kommune.documents("1803"))
    kwargs.setdefault("message", "Bitte um Stellungnahme.")
    return actions.request_beteiligung(kommune.clerk, kommune.case, fachstelle, **kwargs)


def with_procedure(case: Case, procedure: str) -> None:
    """The Verfahrensart fixed at completeness (as confirm_completeness stores it)."""
    Case.objects.filter(pk=case.pk).update(decision_due_basis={**case.decision_due_basis, "procedure": procedure})
    case.refresh_from_db()


def between_two_and_three_months(today: dt.date) -> dt.date:
    return add_months(today, 2) + dt.timedelta(days=10)


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {key: " ".join(value) for key, value in exc.value.message_dict.items()}


def test_more_than_two_months_needs_a_recorded_reason(kommune: Any) -> None:
    with_procedure(kommune.case, "baugenehmigungsverfahren")
    today = timezone.localdate()
    longer = between_two_and_three_months(today)
    with pytest.raises(ValidationError) as exc:
        ask(kommune, kommune.brandschutz, deadline=longer)
    assert "nur ausnahmsweise zulässig (§ 71 Abs. 6 Satz 3 BauO NRW)" in errors(exc)["extension_reason"]
    beteiligung = ask(kommune, kommune.brandschutz, deadline=longer, extension_reason="Großes Löschwassergutachten")
    assert beteiligung.deadline == longer and beteiligung.extension_reason == "Großes Löschwassergutachten"
    audit = AuditEvent.objects.get(event=BeteiligungEvent.BETEILIGUNG_SENT, subject_id=str(beteiligung.pk))
    assert audit.after["extension_reason"] == "Großes Löschwassergutachten"


def test_more_than_three_months_is_refused_even_with_a_reason(kommune: Any) -> None:
    with_procedure(kommune.case, "baugenehmigungsverfahren")
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        ask(kommune, kommune.brandschutz, deadline=add_months(today, 4), extension_reason="Gutachten")
    message = errors(exc)["deadline"]
    assert "höchstens zwei Monate betragen (§ 71 Abs. 4 Satz 1 BauO NRW)" in message
    assert add_months_deadline(today, 3).strftime("%d.%m.%Y") in message
    assert not Beteiligung.objects.exists()


def test_a_reason_within_two_months_is_not_recorded_as_an_exception(kommune: Any) -> None:
    beteiligung = ask(kommune, kommune.brandschutz, extension_reason="unnötig")
    assert beteiligung.extension_reason == ""


def test_in_the_simplified_procedure_the_exception_needs_the_einvernehmen_of_the_gemeinde(kommune: Any) -> None:
    with_procedure(kommune.case, "vereinfachtes_verfahren")
    longer = between_two_and_three_months(timezone.localdate())
    with pytest.raises(ValidationError) as exc:
        ask(kommune, kommune.brandschutz, deadline=longer, extension_reason="Gutachten")
    assert "nur verlängert werden, wenn das Einvernehmen der Gemeinde" in errors(exc)["deadline"]
    ask(kommune, kommune.gemeinde)
    assert ask(kommune, kommune.brandschutz, deadline=longer, extension_reason="Gutachten").deadline == longer


def test_the_gemeinde_gets_three_months_in_a_36a_case_marked_by_the_clerk(kommune: Any) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        actions.set_verfahren_36a(kommune.clerk, kommune.case, applies=True, reason=" ")
    actions.set_verfahren_36a(kommune.clerk, kommune.case, applies=True,
                              reason="Wohnungsbau nach § 31 Abs. 3 BauGB, Befreiung zugunsten von Wohnraum")
    kommune.case.refresh_from_db()
    assert kommune.case.verfahren_36a
    assert AuditEvent.objects.filter(event=CaseEvent.VERFAHREN_36A_SET, case_id=kommune.case.pk).exists()
    with pytest.raises(ValidationError) as exc:
        ask(kommune, kommune.gemeinde, deadline=add_months_deadline(today, 2))
    assert "drei Monate nach Eingang des Ersuchens (§ 36a Abs. 1 Satz 4 BauGB)" in errors(exc)["deadline"]
    beteiligung = ask(kommune, kommune.gemeinde)
    assert beteiligung.deadline == add_months_deadline(today, 3)
    # the period was sent with the request: the marking cannot change under it
    with pytest.raises(TransitionNotAllowed):
        actions.set_verfahren_36a(kommune.clerk, kommune.case, applies=False, reason="doch § 34 Abs. 1")


def test_without_the_marking_the_gemeinde_has_two_months(kommune: Any) -> None:
    assert ask(kommune, kommune.gemeinde).deadline == add_months_deadline(timezone.localdate(), 2)


def test_the_directory_takes_at_most_two_months(kommune: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        actions.save_fachstelle(kommune.admin, kommune.naturschutz, {"deadline_months": 3})
    assert "höchstens zwei Monate betragen (§ 71 Abs. 4 Satz 1 BauO NRW)" in errors(exc)["deadline_months"]
    assert actions.save_fachstelle(kommune.admin, kommune.naturschutz, {"deadline_months": 2}).months == 2


def test_the_request_form_says_why_a_longer_period_is_refused(kommune: Any) -> None:
    with_procedure(kommune.case, "baugenehmigungsverfahren")
    clerk = login(Client(), kommune.clerk)
    longer = between_two_and_three_months(timezone.localdate())
    response = clerk.post(f"/beteiligung/vorgaenge/{kommune.case.pk}/anfragen/", {
        "bt-fachstelle": str(kommune.brandschutz.pk), "bt-documents": [str(kommune.documents("1803")[0].pk)],
        "bt-message": "Bitte prüfen.", "bt-deadline": longer.isoformat(), "bt-extension_reason": "",
    })
    assert response.status_code == 400
    assert "Bitte begründen Sie die Ausnahme." in response.content.decode()
    assert not Beteiligung.objects.exists()


def test_a_running_period_is_extended_by_at_most_one_month_with_a_reason(kommune: Any) -> None:
    with_procedure(kommune.case, "baugenehmigungsverfahren")
    today = timezone.localdate()
    beteiligung = ask(kommune, kommune.brandschutz)
    with pytest.raises(ValidationError) as exc:
        actions.extend_beteiligung(kommune.clerk, beteiligung, deadline=add_months(today, 4), reason="Gutachten")
    assert "längstens bis zum" in errors(exc)["deadline"]
    with pytest.raises(ValidationError) as exc:
        actions.extend_beteiligung(kommune.clerk, beteiligung, deadline=between_two_and_three_months(today), reason="")
    assert "extension_reason" in errors(exc)
    longer = between_two_and_three_months(today)
    clerk = login(Client(), kommune.clerk)
    response = clerk.post(f"/beteiligung/{beteiligung.pk}/verlaengern/",
                          {"deadline": longer.isoformat(), "reason": "Ortstermin erst im Frühjahr möglich"})
    assert response.status_code == 302
    beteiligung.refresh_from_db()
    assert beteiligung.deadline == longer and beteiligung.extension_reason == "Ortstermin erst im Frühjahr möglich"
    assert AuditEvent.objects.filter(event=BeteiligungEvent.BETEILIGUNG_EXTENDED, case_id=kommune.case.pk).exists()
    gemeinde = ask(kommune, kommune.gemeinde)
    with pytest.raises(ValidationError) as exc:
        actions.extend_beteiligung(kommune.clerk, gemeinde, deadline=longer, reason="x")
    assert "§ 36 Abs. 2 Satz 2 BauGB" in errors(exc)["deadline"]


def test_after_three_months_the_zustimmung_is_deemed_given(kommune: Any) -> None:
    from bauantrag.beteiligung.results import gemeinde_result

    actions.set_verfahren_36a(kommune.clerk, kommune.case, applies=True, reason="§ 34 Abs. 3b BauGB")
    beteiligung = ask(kommune, kommune.gemeinde)
    beteiligung.refresh_from_db()
    assert "Frist bis" in gemeinde_result(beteiligung, beteiligung.deadline)
    after = beteiligung.deadline + dt.timedelta(days=1)
    assert gemeinde_result(beteiligung, after) == "Zustimmung gilt als erteilt (§ 36a Abs. 1 Satz 4 BauGB)"
