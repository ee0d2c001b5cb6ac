"""The clerk's queue sorts in the database by the running deadline, the Beteiligungen's included, in the same order
as the exact Python sort it replaces (issue 14)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bauantrag.beteiligung.models import Beteiligung
from bauantrag.cases import deadlines
from bauantrag.cases.models import Case, Nachforderung
from bauantrag.cases.running_due import store as store_running_due
from bauantrag.workspace.queue import running_due
from tests.conftest import login
from tests.decision.test_beteiligung_integration import ask
from tests.factories import clerk_for, complete_case, nachforderung_case, submitted_case

pytestmark = pytest.mark.django_db

FILE_NUMBER = re.compile(r"<th scope=\"row\"><a href=\"[^\"]+\">([^<]+)</a>")


def test_the_database_order_puts_an_early_beteiligung_first_like_the_python_sort(applicant: Any) -> None:
    today = timezone.localdate()
    asked = complete_case(applicant, letters=False)
    quiet = complete_case(applicant, letters=False)
    waiting = nachforderung_case(applicant, letters=False)
    fresh = submitted_case(applicant, letters=False)
    Case.objects.filter(pk__in=[asked.pk, quiet.pk]).update(decision_due=today + dt.timedelta(days=60))
    Case.objects.filter(pk=quiet.pk).update(decision_due=today + dt.timedelta(days=20))
    Nachforderung.objects.filter(case=waiting).update(deadline=today + dt.timedelta(days=12))
    Case.objects.filter(pk=fresh.pk).update(completeness_due=today + dt.timedelta(days=6))
    clerk = clerk_for(asked.tenant)
    beteiligung, _member = ask(clerk, asked)
    Beteiligung.objects.filter(pk=beteiligung.pk).update(deadline=today + dt.timedelta(days=3))
    store_running_due(Case.objects.all())  # rows changed with update() bypass the receivers
    client = login(Client(), clerk)

    assert running_due() is not None  # every registered source sorts in SQL: the database pages
    in_database = FILE_NUMBER.findall(client.get("/bauaufsicht/").content.decode())
    with deadlines.DEADLINE_DUES.override({}, replace_all=True):
        assert running_due() is None
        in_python = FILE_NUMBER.findall(client.get("/bauaufsicht/").content.decode())
    expected = [Case.objects.get(pk=case.pk).file_number for case in (asked, fresh, waiting, quiet)]
    assert in_database == in_python == expected


def test_an_answered_beteiligung_no_longer_moves_the_case_up(applicant: Any) -> None:
    today = timezone.localdate()
    asked = complete_case(applicant, letters=False)
    other = submitted_case(applicant, letters=False)
    Case.objects.filter(pk=asked.pk).update(decision_due=today + dt.timedelta(days=60))
    Case.objects.filter(pk=other.pk).update(completeness_due=today + dt.timedelta(days=6))
    clerk = clerk_for(asked.tenant)
    beteiligung, _member = ask(clerk, asked)
    Beteiligung.objects.filter(pk=beteiligung.pk).update(deadline=today + dt.timedelta(days=3))
    store_running_due(Case.objects.all())  # rows changed with update() bypass the receivers
    client = login(Client(), clerk)
    numbers = [Case.objects.get(pk=case.pk).file_number for case in (asked, other)]
    assert FILE_NUMBER.findall(client.get("/bauaufsicht/").content.decode()) == numbers
    Beteiligung.objects.filter(pk=beteiligung.pk).update(status="answered")
    store_running_due(Case.objects.all())  # rows changed with update() bypass the receivers
    assert FILE_NUMBER.findall(client.get("/bauaufsicht/").content.decode()) == numbers[::-1]
