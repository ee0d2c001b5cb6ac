"""Deadlines of a case: reminders before and expiry after a Nachforderung's deadline, its extension, and what
the clerk's queue shows as overdue.

§ 71 Abs. 1 BauO NRW: the Bauaufsicht demands the missing Bauvorlagen "innerhalb einer angemessenen Frist"
(Satz 2); "Werden die Mängel innerhalb der Frist nicht behoben, gilt der Antrag als zurückgenommen" (Satz 3).
The software never draws that consequence itself: when the deadline has passed it marks the Nachforderung
expired and PROPOSES the Rücknahmefiktion; the clerk records it (decision.actions.record_withdrawal with
fictitious=True) or extends the deadline (extend_nachforderung_deadline).

A deadline ends with its last day: a Nachforderung due on the 10th expires when the 11th begins (local time). The
last day is the § 31 end (``rules.fristen``): „Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen
Feiertag oder einen Sonnabend, so endet die Frist mit dem Ablauf des nächstfolgenden Werktages“ (§ 31 Abs. 3 Satz 1
VwVfG NRW). A new or extended deadline is stored as that Werktag (``statutory_deadline``); rows stored before that
rule are read through ``legal_deadline``, so reminders, expiry, the proposal and the queue never treat a Saturday as
the end. The letters do not name the day „unter Hinweis auf diese Vorschrift“ (Satz 2), so Satz 1 always applies.
`run_deadlines` is idempotent and row-locks the case and the Nachforderung it changes; Celery beat runs it
hourly (settings.CELERY_BEAT_SCHEDULE), `manage.py run_deadlines` runs it once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import require_casework
from bauantrag.audit.service import record
from bauantrag.cases import workflow
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Nachforderung
from bauantrag.cases.signals import case_event
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.registry import Registry
from bauantrag.rules.calendar import add_working_days
from bauantrag.rules.fristen import fristende, has_ended, legal_end

logger = logging.getLogger(__name__)

#: The proposal shown to the clerk (queue and case) when a Nachforderung's deadline has passed unanswered.
EXPIRY_PROPOSAL = gettext_lazy(
    "Frist abgelaufen – Antrag gilt nach § 71 Abs. 1 Satz 3 BauO NRW als zurückgenommen (Vorschlag)"
)
MAX_EXTENSION_REASON = 2000


def one_month_later(day: dt.date) -> dt.date:
    """The default deadline of a Nachforderung sent on ``day``: one month (§ 188 Abs. 2, 3 BGB), moved to the next
    Werktag if that is a Saturday, Sunday or holiday (§ 31 Abs. 3 Satz 1 VwVfG NRW)."""
    return fristende(day, months=1).end


def statutory_deadline(day: dt.date) -> dt.date:
    """The last day of a deadline the clerk set to ``day``: ``day`` itself on a Werktag, else the next Werktag
    (§ 31 Abs. 3 Satz 1 VwVfG NRW; the letter does not name the day with the reference of Satz 2)."""
    return legal_end(day)


def legal_deadline(nachforderung: Nachforderung) -> dt.date:
    """The day the Nachforderung's deadline really ends (also for rows stored before the § 31 rule was applied)."""
    return legal_end(nachforderung.deadline)


def reminder_working_days() -> int:
    return max(0, int(getattr(settings, "NACHFORDERUNG_REMINDER_WORKING_DAYS", 3)))


def reminder_day(nachforderung: Nachforderung) -> dt.date | None:
    """The day the reminder is due: N working days before the deadline (None: reminders switched off)."""
    days = reminder_working_days()
    if days <= 0:
        return None
    return add_working_days(legal_deadline(nachforderung), -days)


def is_open(nachforderung: Nachforderung) -> bool:
    return nachforderung.answered_at is None


def is_past_deadline(nachforderung: Nachforderung, today: dt.date | None = None) -> bool:
    """True when the deadline's last day is over and nothing was resubmitted within it."""
    today = today or timezone.localdate()
    if nachforderung.answered_at is not None:
        return timezone.localdate(nachforderung.answered_at) > legal_deadline(nachforderung)
    return has_ended(legal_deadline(nachforderung), today)


