"""Retention of closed cases and their offer to the Kommune's archive. Nothing is deleted here.

* Approved: § 74 Abs. 5 Satz 3 BauO NRW (2021 and 2024): „Die Bauaufsichtsbehörde hat die Unterlagen nach Absatz 2
  Satz 3 so lange aufzubewahren, wie die Anlage besteht.“ – no end date (``retention_until`` stays empty).
* Refused or withdrawn: no statutory period was found (BauO NRW, BauPrüfVO); the Kommune's Aktenplan decides
  (settings.RETENTION_YEARS_NOT_APPROVED, from the end of the closing year). At its end the case is listed for the
  offer to the archive: ArchivG NRW § 10 Abs. 4 (Fassung bis 03.08.2026): „Unterlagen, die zur Aufgabenerfüllung nicht
  mehr benötigt werden, sind dem Archiv anzubieten.“ The Kommune's administration records the offer and the
  archive's answer; the later version of the ArchivG NRW (from 04.08.2026) was not seen.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, User
from bauantrag.audit.service import record
from bauantrag.cases.models import Case, CaseState, Decision
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision.events import RetentionEvent
from bauantrag.decision.models import ArchiveOffer, ArchiveStatus

MAX_NOTE = 4000
NOT_APPROVED = (Decision.REFUSED, Decision.WITHDRAWN, Decision.WITHDRAWN_FICTITIOUS)


def retention_years_not_approved() -> int:
    return int(getattr(settings, "RETENTION_YEARS_NOT_APPROVED", 10))


def retention_until(decision: str, closed_on: dt.date) -> dt.date | None:
    """End of the Aufbewahrungsfrist. Approved: None (as long as the Anlage exists, § 74 Abs. 5 Satz 3 BauO NRW).
    Otherwise the end of the closing year plus the Kommune's years (closed 14.03.2026, 10 years → 31.12.2036);
    None if the Kommune keeps them permanently (0 years)."""
    if decision == Decision.APPROVED:
        return None
    years = retention_years_not_approved()
    if years <= 0:
        return None
    return dt.date(closed_on.year + years, 12, 31)


def list_due(today: dt.date | None = None) -> int:
    """Mark every refused or withdrawn case whose retention period has ended as due for the offer to the archive
    (once). Idempotent; returns how many were listed now."""
    today = today or timezone.localdate()
    due = Case.objects.filter(
        state__in=(CaseState.REFUSED, CaseState.WITHDRAWN), decision__in=NOT_APPROVED,
        retention_until__lt=today, archive_offer__isnull=True,
    ).select_related("tenant")
    listed = 0
    for case in due:
        with transaction.atomic():
            retention = case.retention_until
            assert retention is not None  # filtered above
            offer, created = ArchiveOffer.objects.get_or_create(
                case=case, defaults={"tenant": case.tenant, "due_on": retention}
            )
            if created:
                record(RetentionEvent.ARCHIVE_DUE, actor=None, tenant=case.tenant, subject=offer, case=case,
                       after={"retention_until": retention, "status": offer.status})
                listed += 1
    return listed


def offers_for(actor: User) -> QuerySet[ArchiveOffer]:
    """The Kommune's offers, for its administration."""
    _require_admin(actor)
    assert actor.tenant_id is not None  # checked by _require_admin
    return ArchiveOffer.objects.filter(tenant_id=actor.tenant_id).select_related("case").order_by("status", "due_on")


def _require_admin(actor: User) -> None:
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id is None:
        raise PermissionDenied(_("Nur die Administration der Kommune bietet Akten dem Archiv an."))


def _locked(actor: User, offer: ArchiveOffer) -> ArchiveOffer:
    _require_admin(actor)
    offer = ArchiveOffer.objects.select_for_update().select_related("case", "tenant").get(pk=offer.pk)
    if offer.tenant_id != actor.tenant_id:
        raise PermissionDenied(_("Die Akte gehört nicht zu Ihrer Kommune."))
    return offer


def _note(note: str, *, required: bool) -> str:
    note = (note or "").replace("\r\n", "\n").strip()
    if required and not note:
        raise ValidationError({"note": _("Bitte vermerken Sie die Antwort des Archivs (wer, wann, Aktenzeichen).")})
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("Der Vermerk ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_NOTE}})
    return note


@transaction.atomic
def record_offer(actor: User, offer: ArchiveOffer, *, note: str = "") -> ArchiveOffer:
    """The case was offered to the archive (ArchivG NRW § 10 Abs. 4)."""
    offer = _locked(actor, offer)
    if offer.status != ArchiveStatus.DUE:
        raise TransitionNotAllowed(_("Die Akte wurde dem Archiv bereits angeboten."))
    offer.status, offer.offered_at, offer.offered_by = ArchiveStatus.OFFERED, timezone.now(), actor
    offer.note = _note(note, required=False)
    offer.save(update_fields=["status", "offered_at", "offered_by", "note"])
    record(RetentionEvent.ARCHIVE_OFFERED, actor=actor, tenant=offer.tenant, subject=offer, case=offer.case,
           before={"status": ArchiveStatus.DUE}, after={"status": offer.status, "note": offer.note})
    return offer


@transaction.atomic
def record_archive_answer(actor: User, offer: ArchiveOffer, *, taken: bool, note: str) -> ArchiveOffer:
    """The archive's answer: it takes the case over, or declines it as not archivwürdig. Either way the software
    deletes nothing; a deletion needs its own recorded decision (not built)."""
    offer = _locked(actor, offer)
    if offer.status != ArchiveStatus.OFFERED:
        raise TransitionNotAllowed(_("Eine Antwort des Archivs kann erst nach der Anbietung erfasst werden."))
    text = _note(note, required=True)
    offer.status = ArchiveStatus.TAKEN if taken else ArchiveStatus.DECLINED
    offer.decided_at, offer.decided_by = timezone.now(), actor
    offer.note = f"{offer.note}\n{text}".strip()
    offer.save(update_fields=["status", "decided_at", "decided_by", "note"])
    record(RetentionEvent.ARCHIVE_DECIDED, actor=actor, tenant=offer.tenant, subject=offer, case=offer.case,
           before={"status": ArchiveStatus.OFFERED}, after={"status": offer.status, "note": text})
    return offer
