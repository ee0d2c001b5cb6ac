"""The results of the Beteiligung of one case, brought together: a summary for the clerk and the Nebenbestimmungen
the Fachstellen asked for (the decision flow takes them into the Baugenehmigung).

Only the *current* request per Fachstelle counts: withdrawn requests are ignored, and if a Fachstelle was asked
again (e.g. after changed Bauvorlagen) its latest request replaces the earlier one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case as DbCase
from django.db.models import DateField, Exists, OuterRef, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bauantrag.beteiligung.models import (
    NEGATIVE_VERDICTS,
    Beteiligung,
    BeteiligungStatus,
    Stellungnahme,
    Verdict,
)
from bauantrag.cases.deadlines import DeadlineNote
from bauantrag.cases.models import Case, CaseState


def current_beteiligungen(case: Case) -> list[Beteiligung]:
    """The latest request per Fachstelle that was not withdrawn, ordered by Fachstelle."""
    latest: dict[object, Beteiligung] = {}
    rows = (
        Beteiligung.objects.filter(case=case).exclude(status=BeteiligungStatus.WITHDRAWN)
        .select_related("fachstelle", "stellungnahme").order_by("requested_at")
    )
    for beteiligung in rows:
        latest[beteiligung.fachstelle_id] = beteiligung
    return sorted(latest.values(), key=lambda b: (b.fachstelle.name.lower(), b.requested_at))


def deadlines_for_cases(cases: list[Case], today: dt.date) -> dict[Any, list[DeadlineNote]]:
    """The open Beteiligungen of the complete cases as deadline notes for the clerk's queue, in ONE query
    (registered as a source of cases.deadlines.queue_deadlines). The same rule as current_beteiligungen: the
    latest not withdrawn request per Fachstelle, and of those the open ones."""
    complete = [case.pk for case in cases if case.state == CaseState.COMPLETE]
    if not complete:
        return {}
    latest: dict[tuple[object, object], Beteiligung] = {}
    rows = (
        Beteiligung.objects.filter(case_id__in=complete).exclude(status=BeteiligungStatus.WITHDRAWN)
        .select_related("fachstelle", "case").order_by("requested_at")
    )
    for beteiligung in rows:
        latest[(beteiligung.case_id, beteiligung.fachstelle_id)] = beteiligung
    out: dict[Any, list[DeadlineNote]] = {}
    for beteiligung in sorted(latest.values(), key=lambda b: (b.fachstelle.name.lower(), b.requested_at)):
        if not beteiligung.is_open:
            continue
        deemed = beteiligung.einvernehmen_deemed_given(today)
        out.setdefault(beteiligung.case_id, []).append(DeadlineNote(
            label=_("Beteiligung %(name)s") % {"name": beteiligung.fachstelle.name},
            due=beteiligung.deadline,
            overdue=beteiligung.is_overdue(today) and not deemed,
            proposal=deemed_given_text(beteiligung) if deemed else "",
        ))
    return out


def earliest_open_deadline() -> Any:
    """deadlines_for_cases as SQL: the earliest deadline of a complete case's open Beteiligungen that no later
    (not withdrawn) request to the same Fachstelle replaced; for the queue's order (cases.deadlines.DEADLINE_DUES)."""
    replaced = Beteiligung.objects.filter(
        case=OuterRef("case"), fachstelle=OuterRef("fachstelle"), requested_at__gt=OuterRef("requested_at"),
    ).exclude(status=BeteiligungStatus.WITHDRAWN)
    earliest = Subquery(
        Beteiligung.objects.filter(case=OuterRef("pk"), status=BeteiligungStatus.REQUESTED)
        .exclude(Exists(replaced)).order_by("deadline").values("deadline")[:1]
    )
    return DbCase(When(state=CaseState.COMPLETE, then=earliest), default=None, output_field=DateField())


def store_running_due(sender: Any, instance: Beteiligung, **kwargs: Any) -> None:
    """A Beteiligung changed: its case's stored running deadline follows (cases/running_due.py)."""
    from bauantrag.cases.running_due import store

    store([instance.case_id])