def needs_reminder(nachforderung: Nachforderung, case: Case, today: dt.date) -> bool:
    if case.state != CaseState.NACHFORDERUNG or not is_open(nachforderung):
        return False
    if nachforderung.reminded_at is not None or nachforderung.expired_at is not None:
        return False
    due = reminder_day(nachforderung)
    if due is None or not (due <= today <= legal_deadline(nachforderung)):
        return False
    # No reminder for a deadline set on or after the reminder day: the Nachforderung (or the extension) itself
    # told the applicant side just now.
    started = nachforderung.extended_at or nachforderung.created_at
    return timezone.localdate(started) < due


def needs_expiry(nachforderung: Nachforderung, case: Case, today: dt.date) -> bool:
    return (
        case.state == CaseState.NACHFORDERUNG and is_open(nachforderung) and nachforderung.expired_at is None
        and has_ended(legal_deadline(nachforderung), today)
    )


def open_nachforderung(case: Case) -> Nachforderung | None:
    """The unanswered Nachforderung of a case in state NACHFORDERUNG (the newest one)."""
    if case.state != CaseState.NACHFORDERUNG:
        return None
    return case.nachforderungen.filter(answered_at__isnull=True).order_by("-created_at").first()


def fictitious_withdrawal_basis(case: Case, today: dt.date | None = None) -> Nachforderung | None:
    """The Nachforderung whose deadline passed without the defects being cured (§ 71 Abs. 1 Satz 3 BauO NRW):
    still open after its deadline, or answered only after it (a late resubmission leaves the case SUBMITTED).
    None if there is no such Nachforderung in the current state of the case."""
    today = today or timezone.localdate()
    latest = case.nachforderungen.order_by("-created_at").first()
    if latest is None:
        return None
    if case.state == CaseState.NACHFORDERUNG and latest.answered_at is None and is_past_deadline(latest, today):
        return latest
    if case.state == CaseState.SUBMITTED and latest.answered_at is not None and is_past_deadline(latest, today):
        return latest
    return None


# ------------------------------------------------------------------------------------------------ periodic work


def _lock(nachforderung_id: Any) -> tuple[Case, Nachforderung] | None:
    """Lock the case, then its Nachforderung (the order resubmit uses), inside the caller's transaction."""
    case_id = Nachforderung.objects.filter(pk=nachforderung_id).values_list("case_id", flat=True).first()
    if case_id is None:
        return None
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case_id)
    nachforderung = Nachforderung.objects.select_for_update().get(pk=nachforderung_id)
    return case, nachforderung


def remind(nachforderung_id: Any, today: dt.date | None = None) -> bool:
    """Send the one reminder of this Nachforderung if it is due now. Returns True if it was sent."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock(nachforderung_id)
        if locked is None:
            return False
        case, nachforderung = locked
        if not needs_reminder(nachforderung, case, today):
            return False
        nachforderung.reminded_at = timezone.now()
        nachforderung.save(update_fields=["reminded_at"])
        record(
            CaseEvent.NACHFORDERUNG_REMINDED, actor=None, tenant=case.tenant, subject=nachforderung, case=case,
            after={"deadline": nachforderung.deadline, "reminder_working_days": reminder_working_days()},
        )
        case_event.send(sender=Case, case=case, event=CaseEvent.NACHFORDERUNG_REMINDED, actor=None, obj=nachforderung)
    return True


def expire(nachforderung_id: Any, today: dt.date | None = None) -> bool:
    """Mark the Nachforderung expired if its deadline passed unanswered. The case keeps its state: the clerk
    decides on the consequence (EXPIRY_PROPOSAL). Returns True if it was marked now."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock(nachforderung_id)
        if locked is None:
            return False
        case, nachforderung = locked
        if not needs_expiry(nachforderung, case, today):
            return False
        nachforderung.expired_at = timezone.now()
        nachforderung.save(update_fields=["expired_at"])
        record(
            CaseEvent.NACHFORDERUNG_EXPIRED, actor=None, tenant=case.tenant, subject=nachforderung, case=case,
            after={"deadline": nachforderung.deadline, "proposal": str(EXPIRY_PROPOSAL)},
        )
        case_event.send(sender=Case, case=case, event=CaseEvent.NACHFORDERUNG_EXPIRED, actor=None, obj=nachforderung)
    return True


