"""Deadlines of a Beteiligung: calendar months (§§ 187, 188 BGB via § 31 Abs. 1 VwVfG NRW), moved off Saturdays,
Sundays and NRW public holidays (§ 31 Abs. 3 VwVfG NRW); two months for the Gemeinde (§ 36 Abs. 2 Satz 2 BauGB)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from bauantrag.beteiligung import actions
from bauantrag.beteiligung.deadlines import deadline_for
from bauantrag.beteiligung.models import Fachstelle, FachstelleKind

D = dt.date


def gemeinde() -> Fachstelle:
    return Fachstelle(name="Gemeinde", kind=FachstelleKind.GEMEINDE, deadline_months=5)


def agency(months: int = 1) -> Fachstelle:
    return Fachstelle(name="Brandschutz", kind=FachstelleKind.BRANDSCHUTZ, deadline_months=months)


@pytest.mark.parametrize(("received", "due", "why"), [
    (D(2026, 1, 12), D(2026, 3, 12), "Donnerstag, gleiche Tageszahl zwei Monate später"),
    (D(2026, 1, 15), D(2026, 3, 16), "15.03.2026 ist ein Sonntag"),
    (D(2025, 12, 31), D(2026, 3, 2), "kein 31.02.: Monatsletzter 28.02.2026, ein Samstag"),
    (D(2027, 12, 30), D(2028, 2, 29), "kein 30.02.: 29.02.2028 im Schaltjahr, ein Dienstag"),
    (D(2026, 2, 3), D(2026, 4, 7), "03.04.2026 Karfreitag, dann Wochenende und Ostermontag"),
    (D(2026, 4, 4), D(2026, 6, 5), "04.06.2026 Fronleichnam, in NRW ein Feiertag"),
    (D(2026, 8, 31), D(2026, 11, 2), "kein 31.10.: Samstag 31.10., Sonntag 01.11. Allerheiligen"),
    (D(2026, 10, 25), D(2026, 12, 28), "25./26.12.2026 Weihnachten, dann Sonntag"),
    (D(2026, 11, 1), D(2027, 1, 4), "über den Jahreswechsel: 01.01.2027 Neujahr, dann Wochenende"),
    (D(2027, 10, 31), D(2027, 12, 31), "Silvester ist kein Feiertag"),
])
def test_gemeinde_has_two_months_by_law(received: dt.date, due: dt.date, why: str) -> None:
    assert deadline_for(gemeinde(), received) == due, why


@pytest.mark.parametrize(("received", "months", "due"), [
    (D(2026, 1, 31), 1, D(2026, 3, 2)),  # 28.02.2026 is a Saturday
    (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year, a Tuesday
    (D(2026, 11, 30), 1, D(2026, 12, 30)),
    (D(2026, 12, 1), 1, D(2027, 1, 4)),  # Neujahr 2027 is a Friday
    (D(2026, 3, 10), 2, D(2026, 5, 11)),  # two months, 10.05.2026 is a Sunday
    # A row stored with three months before the cap: „sie darf höchstens zwei Monate betragen“ (§ 71 Abs. 4 S. 1).
    (D(2026, 3, 10), 3, D(2026, 5, 11)),
])
def test_other_fachstellen_get_their_own_period(received: dt.date, months: int, due: dt.date) -> None:
    assert deadline_for(agency(months), received) == due


def test_the_gemeinde_period_ignores_the_setting_of_the_directory() -> None:
    assert gemeinde().months == 2
    assert agency(1).months == 1
    assert agency(4).months == 2  # § 71 Abs. 4 Satz 1 BauO NRW: höchstens zwei Monate


@pytest.mark.django_db
def test_the_request_gets_the_deadline_of_its_day_of_receipt(kommune: Any) -> None:
    """Requested on Silvester 2025: two months for the Gemeinde end on Monday, 2 March 2026."""
    silvester = dt.datetime(2025, 12, 31, 10, 0, tzinfo=dt.UTC)
    with mock.patch("django.utils.timezone.now", return_value=silvester):
        beteiligung = actions.request_beteiligung(
            kommune.clerk, kommune.case, kommune.gemeinde, documents=kommune.documents("1803"),
            message="Bitte um Einvernehmen.",
        )
        assert beteiligung.deadline == D(2026, 3, 2)
        with pytest.raises(ValidationError) as refused:
            actions.request_beteiligung(
                kommune.clerk, kommune.case, kommune.brandschutz, documents=kommune.documents("1803"),
                message="Bitte um Stellungnahme.", deadline=D(2025, 12, 31),
            )
    assert "deadline" in refused.value.message_dict
    assert not beteiligung.is_overdue(D(2026, 3, 2))  # the last day itself is still in time
    assert beteiligung.is_overdue(D(2026, 3, 3))
    assert beteiligung.einvernehmen_deemed_given(D(2026, 3, 3))


@pytest.mark.django_db
def test_the_gemeinde_period_cannot_be_shortened_or_extended(kommune: Any) -> None:
    statutory = deadline_for(kommune.gemeinde, timezone.localdate())
    for other in (statutory - dt.timedelta(days=7), statutory + dt.timedelta(days=7)):
        with pytest.raises(ValidationError) as refused:
            actions.request_beteiligung(
                kommune.clerk, kommune.case, kommune.gemeinde, documents=kommune.documents("1803"),
                message="Bitte um Einvernehmen.", deadline=other,
            )
        assert "§ 36 Abs. 2 Satz 2 BauGB" in refused.value.message_dict["deadline"][0]
    beteiligung = actions.request_beteiligung(
        kommune.clerk, kommune.case, kommune.gemeinde, documents=kommune.documents("1803"),
        message="Bitte um Einvernehmen.", deadline=statutory,
    )
    assert beteiligung.deadline == statutory


@pytest.mark.django_db
def test_other_fachstellen_may_get_a_longer_deadline(kommune: Any) -> None:
    longer = timezone.localdate() + dt.timedelta(days=50)
    beteiligung = actions.request_beteiligung(
        kommune.clerk, kommune.case, kommune.brandschutz, documents=kommune.documents("1803"),
        message="Bitte um Stellungnahme.", deadline=longer,
    )
    assert beteiligung.deadline == longer