def _stellungnahme(beteiligung: Beteiligung) -> Stellungnahme | None:
    if beteiligung.status != BeteiligungStatus.ANSWERED:
        return None
    try:
        return beteiligung.stellungnahme
    except Stellungnahme.DoesNotExist:
        return None


def conditions_for_case(case: Case) -> list[dict[str, str]]:
    """All Nebenbestimmungen of the current Stellungnahmen: [{"text", "legal_basis", "fachstelle"}], grouped by
    Fachstelle in the order they were written."""
    conditions: list[dict[str, str]] = []
    for beteiligung in current_beteiligungen(case):
        stellungnahme = _stellungnahme(beteiligung)
        if stellungnahme is None:
            continue
        for row in stellungnahme.conditions:
            conditions.append({
                "text": str(row.get("text", "")), "legal_basis": str(row.get("legal_basis", "")),
                "fachstelle": beteiligung.fachstelle.name,
            })
    return conditions


def deemed_given_text(beteiligung: Beteiligung) -> str:
    """The fiction after the Gemeinde's silence: Einvernehmen (§ 36 Abs. 2 Satz 2 BauGB) or, in a case the clerk
    marked as § 36a BauGB, Zustimmung (§ 36a Abs. 1 Satz 4 BauGB)."""
    if beteiligung.case.verfahren_36a:
        return _("Zustimmung gilt als erteilt (§ 36a Abs. 1 Satz 4 BauGB)")
    return _("Einvernehmen gilt als erteilt (§ 36 Abs. 2 Satz 2 BauGB)")


def gemeinde_result(beteiligung: Beteiligung, today: dt.date) -> str:
    stellungnahme = _stellungnahme(beteiligung)
    if stellungnahme is not None:
        return str(Verdict(stellungnahme.verdict).label)
    if beteiligung.einvernehmen_deemed_given(today):
        return deemed_given_text(beteiligung)
    return _("Einvernehmen ausstehend, Frist bis %(date)s") % {"date": beteiligung.deadline.strftime("%d.%m.%Y")}


@dataclass(frozen=True)
class Summary:
    asked: int
    answered: int
    with_conditions: int
    negative: int
    overdue: int
    late: int
    gemeinde: str  # the Gemeinde's Einvernehmen, "" if the Gemeinde was not asked

    @property
    def text(self) -> str:
        parts = [
            ngettext("%(answered)d von %(asked)d Stellungnahme eingegangen",
                     "%(answered)d von %(asked)d Stellungnahmen eingegangen", self.asked)
            % {"answered": self.answered, "asked": self.asked}
        ]
        if self.with_conditions:
            parts.append(ngettext("%(n)d mit Nebenbestimmungen", "%(n)d mit Nebenbestimmungen",
                                  self.with_conditions) % {"n": self.with_conditions})
        if self.negative:
            parts.append(ngettext("%(n)d ablehnend", "%(n)d ablehnend", self.negative) % {"n": self.negative})
        if self.overdue:
            parts.append(ngettext("%(n)d überfällig", "%(n)d überfällig", self.overdue) % {"n": self.overdue})
        if self.late:
            parts.append(ngettext("%(n)d nach Fristablauf", "%(n)d nach Fristablauf", self.late) % {"n": self.late})
        text = ", ".join(parts)
        if self.gemeinde:
            text += "; " + _("Gemeinde: %(result)s") % {"result": self.gemeinde}
        return text


def summary_for_case(case: Case, today: dt.date | None = None) -> Summary | None:
    """None when no Fachstelle is (still) asked."""
    today = today or timezone.localdate()
    current = current_beteiligungen(case)
    if not current:
        return None
    answered = [s for b in current if (s := _stellungnahme(b)) is not None]
    gemeinde = [b for b in current if b.fachstelle.is_gemeinde]
    return Summary(
        asked=len(current),
        answered=len(answered),
        with_conditions=sum(1 for s in answered if s.conditions),
        negative=sum(1 for s in answered if s.verdict in NEGATIVE_VERDICTS),
        overdue=sum(1 for b in current if b.is_overdue(today) and not b.einvernehmen_deemed_given(today)),
        late=sum(1 for s in answered if s.late),
        gemeinde=gemeinde_result(gemeinde[-1], today) if gemeinde else "",
    )