def run_deadlines(today: dt.date | None = None) -> dict[str, int]:
    """Expire what is past its deadline and send the reminders that are due. Safe to run again at any time."""
    today = today or timezone.localdate()
    open_ones = Nachforderung.objects.filter(
        answered_at__isnull=True, expired_at__isnull=True, case__state=CaseState.NACHFORDERUNG
    )
    counts = {"expired": 0, "reminded": 0}
    # deadline < today is a superset: expire() checks the § 31 end (a Saturday deadline runs until Monday).
    for pk in open_ones.filter(deadline__lt=today).values_list("pk", flat=True):
        counts["expired"] += expire(pk, today)
    days = reminder_working_days()
    if days > 0:
        # A superset (the precise test is needs_reminder): deadlines up to N+1 working days ahead.
        horizon = add_working_days(today, days + 1)
        # A stored Saturday may end only on the next Werktag (at most a long weekend plus holidays later).
        earliest = today - dt.timedelta(days=7)
        candidates = open_ones.filter(reminded_at__isnull=True, deadline__gte=earliest, deadline__lte=horizon)
        for pk in candidates.values_list("pk", flat=True):
            counts["reminded"] += remind(pk, today)
    return counts


# ----------------------------------------------------------------------------------------------------- actions


@transaction.atomic
def extend_nachforderung_deadline(
    actor: User, case: Case, *, deadline: dt.date, reason: str
) -> Nachforderung:
    """Extend the open Nachforderung's deadline (before or after it passed), with a reason. The proposal of the
    Rücknahmefiktion disappears, a new reminder will be sent before the new deadline, and the applicant side
    is notified."""
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
    workflow.require_open(case, _("Frist verlängern"))
    if case.state != CaseState.NACHFORDERUNG:
        raise TransitionNotAllowed(
            _("Eine Frist kann nur verlängert werden, solange eine Nachforderung offen ist (Status: „%(state)s“).")
            % {"state": CaseState(case.state).label}
        )
    nachforderung = (
        Nachforderung.objects.select_for_update().filter(case=case, answered_at__isnull=True)
        .order_by("-created_at").first()
    )
    if nachforderung is None:
        raise TransitionNotAllowed(_("Zu diesem Vorgang ist keine Nachforderung offen."))
    errors: dict[str, str] = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Bitte begründen Sie die Verlängerung der Frist.")
    elif len(reason) > MAX_EXTENSION_REASON:
        errors["reason"] = _("Die Begründung ist zu lang (höchstens %(max)s Zeichen).") % {"max": MAX_EXTENSION_REASON}
    if deadline <= timezone.localdate():
        errors["deadline"] = _("Die neue Frist muss in der Zukunft liegen.")
    elif deadline <= nachforderung.deadline:
        errors["deadline"] = _("Die neue Frist muss nach der bisherigen Frist (%(old)s) liegen.") % {
            "old": nachforderung.deadline.strftime("%d.%m.%Y")
        }
    if errors:
        raise ValidationError(errors)
    requested, deadline = deadline, statutory_deadline(deadline)
    before = {"deadline": nachforderung.deadline, "expired_at": nachforderung.expired_at}
    if nachforderung.original_deadline is None:
        nachforderung.original_deadline = nachforderung.deadline
    nachforderung.deadline = deadline
    nachforderung.extended_at = timezone.now()
    nachforderung.extension_reason = reason
    nachforderung.expired_at = None
    nachforderung.reminded_at = None
    nachforderung.save(update_fields=[
        "deadline", "original_deadline", "extended_at", "extension_reason", "expired_at", "reminded_at",
    ])
    record(
        CaseEvent.NACHFORDERUNG_EXTENDED, actor=actor, tenant=case.tenant, subject=nachforderung, case=case,
        before=before, after={"deadline": deadline, "requested_deadline": requested, "reason": reason},
    )
    case_event.send(sender=Case, case=case, event=CaseEvent.NACHFORDERUNG_EXTENDED, actor=actor, obj=nachforderung)
    return nachforderung


