"""Deadlines of a Beteiligung, in calendar months.

§ 36 Abs. 2 Satz 2 BauGB: the Einvernehmen of the Gemeinde is deemed given if it is not refused within two months
of the receipt of the request; for a Vorhaben the clerk marked as § 36a BauGB (Bau-Turbo) the Zustimmung is deemed
given after three months (§ 36a Abs. 1 Satz 4 BauGB). Other Fachstellen get the period the Kommune set for them
(default one month, at most two: § 71 Abs. 4 Satz 1 BauO NRW); one more month only as a reasoned exception (§ 71
Abs. 6 Satz 3 BauO NRW), in the vereinfachte Verfahren only when the Einvernehmen of the Gemeinde is required.

Computation (§ 31 Abs. 1 VwVfG NRW with §§ 187 Abs. 1, 188 Abs. 2 and 3 BGB, § 31 Abs. 3 VwVfG NRW), implemented
once in ``bauantrag.rules.calendar.add_months_deadline``:

* The day of receipt does not count; the deadline ends with the day of the later month that has the same number
  as the day of receipt: request on 15.01. + 2 Monate → 15.03.
* If the later month has no such day, the deadline ends with its last day: 31.12.2025 + 2 Monate → 28.02.2026,
  30.12.2027 + 2 Monate → 29.02.2028 (leap year).
* If the last day is a Saturday, Sunday or public holiday in NRW, the deadline ends with the next working day.

The request is delivered electronically in the Fachstelle's inbox the moment it is sent, so the day of receipt is
the day of the request (the Kommune's local date).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.beteiligung.models import EXCEPTION_MONTHS, MAX_MONTHS, ZUSTIMMUNG_36A_MONTHS, Fachstelle
from bauantrag.cases.models import Case
from bauantrag.rules.calendar import add_months_deadline
from bauantrag.rules.law import german_date
from bauantrag.rules.nrw.bauo_nrw.entscheidungsfrist import Anhoerung


def deadline_for(fachstelle: Fachstelle, received: dt.date, *, verfahren_36a: bool = False) -> dt.date:
    """The last day for the Stellungnahme of ``fachstelle`` on a request received on ``received``."""
    months = ZUSTIMMUNG_36A_MONTHS if fachstelle.is_gemeinde and verfahren_36a else fachstelle.months
    return add_months_deadline(received, months)


def longest_regular(received: dt.date) -> dt.date:
    """The latest deadline § 71 Abs. 4 Satz 1 BauO NRW allows without an exception: two months."""
    return add_months_deadline(received, MAX_MONTHS)


def longest_exceptional(received: dt.date) -> dt.date:
    """The latest deadline with the exception of § 71 Abs. 6 Satz 3 BauO NRW: one more month."""
    return add_months_deadline(received, MAX_MONTHS + EXCEPTION_MONTHS)


def agency_deadline_errors(
    received: dt.date, deadline: dt.date, reason: str, *, simplified: bool, einvernehmen_required: bool
) -> dict[str, str]:
    """Why a Fachstelle's ``deadline`` (not the Gemeinde's) is not allowed; empty if it is."""
    if deadline <= received:
        return {"deadline": _("Die Frist muss in der Zukunft liegen.")}
    regular, exceptional = longest_regular(received), longest_exceptional(received)
    if deadline <= regular:
        return {}
    if deadline > exceptional:
        return {"deadline": _(
            "Die Frist für eine Fachstelle darf höchstens zwei Monate betragen (§ 71 Abs. 4 Satz 1 BauO NRW), hier "
            "bis zum %(regular)s; ausnahmsweise ist ein weiterer Monat zulässig (§ 71 Abs. 6 Satz 3 BauO NRW), also "
            "längstens bis zum %(exceptional)s."
        ) % {"regular": german_date(regular), "exceptional": german_date(exceptional)}}
    if simplified and not einvernehmen_required:
        return {"deadline": _(
            "Im vereinfachten Baugenehmigungsverfahren darf die Frist einer Fachstelle nur verlängert werden, wenn das "
            "Einvernehmen der Gemeinde nach § 36 Abs. 1 BauGB erforderlich ist (§ 71 Abs. 6 Satz 3 BauO NRW). Die "
            "Gemeinde ist zu diesem Vorgang nicht beteiligt; zulässig ist eine Frist bis zum %(regular)s."
        ) % {"regular": german_date(regular)}}
    if not reason.strip():
        return {"extension_reason": _(
            "Eine Frist über zwei Monate (hier nach dem %(regular)s) ist nur ausnahmsweise zulässig (§ 71 Abs. 6 "
            "Satz 3 BauO NRW). Bitte begründen Sie die Ausnahme."
        ) % {"regular": german_date(regular)}}
    return {}


def hearings_for_case(case: Case) -> list[Anhoerung]:
    """The hearings of § 71 Abs. 2 Nr. 2 BauO NRW for the decision date (cases.entscheidungsfrist): every request
    that was not taken back, with its period's last day and the day of the answer."""
    from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus

    rows = Beteiligung.objects.filter(case=case).exclude(status=BeteiligungStatus.WITHDRAWN)
    rows = rows.select_related("fachstelle")
    return [
        Anhoerung(
            period_end=row.deadline,
            answered_on=timezone.localdate(row.answered_at) if row.answered_at else None,
            zustimmung_36a=row.fachstelle.is_gemeinde and case.verfahren_36a,
        )
        for row in rows
    ]
