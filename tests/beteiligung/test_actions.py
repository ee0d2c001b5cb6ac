"""The rules of the actions: when a Fachstelle can be asked, what it may share, what a Stellungnahme must contain,
late answers, withdrawal and asking again, and how the results come together."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bauantrag.audit.models import AuditEvent
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Fachstelle, FachstelleKind
from bauantrag.beteiligung.results import conditions_for_case, summary_for_case
from bauantrag.cases.models import Case
from bauantrag.cases.workflow import TransitionNotAllowed
from tests.factories import UserFactory, nachforderung_case, submitted_case

pytestmark = pytest.mark.django_db


def ask(kommune: Any, fachstelle: Fachstelle, **kwargs: Any) -> Beteiligung:
    kwargs.setdefault("documents", kommune.documents("1803"))
    kwargs.setdefault("message", "Bitte um Stellungnahme.")
    return actions.request_beteiligung(kommune.clerk, kommune.case, fachstelle, **kwargs)


def test_only_complete_and_open_cases(kommune: Any, tenant: Any) -> None:
    for case in (submitted_case(UserFactory(tenant=tenant)), nachforderung_case(UserFactory(tenant=tenant))):
        with pytest.raises(TransitionNotAllowed):
            actions.request_beteiligung(kommune.clerk, case, kommune.brandschutz,
                                        documents=list(case.documents.all()[:1]), message="x")
    for closed in ("approved", "refused", "withdrawn"):
        Case.objects.filter(pk=kommune.case.pk).update(state=closed)
        with pytest.raises(TransitionNotAllowed):
            ask(kommune, kommune.brandschutz)
    assert not Beteiligung.objects.exists()
    assert actions.may_request_in("complete")


def test_only_the_kommunes_clerks_may_ask(kommune: Any, other_tenant: Any) -> None:
    for actor in (kommune.applicant, kommune.brandschutz_member, UserFactory(tenant=other_tenant, role="clerk")):
        with pytest.raises(PermissionDenied):
            actions.request_beteiligung(actor, kommune.case, kommune.brandschutz,
                                        documents=kommune.documents("1803"), message="x")


def test_what_can_be_shared_and_with_whom(kommune: Any, tenant: Any, other_tenant: Any) -> None:
    foreign_document = submitted_case(UserFactory(tenant=tenant)).documents.first()
    for documents, field in (([], "documents"), ([foreign_document], "documents")):
        with pytest.raises(ValidationError) as refused:
            ask(kommune, kommune.brandschutz, documents=documents)
        assert field in refused.value.message_dict
    kommune.naturschutz.active = False
    kommune.naturschutz.save()
    foreign = Fachstelle.objects.create(tenant=other_tenant, name="Fremd", kind=FachstelleKind.SONSTIGE)
    for fachstelle in (kommune.naturschutz, foreign):
        with pytest.raises(ValidationError) as refused:
            ask(kommune, fachstelle)
        assert "fachstelle" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        ask(kommune, kommune.brandschutz, message="   ")
    assert "message" in refused.value.message_dict
    assert not Beteiligung.objects.exists()


def test_one_open_request_per_fachstelle_and_asking_again_after_withdrawal(kommune: Any) -> None:
    first = ask(kommune, kommune.brandschutz)
    with pytest.raises(ValidationError) as refused:
        ask(kommune, kommune.brandschutz)
    assert "bereits angefragt" in refused.value.message_dict["fachstelle"][0]
    actions.withdraw_beteiligung(kommune.clerk, first, reason="Bauvorlagen geändert")
    with pytest.raises(TransitionNotAllowed):
        actions.withdraw_beteiligung(kommune.clerk, first)
    second = ask(kommune, kommune.brandschutz, documents=kommune.documents("1803", "0401"))
    assert second.status == BeteiligungStatus.REQUESTED
    assert summary_for_case(kommune.case) is not None
    assert summary_for_case(kommune.case).asked == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("verdict", "text", "conditions", "field"), [
    ("einvernehmen_erteilt", "", [], "verdict"),  # only the Gemeinde decides on its Einvernehmen
    ("unbekannt", "", [], "verdict"),
    ("zustimmung_nebenbestimmungen", "", [], "conditions"),
    ("zustimmung", "", [{"text": "Auflage", "legal_basis": ""}], "conditions"),
    ("zustimmung_nebenbestimmungen", "", [{"text": "", "legal_basis": "§ 5 BauO NRW"}], "conditions"),
    ("ablehnung", "  ", [], "text"),
])
def test_what_a_stellungnahme_must_contain(
    kommune: Any, verdict: str, text: str, conditions: list[dict[str, str]], field: str
) -> None:
    beteiligung = ask(kommune, kommune.brandschutz)
    with pytest.raises(ValidationError) as refused:
        actions.submit_stellungnahme(kommune.brandschutz_member, beteiligung, verdict=verdict, text=text,
                                     conditions=conditions)
    assert field in refused.value.message_dict
    beteiligung.refresh_from_db()
    assert beteiligung.status == BeteiligungStatus.REQUESTED


def test_a_late_answer_is_accepted_and_marked(kommune: Any) -> None:
    beteiligung = ask(kommune, kommune.brandschutz)
    after_deadline = timezone.make_aware(dt.datetime.combine(beteiligung.deadline + dt.timedelta(days=1),
                                                             dt.time(9)))
    with mock.patch("django.utils.timezone.now", return_value=after_deadline):
        assert beteiligung.is_overdue()
        assert summary_for_case(kommune.case).overdue == 1  # type: ignore[union-attr]
        stellungnahme = actions.submit_stellungnahme(kommune.brandschutz_member, beteiligung, verdict="ablehnung",
                                                     text="Zweiter Rettungsweg fehlt.")
    assert stellungnahme.late
    summary = summary_for_case(kommune.case)
    assert summary is not None and summary.late == 1 and summary.negative == 1 and summary.overdue == 0
    assert "1 ablehnend" in summary.text and "1 nach Fristablauf" in summary.text
    event = AuditEvent.objects.get(event=BeteiligungEvent.STELLUNGNAHME_SUBMITTED)
    assert event.after["late"] is True and event.after["verdict"] == "ablehnung"


def test_the_einvernehmen_is_deemed_given_after_two_months(kommune: Any) -> None:
    beteiligung = ask(kommune, kommune.gemeinde)
    day_after = beteiligung.deadline + dt.timedelta(days=1)
    summary = summary_for_case(kommune.case, today=beteiligung.deadline)
    assert summary is not None and "Gemeinde: Einvernehmen ausstehend, Frist bis" in summary.text
    summary = summary_for_case(kommune.case, today=day_after)
    assert summary is not None
    assert "Gemeinde: Einvernehmen gilt als erteilt (§ 36 Abs. 2 Satz 2 BauGB)" in summary.text
    assert summary.overdue == 0  # not a missing answer: the law gives the result


def test_results_come_together(kommune: Any) -> None:
    gemeinde_member = UserFactory(tenant=kommune.case.tenant, role="agency")
    kommune.gemeinde.members.add(gemeinde_member)
    brandschutz, naturschutz, gemeinde = (ask(kommune, f) for f in
                                          (kommune.brandschutz, kommune.naturschutz, kommune.gemeinde))
    denkmal = Fachstelle.objects.create(tenant=kommune.case.tenant, name="Untere Denkmalbehörde",
                                        kind=FachstelleKind.DENKMAL)
    ask(kommune, denkmal)
    actions.submit_stellungnahme(kommune.brandschutz_member, brandschutz, verdict="zustimmung_nebenbestimmungen",
                                 text="", conditions=[{"text": "Rauchwarnmelder", "legal_basis": "§ 47 BauO NRW"}])
    actions.submit_stellungnahme(kommune.naturschutz_member, naturschutz, verdict="keine_bedenken", text="")
    actions.submit_stellungnahme(gemeinde_member, gemeinde, verdict="einvernehmen_erteilt", text="")
    summary = summary_for_case(kommune.case)
    assert summary is not None
    assert summary.text == ("3 von 4 Stellungnahmen eingegangen, 1 mit Nebenbestimmungen; "
                            "Gemeinde: Einvernehmen erteilt")
    assert conditions_for_case(kommune.case) == [
        {"text": "Rauchwarnmelder", "legal_basis": "§ 47 BauO NRW", "fachstelle": "Brandschutzdienststelle"},
    ]
    with pytest.raises(TransitionNotAllowed):
        actions.submit_stellungnahme(kommune.brandschutz_member, brandschutz, verdict="zustimmung", text="")
    sent = AuditEvent.objects.filter(event=BeteiligungEvent.BETEILIGUNG_SENT).order_by("seq")
    assert [e.after["fachstelle"] for e in sent] == [
        "Brandschutzdienststelle", "Untere Naturschutzbehörde", "Gemeinde Musterdorf", "Untere Denkmalbehörde"]


def test_no_results_without_requests(kommune: Any) -> None:
    assert summary_for_case(kommune.case) is None
    assert conditions_for_case(kommune.case) == []