# -------------------------------------------------------------------------------------------------- the queue


@dataclass
class DeadlineNote:
    """One deadline of a case as the queue shows it."""

    label: str
    due: dt.date | None
    overdue: bool
    proposal: str = ""


OverdueSource = Callable[[list[Case], dt.date], "dict[Any, list[DeadlineNote]]"]
DEADLINE_SOURCES: Registry[OverdueSource] = Registry("deadlines in the clerk's queue")


#: For each source, optionally: the earliest ``due`` it adds to a case as an SQL expression over Case rows (a
#: Subquery with OuterRef("pk")), so that the queue sorts and pages in the database (workspace.queue).
DueExpression = Callable[[], Any]
DEADLINE_DUES: Registry[DueExpression] = Registry("deadlines in the clerk's queue, as SQL")


def register_deadline_source(key: str, fn: OverdueSource, due: DueExpression | None = None) -> None:
    """Other apps (e.g. Beteiligung) add deadlines to the queue: fn(cases, today) -> {case.pk: [DeadlineNote]}.
    A note with overdue=True makes the case count as overdue. ``due()``, if given, returns the earliest ``due``
    of fn's notes for a case as an SQL expression; without it the queue sorts all open cases in Python. A source
    with ``due`` must call ``cases.running_due.store([case_id])`` whenever its rows change (e.g. from a post_save
    receiver, as beteiligung does): each case stores its running deadline for the queue's index."""
    DEADLINE_SOURCES.register(key, fn)
    if due is not None:
        DEADLINE_DUES.register(key, due)


@dataclass
class QueueDeadlines:
    due: dt.date | None = None  # the deadline the queue sorts by (the earliest relevant one)
    notes: list[DeadlineNote] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return any(note.overdue for note in self.notes)


def queue_deadlines(cases: Iterable[Case], today: dt.date | None = None) -> dict[Any, QueueDeadlines]:
    """The deadlines of each case for the queue. Cases need `open_nf_deadline` and `open_nf_expired`
    annotations (see workspace.queue) or fall back to a query per case."""
    today = today or timezone.localdate()
    cases = list(cases)
    result: dict[Any, QueueDeadlines] = {}
    # translated once per call, not once per row (thousands of open cases in a Kreis)
    completeness, decision, nachforderung = _("Vollständigkeitsprüfung"), _("Entscheidung"), _("Nachforderung")
    proposal = str(EXPIRY_PROPOSAL)
    for case in cases:
        info = QueueDeadlines()
        if case.state == CaseState.SUBMITTED and case.completeness_due is not None:
            info.notes.append(DeadlineNote(
                completeness, case.completeness_due, case.completeness_due < today,
            ))
        elif case.state == CaseState.COMPLETE and case.decision_due is not None:
            # § 71 Abs. 6 BauO NRW: the date the Bauherrschaft was told (§ 71 Abs. 2 Nr. 1)
            info.notes.append(DeadlineNote(
                decision, case.decision_due, has_ended(case.decision_due, today),
            ))
        elif case.state == CaseState.NACHFORDERUNG:
            if hasattr(case, "open_nf_deadline"):
                due = case.open_nf_deadline
            else:
                nf = open_nachforderung(case)
                due = nf.deadline if nf else None
            if due is not None:
                due = legal_end(due)
                past = has_ended(due, today)
                info.notes.append(DeadlineNote(
                    nachforderung, due, past, proposal if past else "",
                ))
        result[case.pk] = info
    extra: list[dict[Any, list[DeadlineNote]]] = []
    for key, source in DEADLINE_SOURCES.items():
        try:
            extra.append(source(cases, today))
        except Exception:
            logger.exception("Fristenquelle %s fehlgeschlagen", key)
    for found in extra:
        for case_id, notes in found.items():
            if case_id in result:
                result[case_id].notes.extend(notes)
    for info in result.values():
        dues = [note.due for note in info.notes if note.due is not None]
        info.due = min(dues) if dues else None
    return result
