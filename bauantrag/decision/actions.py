"""The end of the procedure: the Bescheid (Baugenehmigung with Nebenbestimmungen, or Ablehnung), the
withdrawal (declared by the Bauherrschaft, or deemed under § 71 Abs. 1 Satz 3 BauO NRW), the closed case and its
Aufbewahrungsfrist.

Flow of a decision:
1. ``prepare_decision`` (the clerk's page "Entscheidung vorbereiten") checks the case may be decided (COMPLETE)
   and creates a DRAFT Bescheid through the correspondence app, with the Nebenbestimmungen (approval) or the
   reasons (refusal) in its context. Nothing about the case changes yet.
2. The clerk edits and sends the letter in the correspondence app. Its on-letter-sent hook calls
   ``record_decision(letter, actor)`` inside the sending transaction: the case moves to APPROVED/REFUSED, is
   closed and gets its retention date. If the case cannot be decided (e.g. it was withdrawn meanwhile) the
   hook raises TransitionNotAllowed and the letter is not sent.
The notification DECISION is the correspondence app's (it notifies when a Bescheid is sent), not ours.

A withdrawal (``record_withdrawal``) closes the case at once; the confirmation letter ("ruecknahme") is
optional and, once sent, is linked to the case by the same hook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import require_casework
from bauantrag.audit.service import record
from bauantrag.cases import workflow
from bauantrag.cases.deadlines import fictitious_withdrawal_basis
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Decision
from bauantrag.cases.signals import case_event
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence.actions import draft_letter
from bauantrag.correspondence.letter_context import CONDITION_GROUPS
from bauantrag.correspondence.models import Letter, LetterState
from bauantrag.decision.retention import retention_until
from bauantrag.registry import Registry

APPROVE, REFUSE = "approve", "refuse"
#: Letter kinds of the correspondence app (correspondence.models.LetterKind values).
KIND_APPROVAL, KIND_REFUSAL, KIND_WITHDRAWAL, KIND_ANHOERUNG = "baugenehmigung", "ablehnung", "ruecknahme", "anhoerung"
DECISION_LETTER_KINDS = {APPROVE: KIND_APPROVAL, REFUSE: KIND_REFUSAL}

MAX_CONDITIONS = 100
MAX_CONDITION_LENGTH = 4000
MAX_REASON_LENGTH = 20000
#: Kinds of Nebenbestimmungen (§ 36 VwVfG NRW) the Bescheid distinguishes (correspondence.letters).
CONDITION_KINDS = tuple(kind for kind, _label, _heading in CONDITION_GROUPS)


# --------------------------------------------------------------------------------------------- retention
# retention.py: approved cases are kept as long as the Anlage exists (§ 74 Abs. 5 Satz 3 BauO NRW), the others are
# offered to the archive at the end of the Kommune's period.


def _close(case: Case, decision: str, *, now: dt.datetime, reason: str = "",
           conditions: list[dict[str, str]] | None = None, letter_id: Any = None) -> None:
    case.decision = decision
    case.decided_at = now
    case.closed_at = now
    case.decision_reason = reason
    case.decision_conditions = conditions or []
    case.decision_letter_id = letter_id
    case.retention_until = retention_until(decision, timezone.localdate(now))


def _record_closed(case: Case, actor: User | None) -> None:
    record(
        CaseEvent.CASE_CLOSED, actor=actor, tenant=case.tenant, subject=case, case=case,
        after={"state": case.state, "decision": case.decision, "closed_at": case.closed_at,
               "retention_until": case.retention_until},
    )


# ------------------------------------------------------------------------------------------------ conditions


def normalise_conditions(entries: Any) -> list[dict[str, str]]:
    """[{kind, text, fachstelle?, legal_basis?, reason?}] from strings or dicts; empty texts dropped, kinds
    checked. The legal basis a Fachstelle stated (e.g. "§ 30 BauO NRW") is kept for the Bescheid."""
    result: list[dict[str, str]] = []
    for entry in entries or []:
        if isinstance(entry, str):
            row = {"kind": "auflage", "text": entry}
        elif isinstance(entry, dict):
            row = {"kind": str(entry.get("kind") or "auflage").lower(), "text": str(entry.get("text") or "")}
            for key, limit in (("fachstelle", 300), ("legal_basis", 300), ("reason", MAX_CONDITION_LENGTH)):
                if str(entry.get(key) or "").strip():
                    row[key] = str(entry[key]).replace("\r\n", "\n").strip()[:limit]
        else:
            continue
        row["text"] = row["text"].replace("\r\n", "\n").strip()
        if not row["text"]:
            continue
        if row["kind"] not in CONDITION_KINDS:
            row["kind"] = "auflage"
        result.append(row)
    return result


ConditionSource = Callable[[Case], list[dict[str, str]]]
#: Where the Nebenbestimmungen proposed for a Baugenehmigung come from (the Beteiligung registers the
#: Stellungnahmen's): fn(case) -> [{"text", "kind"?, "fachstelle"?, "legal_basis"?}].
CONDITION_SOURCES: Registry[ConditionSource] = Registry("sources of proposed Nebenbestimmungen")


def suggested_conditions(case: Case) -> list[dict[str, str]]:
    """The Nebenbestimmungen proposed for the Bescheid (e.g. those the Fachstellen asked for)."""
    return normalise_conditions([row for source in CONDITION_SOURCES.values() for row in source(case)])


def anhoerung_sent(case: Case) -> bool:
    """True if an Anhörung (§ 28 VwVfG NRW) was sent to the applicant side of this case."""
    return Letter.objects.filter(case=case, kind=KIND_ANHOERUNG, state=LetterState.SENT).exists()


def decision_drafts(case: Case) -> list[Letter]:
    """Bescheid drafts of the case that were not sent yet."""
    return list(Letter.objects.filter(
        case=case, kind__in=(KIND_APPROVAL, KIND_REFUSAL, KIND_WITHDRAWAL), state=LetterState.DRAFT,
    ).order_by("-created_at"))


# ------------------------------------------------------------------------------------------------- actions


def prepare_decision(
    actor: User, case: Case, *, outcome: str, conditions: list[Any] | None = None, reasons: str = "",
) -> Letter:
    """Create the Bescheid draft (approval with Nebenbestimmungen, or refusal with reasons). The case changes
    only when the letter is sent (record_decision)."""
    with transaction.atomic():
        require_casework(actor, case)
        case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
        if outcome not in DECISION_LETTER_KINDS:
            raise ValidationError({"outcome": _("Bitte wählen Sie: Baugenehmigung erteilen oder Antrag ablehnen.")})
        workflow.check(case, workflow.APPROVE if outcome == APPROVE else workflow.REFUSE)
        reasons = (reasons or "").replace("\r\n", "\n").strip()
        clean = normalise_conditions(conditions) if outcome == APPROVE else []
        errors: dict[str, str] = {}
        if outcome == REFUSE and not reasons:
            errors["reasons"] = _("Eine Ablehnung muss begründet werden (§ 39 VwVfG NRW). Bitte nennen Sie die Gründe.")
        if len(reasons) > MAX_REASON_LENGTH:
            errors["reasons"] = _("Die Begründung ist zu lang (höchstens %(max)s Zeichen).") % {
                "max": MAX_REASON_LENGTH}
        if len(clean) > MAX_CONDITIONS:
            errors["conditions"] = _("Höchstens %(max)s Nebenbestimmungen.") % {"max": MAX_CONDITIONS}
        if any(len(c["text"]) > MAX_CONDITION_LENGTH for c in clean):
            errors["conditions"] = _("Eine Nebenbestimmung ist zu lang (höchstens %(max)s Zeichen).") % {
                "max": MAX_CONDITION_LENGTH}
        if errors:
            raise ValidationError(errors)
        context: dict[str, Any] = {"decision": outcome}
        if outcome == APPROVE:
            context["nebenbestimmungen"] = clean
        else:
            context["reasons"] = reasons
            context["anhoerung_sent"] = anhoerung_sent(case)
        return draft_letter(actor, case, DECISION_LETTER_KINDS[outcome], context=context)


def record_decision(letter: Letter, actor: User | None) -> None:
    """Hook of the correspondence app, called inside send_letter's transaction when a letter was sent.

    A Baugenehmigung or Ablehnung decides the case (APPROVED / REFUSED), closes it and sets its retention date;
    a Rücknahme confirmation is linked to the already withdrawn case. Other letters are ignored."""
    kind = str(letter.kind)
    if kind == KIND_WITHDRAWAL:
        Case.objects.filter(pk=letter.case_id, state=CaseState.WITHDRAWN, decision_letter_id__isnull=True).update(
            decision_letter_id=letter.pk
        )
        return
    if kind not in (KIND_APPROVAL, KIND_REFUSAL):
        return
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=letter.case_id)
    if actor is not None:
        require_casework(actor, case)
    approve = kind == KIND_APPROVAL
    before, after = workflow.apply(case, workflow.APPROVE if approve else workflow.REFUSE, actor=actor)
    context = letter.context if isinstance(letter.context, dict) else {}
    conditions = normalise_conditions(context.get("nebenbestimmungen")) if approve else []
    reasons = "" if approve else str(context.get("reasons") or "").strip()
    now = letter.sent_at or timezone.now()
    _close(case, Decision.APPROVED if approve else Decision.REFUSED, now=now, reason=reasons,
           conditions=conditions, letter_id=letter.pk)
    case.save()
    event = CaseEvent.CASE_APPROVED if approve else CaseEvent.CASE_REFUSED
    record(
        event, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"state": before},
        after={"state": after, "letter": str(letter.pk), "sha256": letter.sha256,
               "nebenbestimmungen": conditions, "reasons": reasons},
    )
    _record_closed(case, actor)
    case_event.send(sender=Case, case=case, event=event, actor=actor, obj=letter)


@transaction.atomic
def record_withdrawal(actor: User, case: Case, *, reason: str = "", fictitious: bool = False) -> Case:
    """Record the withdrawal of the application and close the case.

    fictitious=False: the Bauherrschaft declared it (reason: when and how; required).
    fictitious=True: the clerk confirms the proposal after a Nachforderung's deadline passed without the defects
    being cured — "gilt der Antrag als zurückgenommen" (§ 71 Abs. 1 Satz 3 BauO NRW); only possible then."""
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
    workflow.check(case, workflow.WITHDRAW)
    note = (reason or "").replace("\r\n", "\n").strip()
    if len(note) > MAX_REASON_LENGTH:
        raise ValidationError({"reason": _("Der Text ist zu lang (höchstens %(max)s Zeichen).") % {
            "max": MAX_REASON_LENGTH}})
    basis = None
    if fictitious:
        basis = fictitious_withdrawal_basis(case)
        if basis is None:
            raise TransitionNotAllowed(_(
                "Der Antrag gilt nur dann als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW), wenn die Frist einer "
                "Nachforderung abgelaufen ist, ohne dass die Mängel behoben wurden. Das ist hier nicht der Fall."
            ))
        statement = _(
            "Die Frist der Nachforderung vom %(sent)s lief am %(deadline)s ab, ohne dass die Mängel behoben "
            "wurden; der Antrag gilt als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW)."
        ) % {"sent": timezone.localtime(basis.created_at).strftime("%d.%m.%Y"),
             "deadline": basis.deadline.strftime("%d.%m.%Y")}
        note = f"{statement}\n{note}" if note else statement
    elif not note:
        raise ValidationError({"reason": _(
            "Bitte geben Sie an, wann und wie die Bauherrschaft die Rücknahme erklärt hat."
        )})
    before, after = workflow.apply(case, workflow.WITHDRAW, actor=actor)
    decision = Decision.WITHDRAWN_FICTITIOUS if fictitious else Decision.WITHDRAWN
    _close(case, decision, now=timezone.now(), reason=note)
    case.save()
    record(
        CaseEvent.CASE_WITHDRAWN, actor=actor, tenant=case.tenant, subject=case, case=case,
        before={"state": before},
        after={"state": after, "decision": decision, "reason": note,
               "nachforderung": str(basis.pk) if basis else None},
    )
    _record_closed(case, actor)
    case_event.send(sender=Case, case=case, event=CaseEvent.CASE_WITHDRAWN, actor=actor, obj=basis)
    return case


def draft_withdrawal_letter(actor: User, case: Case) -> Letter:
    """The confirmation of the withdrawal as a draft letter (correspondence app), for the clerk to send."""
    context = {"reason": "fiction" if case.decision == Decision.WITHDRAWN_FICTITIOUS else "declared"}
    return draft_letter(actor, case, KIND_WITHDRAWAL, context=context)
