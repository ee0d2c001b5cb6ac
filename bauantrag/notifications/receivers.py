"""E-mails to the applicant side about what happened to their case (connected in NotificationsConfig.ready to
cases.signals.case_event). They run inside the case action's transaction: the log rows are written with the
change, and the sending is queued after the commit (notifications.service)."""

from __future__ import annotations

from typing import Any

from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case
from bauantrag.notifications.models import NotificationEvent
from bauantrag.notifications.service import notify_case_event

CASE_EVENT_NOTIFICATIONS: dict[str, NotificationEvent] = {
    CaseEvent.CASE_SUBMITTED: NotificationEvent.SUBMITTED,
    CaseEvent.CASE_RESUBMITTED: NotificationEvent.RESUBMITTED,
    CaseEvent.NACHFORDERUNG_SENT: NotificationEvent.NACHFORDERUNG,
    CaseEvent.NACHFORDERUNG_EXTENDED: NotificationEvent.NACHFORDERUNG,
    CaseEvent.NACHFORDERUNG_REMINDED: NotificationEvent.REMINDER,
    CaseEvent.CASE_COMPLETE: NotificationEvent.COMPLETE,
}


def on_case_event(sender: Any, *, case: Case, event: str, **kwargs: Any) -> None:
    notification = CASE_EVENT_NOTIFICATIONS.get(event)
    if notification is not None:
        notify_case_event(case, notification)
